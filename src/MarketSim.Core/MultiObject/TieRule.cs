namespace MarketSim.Core.MultiObject;

/// <summary>How the knapsack orders a buyer item and a seller item with equal cost-to-benefit ratios.</summary>
internal enum TieRule
{
    /// <summary>The public rule (see <see cref="ThresholdSolver"/>): two mu's filled together, mu before c, c's split.</summary>
    Symmetric,

    /// <summary>Buyer first: the order just below the weight (the left limit).</summary>
    BuyerFirst,

    /// <summary>Seller first: the order just above the weight (the right limit).</summary>
    SellerFirst,
}

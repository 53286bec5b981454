namespace MarketSim.Core.Scenarios;

/// <summary>How lump sums are paid on a finite market (docs/theory.md §2).</summary>
public enum LumpSumPolicy
{
    /// <summary>Split the realised revenue equally: exact budget balance every round.</summary>
    Realized,

    /// <summary>Pay the continuum lump sum: the budget surplus may be negative.</summary>
    Promised,
}

/// <summary>Which side receives the lump sum; Auto = the side with the larger Lambda_j (docs/theory.md §1.2).</summary>
public enum LumpSumRecipient
{
    Auto,
    Buyers,
    Sellers,
}

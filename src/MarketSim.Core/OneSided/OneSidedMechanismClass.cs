namespace MarketSim.Core.OneSided;

/// <summary>What the optimal one-sided menu is (002 slides, Propositions on p_S and p_B).</summary>
public enum OneSidedMechanismClass
{
    /// <summary>One price at which exactly Q agents want to trade: G_S^{-1}(Q) or G_B^{-1}(1 - Q).</summary>
    CompetitivePrice,

    /// <summary>One price at which more than Q agents want to trade, rationed by lottery.</summary>
    RationingAtSinglePrice,

    /// <summary>Two options: e.g. buyers choose p_B^H surely or p_B^L with probability delta &lt; 1.</summary>
    TwoPrices,

    /// <summary>More options (only where the budget binds exactly at a degenerate multiplier).</summary>
    SeveralPrices,
}

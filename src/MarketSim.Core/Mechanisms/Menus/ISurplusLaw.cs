namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// The law of a posted mechanism's budget surplus B (total, not per seller) under promised lump sums
/// (docs/theory.md §2.2, "Budget surplus"): exact (<see cref="FiniteSurplusLaw"/>) or its normal
/// approximation beyond the exact law's budget (<see cref="FiniteSurplusMoments"/>).
/// </summary>
internal interface ISurplusLaw
{
    /// <summary>P(B &lt; 0).</summary>
    double DeficitProbability();

    /// <summary>The q-quantile of B.</summary>
    double Quantile(double level);
}

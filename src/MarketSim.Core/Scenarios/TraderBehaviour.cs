namespace MarketSim.Core.Scenarios;

/// <summary>
/// How a side's traders report to the finite CE (docs/theory.md §2.4): their rate (truthful, the
/// default) or the bid function of the symmetric Bayes-Nash equilibrium of the k-double auction.
/// Posted mechanisms are dominant-strategy incentive compatible, so their reports are always truthful.
/// </summary>
public enum TraderBehaviour
{
    Truthful,
    Equilibrium,
}

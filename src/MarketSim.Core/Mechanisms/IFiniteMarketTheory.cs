using MarketSim.Core.Theory;

namespace MarketSim.Core.Mechanisms;

/// <summary>
/// A two-sided mechanism whose metrics have an exact expectation at the scenario's population size
/// (the summary's <c>theory_finite</c> column, docs/theory.md §2.2): the posted mechanisms, whose
/// finite-market outcome is a function of the multinomial counts of option choices.
/// </summary>
public interface IFiniteMarketTheory
{
    /// <summary>Expected metric values with <paramref name="buyerCount"/> buyers and <paramref name="sellerCount"/> sellers, keyed by metric name.</summary>
    IReadOnlyDictionary<string, double> FiniteValues(ContinuumMarket market, int buyerCount, int sellerCount);
}

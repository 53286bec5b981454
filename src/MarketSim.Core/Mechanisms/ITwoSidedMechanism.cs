using MarketSim.Core.Agents;
using MarketSim.Core.Random;
using MarketSim.Core.Theory;

namespace MarketSim.Core.Mechanisms;

/// <summary>
/// A mechanism of the two-sided market (docs/theory.md §1.2) run by the clearinghouse on a finite market
/// (docs/theory.md §2). Implementations are pure: same market and same lottery stream, same outcome.
/// </summary>
public interface ITwoSidedMechanism
{
    /// <summary>The label used in CSV output (unique within a scenario).</summary>
    string Name { get; }

    /// <summary>Clears the market; lotteries draw only from <paramref name="lottery"/>.</summary>
    void Clear(MarketInstance market, ref RandomStream lottery, MechanismOutcome outcome);

    /// <summary>
    /// The continuum values of this mechanism's metrics (docs/theory.md §5's `theory` column), keyed by metric
    /// name, per unit mass of sellers. Empty where the theory gives none.
    /// </summary>
    IReadOnlyDictionary<string, double> ContinuumValues(ContinuumMarket market);
}

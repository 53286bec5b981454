using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;

namespace MarketSim.Core.Metrics;

/// <summary>The metrics of SPEC 5 for one mechanism in one replication.</summary>
public static class OutcomeMetrics
{
    /// <summary>Total welfare sum_B (x v^K - t v^M) + sum_S (-x v^K + t v^M), lump sums included (not per seller).</summary>
    public static double TotalWelfare(MarketInstance market, MechanismOutcome outcome) =>
        throw new NotImplementedException("filled by the metrics work");

    /// <summary>Total gains from trade in willingness to pay: sum over traders of buyer r minus seller r.</summary>
    public static double TotalGainsFromTrade(MarketInstance market, MechanismOutcome outcome) =>
        throw new NotImplementedException("filled by the metrics work");

    /// <summary>Appends the standard metrics, then the outcome's ledger, to <paramref name="into"/>.</summary>
    public static void Compute(
        MarketInstance market, MechanismOutcome outcome, ReferenceOutcome reference, List<MetricValue> into) =>
        throw new NotImplementedException("filled by the metrics work");
}

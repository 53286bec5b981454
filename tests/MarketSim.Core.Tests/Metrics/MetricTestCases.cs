using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Metrics;
using MarketSim.Core.Random;
using MarketSim.Core.Tests.Mechanisms;

namespace MarketSim.Core.Tests.Metrics;

/// <summary>
/// Random outcomes and the independent per-agent view the metric tests check OutcomeMetrics against.
/// </summary>
internal static class MetricTestCases
{
    /// <summary>One agent: side, v^M and money-metric utility u (welfare is v^M u, docs/theory.md §1.1).</summary>
    public sealed record Agent(Side Side, int Index, double ValueOfMoney, double Utility);

    /// <summary>A random market of 1 to 60 buyers and 1 to 60 sellers (CompetitiveEquilibriumMarkets.Draw).</summary>
    public static MarketInstance RandomMarket(ref RandomStream stream, bool withTies) =>
        CompetitiveEquilibriumMarkets.Draw(ref stream, 1 + stream.NextInt(60), 1 + stream.NextInt(60), withTies);

    /// <summary>
    /// A random, not necessarily clearing outcome: each agent trades with probability 1/2 at a U[0,1]
    /// payment; each side's lump sum is 0.2 U, or, with <paramref name="lumpSumsMayBeZero"/>, zero with
    /// probability 1/2 (one more draw per side).
    /// </summary>
    public static MechanismOutcome RandomOutcome(ref RandomStream stream, MarketInstance market, bool lumpSumsMayBeZero)
    {
        var outcome = new MechanismOutcome();
        outcome.Reset(market.Buyers.Count, market.Sellers.Count);
        for (var i = 0; i < market.Buyers.Count; i++)
        {
            if (stream.NextBernoulli(0.5))
            {
                outcome.BuyerTraded[i] = 1;
                outcome.BuyerPayment[i] = stream.NextUniform();
            }
        }

        for (var i = 0; i < market.Sellers.Count; i++)
        {
            if (stream.NextBernoulli(0.5))
            {
                outcome.SellerTraded[i] = 1;
                outcome.SellerPayment[i] = stream.NextUniform();
            }
        }

        outcome.BuyerLumpSum = RandomLumpSum(ref stream, lumpSumsMayBeZero);
        outcome.SellerLumpSum = RandomLumpSum(ref stream, lumpSumsMayBeZero);
        return outcome;
    }

    /// <summary>OutcomeMetrics.Compute as a name -> value map.</summary>
    public static Dictionary<string, double> Compute(MarketInstance market, MechanismOutcome outcome, ReferenceOutcome reference)
    {
        var metrics = new List<MetricValue>();
        OutcomeMetrics.Compute(market, outcome, reference, metrics);
        return metrics.ToDictionary(metric => metric.Name, metric => metric.Value);
    }

    /// <summary>Every agent with its utility x r - t + L (buyers) or t - x r + L (sellers), docs/theory.md §1.1.</summary>
    public static Agent[] Agents(MarketInstance market, MechanismOutcome outcome)
    {
        var buyers = market.Buyers;
        var sellers = market.Sellers;
        return
        [
            .. Enumerable.Range(0, buyers.Count).Select(i => new Agent(
                Side.Buyers, i, buyers.ValueOfMoney[i],
                (outcome.BuyerTraded[i] * buyers.RateOfSubstitution[i]) - outcome.BuyerPayment[i] + outcome.BuyerLumpSum)),
            .. Enumerable.Range(0, sellers.Count).Select(i => new Agent(
                Side.Sellers, i, sellers.ValueOfMoney[i],
                outcome.SellerPayment[i] - (outcome.SellerTraded[i] * sellers.RateOfSubstitution[i]) + outcome.SellerLumpSum)),
        ];
    }

    /// <summary>The metrics' ranking: poorest (highest v^M) first, ties buyers before sellers, then by index.</summary>
    public static IEnumerable<Agent> PoorestFirst(IEnumerable<Agent> agents) =>
        agents.OrderByDescending(agent => agent.ValueOfMoney).ThenBy(agent => agent.Side).ThenBy(agent => agent.Index);

    private static double RandomLumpSum(ref RandomStream stream, bool mayBeZero) =>
        mayBeZero && stream.NextUniform() < 0.5 ? 0 : 0.2 * stream.NextUniform();
}

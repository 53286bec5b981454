using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Metrics;
using MarketSim.Core.Random;
using MarketSim.Core.Tests.Mechanisms;

namespace MarketSim.Core.Tests.Metrics;

/// <summary>
/// Accounting identities of docs/theory.md §5 on random markets and random (not necessarily clearing)
/// outcomes with lump sums, against independent per-agent computations.
/// </summary>
public sealed class OutcomeMetricsAccountingTests
{
    private const ulong Seed = 77;

    [Fact]
    public void MetricsEqualIndependentPerAgentSums()
    {
        for (var index = 0; index < 200; index++)
        {
            var stream = new RandomStream(StreamKey.ForPurpose(Seed, index, "test:metrics-accounting"));
            var market = MetricTestCases.RandomMarket(ref stream, withTies: index % 2 == 0);
            var outcome = MetricTestCases.RandomOutcome(ref stream, market, lumpSumsMayBeZero: true);
            var reference = new ReferenceOutcome(stream.NextUniform() * 10, 1 + stream.NextUniform());

            var value = MetricTestCases.Compute(market, outcome, reference);

            // Every agent independently: (side, v^M, money-metric utility u); welfare is v^M u.
            var agents = MetricTestCases.Agents(market, outcome);
            var sellers = (double)market.Sellers.Count;
            var totalWelfare = agents.Sum(agent => agent.ValueOfMoney * agent.Utility);
            var buyerWelfare = agents.Where(agent => agent.Side == Side.Buyers).Sum(agent => agent.ValueOfMoney * agent.Utility);
            Assert.Equal(totalWelfare / sellers, value["welfare"], 10);
            Assert.Equal(buyerWelfare / sellers, value["welfare_buyers"], 10);
            Assert.Equal(value["welfare"], value["welfare_buyers"] + value["welfare_sellers"], 10);
            Assert.Equal(1, value["buyer_welfare_share"] + value["seller_welfare_share"], 9);
            Assert.Equal(totalWelfare, OutcomeMetrics.TotalWelfare(market, outcome), 9);
            Assert.Equal((totalWelfare - reference.TotalWelfare) / sellers, value["welfare_minus_ce"], 10);

            // Utility x r - t + L of a buyer: welfare x v^K - t v^M + L v^M (docs/theory.md §1.1), so the
            // transfers cancel in gains: gains = sum of utilities minus net money into the agents.
            var buyerPayments = outcome.BuyerPayment.ToArray().Sum();
            var sellerPayments = outcome.SellerPayment.ToArray().Sum();
            var lumpSums = (market.Buyers.Count * outcome.BuyerLumpSum) + (market.Sellers.Count * outcome.SellerLumpSum);
            var gains = agents.Sum(agent => agent.Utility) - (sellerPayments - buyerPayments) - lumpSums;
            Assert.Equal(gains / sellers, value["gains_from_trade"], 10);
            Assert.Equal(gains / reference.TotalGainsFromTrade, value["efficiency"], 10);
            Assert.Equal((buyerPayments - sellerPayments) / sellers, value["revenue"], 12);
            Assert.Equal((buyerPayments - sellerPayments - lumpSums) / sellers, value["budget_surplus"], 12);
            Assert.Equal(value["budget_surplus"] < -1e-9 ? 1 : 0, value["deficit"]);

            var utilities = agents.Select(agent => agent.Utility).ToArray();
            var mean = utilities.Average();
            var pairwise = utilities.Sum(a => utilities.Sum(b => Math.Abs(a - b)));
            var gini = mean > 0 ? pairwise / (2.0 * utilities.Length * utilities.Length * mean) : double.NaN;
            Assert.Equal(gini, value["gini_money_metric_utility"], 10);

            var poorest = MetricTestCases.PoorestFirst(agents)
                .Take((int)Math.Ceiling(agents.Length / 5m))
                .Sum(agent => agent.ValueOfMoney * agent.Utility);
            Assert.Equal(poorest / totalWelfare, value["poorest_fifth_welfare_share"], 9);
        }
    }

    /// <summary>House rule: measuring allocates nothing per agent after warm-up (pooled sort scratch).</summary>
    [Fact]
    public void ComputeAllocatesNothingPerAgentAfterWarmUp()
    {
        var stream = new RandomStream(StreamKey.ForPurpose(Seed, 0, "test:metrics-allocation"));
        var market = CompetitiveEquilibriumMarkets.Draw(ref stream, 5000, 5000, withTies: false);
        var outcome = MetricTestCases.RandomOutcome(ref stream, market, lumpSumsMayBeZero: true);
        var metrics = new List<MetricValue>(64);
        OutcomeMetrics.Compute(market, outcome, new ReferenceOutcome(1, 1), metrics);
        metrics.Clear();

        var before = GC.GetAllocatedBytesForCurrentThread();
        OutcomeMetrics.Compute(market, outcome, new ReferenceOutcome(1, 1), metrics);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 1000, $"allocated {allocated} bytes for 10000 agents");
    }
}

using MarketSim.Core.Metrics;
using MarketSim.Core.Random;
using MarketSim.Core.Tests.Mechanisms;

namespace MarketSim.Core.Tests.Metrics;

/// <summary>
/// The value-for-money deciles (OutcomeMetrics remarks): the agent at position k of n, poorest (highest
/// v^M) first, is in decile 10 - floor(10 k / n); each decile's metric is the mean money-metric utility
/// of its agents. Checked against an independent per-agent computation on random markets, and the
/// identity tying them to the standard metrics:
/// sum_d |D_d| mean_d = sum of all utilities = N_S (gains_from_trade - budget_surplus),
/// because the transfers cancel (utility = gains in willingness to pay - payments + lump sums) and
/// budget_surplus N_S = revenue - lump sums. When 10 divides n, |D_d| = n/10 and so
/// mean over d of mean_d = (N_S / n) (gains_from_trade - budget_surplus).
/// </summary>
public sealed class DecileMeansPartitionMoneyMetricUtilityTests
{
    private const ulong Seed = 91;

    [Fact]
    public void DecileMeansMatchPerAgentRankingAndSumToTotalUtility()
    {
        for (var index = 0; index < 200; index++)
        {
            var stream = new RandomStream(StreamKey.ForPurpose(Seed, index, "test:metrics-deciles"));
            var market = MetricTestCases.RandomMarket(ref stream, withTies: index % 2 == 0);
            var outcome = MetricTestCases.RandomOutcome(ref stream, market, lumpSumsMayBeZero: false);
            var value = MetricTestCases.Compute(market, outcome, new ReferenceOutcome(1, 1));

            var agents = MetricTestCases.PoorestFirst(MetricTestCases.Agents(market, outcome)).ToArray();
            var count = agents.Length;
            var weightedSum = 0.0;
            for (var decile = 1; decile <= OutcomeMetrics.Deciles; decile++)
            {
                // Positions k with 10 - floor(10 k / n) = d, i.e. ceil((10 - d) n / 10) <= k < ceil((11 - d) n / 10).
                var members = agents.Where((_, position) => 10 - (10 * position / count) == decile).ToArray();
                var first = ((10 - decile) * count + 9) / 10;
                var end = ((11 - decile) * count + 9) / 10;
                Assert.Equal(end - first, members.Length);
                Assert.InRange(members.Length, count / 10, (count + 9) / 10); // sizes differ by at most one
                var metric = value[$"money_metric_utility_decile_{decile}"];
                if (members.Length == 0)
                {
                    Assert.True(double.IsNaN(metric), $"empty decile {decile} of {count} agents must be NaN");
                    continue;
                }

                Assert.Equal(members.Average(agent => agent.Utility), metric, 10);
                weightedSum += members.Length * metric;
            }

            var sellers = market.Sellers.Count;
            Assert.Equal(sellers * (value["gains_from_trade"] - value["budget_surplus"]), weightedSum, 9);
        }
    }

    /// <summary>n = 60 + 40 = 100 agents: ten deciles of 10, so the mean of the decile means is the mean utility.</summary>
    [Fact]
    public void WithEqualDecilesTheMeanOfDecileMeansIsTheMeanUtility()
    {
        var stream = new RandomStream(StreamKey.ForPurpose(Seed, 0, "test:metrics-equal-deciles"));
        var market = CompetitiveEquilibriumMarkets.Draw(ref stream, 60, 40, withTies: false);
        var outcome = MetricTestCases.RandomOutcome(ref stream, market, lumpSumsMayBeZero: false);

        var value = MetricTestCases.Compute(market, outcome, new ReferenceOutcome(1, 1));

        var meanOfDecileMeans = OutcomeMetrics.DecileNames.Average(name => value[name]);
        Assert.Equal(40.0 / 100 * (value["gains_from_trade"] - value["budget_surplus"]), meanOfDecileMeans, 12);
        Assert.Equal(MetricTestCases.Agents(market, outcome).Average(agent => agent.Utility), meanOfDecileMeans, 12);
    }
}

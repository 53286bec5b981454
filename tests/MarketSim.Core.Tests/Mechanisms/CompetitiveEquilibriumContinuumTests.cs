using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Metrics;
using MarketSim.Core.Random;
using MarketSim.Core.Tests.Theory.Solver;

namespace MarketSim.Core.Tests.Mechanisms;

/// <summary>
/// CE's theory column (docs/theory.md §5) uses the metric names OutcomeMetrics emits, and the finite CE on
/// docs/theory.md §1.4's uniform example converges to it (docs/theory.md §5: "the continuum W is its large-N limit").
/// </summary>
public sealed class CompetitiveEquilibriumContinuumTests
{
    /// <summary>m = 3: p = 1/4, Q = 3/4, W = 9/16 (half to each side), gains 3/8.</summary>
    [Fact]
    public void ContinuumValuesAreTheClosedFormsUnderMetricNames()
    {
        var values = new CompetitiveEquilibrium("ce").ContinuumValues(SolverTestMarkets.UniformExample(3));

        Assert.Subset(
            new HashSet<string>([.. OutcomeMetrics.StandardNames, "price", "price_low", "price_high"]),
            values.Keys.ToHashSet());
        Assert.Equal(0.25, values["price"], 12);
        Assert.Equal(0.25, values["mean_buyer_price"], 12);
        Assert.Equal(0.75, values["volume"], 12);
        Assert.Equal(9.0 / 16, values["welfare"], 12);
        Assert.Equal(9.0 / 32, values["welfare_sellers"], 12);
        Assert.Equal(0.5, values["seller_welfare_share"], 12);
        Assert.Equal(3.0 / 8, values["gains_from_trade"], 12);
        Assert.Equal(0, values["budget_surplus"]);
        Assert.Equal(1, values["efficiency"]);
    }

    /// <summary>
    /// 40 replications of N_S = N_B = 4000 on the uniform example (m = 3): the replication means of
    /// welfare, volume and price lie within 4 se of the continuum value plus an O(1/N) allowance
    /// 2/N for the finite-market bias (one marginal trade per market is worth at most ~1/N).
    /// Also checks the CE's budget surplus is exactly 0 and its efficiency against itself is 1.
    /// </summary>
    [Fact]
    public void FiniteMarketConvergesToTheContinuum()
    {
        const int Agents = 4000;
        const int Replications = 40;
        const double M = 3;
        var theory = new CompetitiveEquilibrium("ce").ContinuumValues(SolverTestMarkets.UniformExample(M));
        var mechanism = new CompetitiveEquilibrium("ce");
        var market = new MarketInstance(Agents, Agents);
        var outcome = new MechanismOutcome();
        var names = new[] { "welfare", "volume", "price", "gains_from_trade" };
        var samples = names.ToDictionary(name => name, _ => new double[Replications]);
        var metrics = new List<MetricValue>();

        for (var replication = 0; replication < Replications; replication++)
        {
            var stream = new RandomStream(StreamKey.ForPurpose(11, replication, "test:ce-convergence"));
            CompetitiveEquilibriumMarkets.DrawUniformExample(ref stream, market, M);
            mechanism.Clear(market, ref stream, outcome);
            var reference = new ReferenceOutcome(
                OutcomeMetrics.TotalWelfare(market, outcome), OutcomeMetrics.TotalGainsFromTrade(market, outcome));
            metrics.Clear();
            OutcomeMetrics.Compute(market, outcome, reference, metrics);
            var value = metrics.ToDictionary(metric => metric.Name, metric => metric.Value);
            foreach (var name in names)
            {
                samples[name][replication] = value[name];
            }

            Assert.Equal(0, value["budget_surplus"]);
            Assert.Equal(0, value["deficit"]);
            Assert.Equal(1, value["efficiency"], 12);
            Assert.Equal(0, value["welfare_minus_ce"]);
        }

        foreach (var name in names)
        {
            var summary = MonteCarloSummary.Summarise(samples[name]);
            Assert.True(
                Math.Abs(summary.Mean - theory[name]) <= (4 * summary.StandardError) + (2.0 / Agents),
                $"{name}: mean {summary.Mean} se {summary.StandardError} theory {theory[name]}");
        }
    }
}

using MarketSim.Core.Scenarios;
using MarketSim.Core.Stress;

namespace MarketSim.Core.Tests.Stress;

/// <summary>
/// docs/theory.md §2: under `realized` lump sums the realised revenue is split among the recipients, so the
/// budget balances exactly in every round, at every population size; under `promised` the same
/// wedge does run deficits (so the check can fail).
/// </summary>
public sealed class RealizedLumpSumsNeverRunADeficitTests
{
    private static readonly MechanismSpec[] Mechanisms =
    [
        new CompetitiveEquilibriumSpec("competitive-equilibrium"),
        StressMarkets.PaperWedge,
        new PriceWedgeSpec("wedge-to-buyers", 0.6, 0.2, LumpSumPolicy.Promised, LumpSumRecipient.Buyers),
        new OptimalSpec("optimal", LumpSumsAllowed: true),
    ];

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(100)]
    [InlineData(1000)]
    public void NoReplicationRunsADeficitAtThisSize(int sellers)
    {
        var (model, results) = StressMarkets.Run(StressMarkets.Section2(5, Mechanisms), sellers, 40, LumpSumPolicy.Realized);
        foreach (var result in results)
        {
            foreach (var mechanism in result.Mechanisms)
            {
                Assert.Equal(0.0, mechanism.Metrics.Single(metric => metric.Name == "deficit").Value);
            }
        }

        var rows = StressAnalysis.Analyse(model, results, 0.05);
        Assert.All(rows.Where(row => row.Metric == StressMetrics.DeficitProbability), row => Assert.Equal(0.0, row.Value));
    }

    [Fact]
    public void PromisedLumpSumsOfTheSameWedgeDoRunDeficits()
    {
        // Limit deficit probability 3/4 (WedgeSurplusApproximation); 40 replications: P(< 10 deficits) is negligible.
        var (model, results) = StressMarkets.Run(StressMarkets.Section2(5, Mechanisms), 100, 40, LumpSumPolicy.Promised);
        var rows = StressAnalysis.Analyse(model, results, 0.05);
        Assert.InRange(StressMarkets.Row(rows, "paper-wedge", StressMetrics.DeficitProbability).Value, 0.25, 1.0);
        Assert.Equal(0.0, StressMarkets.Row(rows, "competitive-equilibrium", StressMetrics.DeficitProbability).Value);
    }
}

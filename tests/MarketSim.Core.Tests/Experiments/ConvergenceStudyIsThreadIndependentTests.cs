using MarketSim.Core.Distributions;
using MarketSim.Core.Experiments;
using MarketSim.Core.Laws;
using MarketSim.Core.Metrics;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Tests.Experiments;

/// <summary>
/// The convergence study runs replications in parallel; docs/theory.md §6 says results must not depend on the
/// thread schedule: its summaries equal those of the sequential bare loop, and it reports the
/// continuum welfare W = 4/9 of 000 Section 2 at m = 2 (p_CE = 1/3, each side's surplus 2/9).
/// </summary>
public sealed class ConvergenceStudyIsThreadIndependentTests
{
    private static readonly Scenario Uniform = new(
        "convergence-test", 5, 1, new MarketSpec(10, 1.0),
        new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1)),
        new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(2)),
        [new CompetitiveEquilibriumSpec("competitive-equilibrium")]);

    [Fact]
    public void ParallelSummariesEqualTheSequentialBareLoop()
    {
        ConvergenceSize[] sizes = [new(20, 40), new(200, 12)];
        var points = ConvergenceStudy.Compute(Uniform, sizes);
        Assert.Equal(2, points.Count);
        foreach (var (size, point) in sizes.Zip(points))
        {
            var model = new MarketModel(Uniform with { Market = new MarketSpec(size.Sellers, 1.0) });
            var workspace = new ReplicationWorkspace(model);
            var welfare = Enumerable.Range(0, size.Replications)
                .Select(replication => ReplicationRunner.Run(model, replication, workspace).Mechanisms[0].Metrics.First(m => m.Name == "welfare").Value)
                .ToArray();
            Assert.Equal(MonteCarloSummary.Summarise(welfare), point.Welfare);
            Assert.Equal(size.Sellers, point.Sellers);
            Assert.Equal(4.0 / 9.0, point.ContinuumWelfare, 9);
        }
    }
}

using MarketSim.Core.Replications;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Tests;

/// <summary>
/// Whole runs with mechanisms that bring their own populations (alone, or beside a two-sided market):
/// the actor pipeline equals the bare loop bit for bit whatever the workers and cohort sizes (docs/theory.md §6),
/// mechanisms come out in scenario order, and each equals its pure per-replication function.
/// </summary>
public sealed class ActorRunWithPopulationsMatchesBareLoopTests
{
    private const int Replications = 6;
    private static readonly MarketModel PopulationsOnly = PopulationTestModels.PopulationsOnly();
    private static readonly MarketModel Mixed = PopulationTestModels.Mixed();

    [Theory]
    [InlineData(false, 1, null)]
    [InlineData(false, 2, 1)]
    [InlineData(false, 3, 7)]
    [InlineData(true, 1, 7)]
    [InlineData(true, 2, null)]
    [InlineData(true, 3, 1)]
    public async Task Every_metric_equals_the_bare_loop_bit_for_bit(bool mixed, int workers, int? cohortSize)
    {
        var model = mixed ? Mixed : PopulationsOnly;
        var expected = SimulationRunner.RunInProcess(model, Replications);
        var results = await SimulationRunner
            .RunAsync(model, new SimulationOptions(Replications, workers, cohortSize))
            .WaitAsync(TimeSpan.FromSeconds(20));

        BitwiseAssert.Equal(expected, results);
    }

    [Fact]
    public void The_bare_loop_lists_mechanisms_in_scenario_order_each_equal_to_its_pure_run()
    {
        var results = SimulationRunner.RunInProcess(Mixed, 2);
        Assert.All(results, result => Assert.Equal(
            ["pairs", "competitive-equilibrium", "groups"], result.Mechanisms.Select(mechanism => mechanism.Mechanism)));
        foreach (var mechanism in Mixed.Standalone)
        {
            var fromLoop = results[1].Mechanisms.Single(metrics => metrics.Mechanism == mechanism.Name).Metrics;
            BitwiseAssert.Equal(
                mechanism.Run(Mixed.Seed, 1).Select(metric => metric.Value).ToArray(), fromLoop.Select(metric => metric.Value).ToArray(), mechanism.Name);
        }

        // Replications differ (guards against a pipeline where every replication is equal).
        Assert.NotEqual(results[0].Mechanisms[2].Metrics[0].Value, results[1].Mechanisms[2].Metrics[0].Value);
        Assert.False(PopulationsOnly.HasTwoSidedMarket);
        Assert.Equal(0, PopulationsOnly.BuyerCount);
    }
}

using System.Collections.Concurrent;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Tests;

public sealed class ActorRunMatchesBareLoopTests
{
    private const int Replications = 8;
    private static readonly MarketModel Model = TestMarkets.Uniform();
    private static readonly IReadOnlyList<ReplicationResult> BareLoop = SimulationRunner.RunInProcess(Model, Replications);

    // docs/theory.md §6: results depend on neither the number of workers nor the cohort size (nor arrival order).
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 7)]
    [InlineData(1, null)]
    [InlineData(2, 1)]
    [InlineData(2, 7)]
    [InlineData(2, null)]
    [InlineData(3, 1)]
    [InlineData(3, 7)]
    [InlineData(3, null)]
    public async Task Every_metric_equals_the_bare_loop_bit_for_bit(int workers, int? cohortSize)
    {
        var progress = new ConcurrentQueue<int>();
        var results = await SimulationRunner
            .RunAsync(Model, new SimulationOptions(Replications, workers, cohortSize), result => progress.Enqueue(result.Replication))
            .WaitAsync(TimeSpan.FromSeconds(20));

        BitwiseAssert.Equal(BareLoop, results);
        // The callback saw every replication exactly once (in completion order).
        Assert.Equal(Enumerable.Range(0, Replications), progress.Order());
    }

    // Fewer replications than workers: the automatic plan splits each side into cohorts (4 per idle
    // core); more: one cohort per side; per-agent actors on a 40-agent market. Same bits every time.
    [Theory]
    [InlineData(200, 2, 4)]
    [InlineData(200, 8, 4)]
    [InlineData(40, 2, 3)]
    public async Task Automatic_cohorts_give_the_bare_loop_bit_for_bit(int sellers, int replications, int workers)
    {
        var model = TestMarkets.Uniform(sellers);
        var results = await SimulationRunner
            .RunAsync(model, new SimulationOptions(replications, workers))
            .WaitAsync(TimeSpan.FromSeconds(20));
        BitwiseAssert.Equal(SimulationRunner.RunInProcess(model, replications), results);
    }

    [Fact]
    public void The_bare_loop_gives_different_draws_in_different_replications()
    {
        // Guards the comparison above against a degenerate pipeline where every replication is equal.
        var first = BareLoop[0].Mechanisms[0].Metrics.Select(metric => metric.Value).ToArray();
        var second = BareLoop[1].Mechanisms[0].Metrics.Select(metric => metric.Value).ToArray();
        Assert.NotEqual(first, second);
        Assert.NotEmpty(first);
    }

    [Fact]
    public async Task Zero_replications_complete_immediately_with_no_results()
    {
        var results = await SimulationRunner.RunAsync(Model, new SimulationOptions(0, 2)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(results);
    }
}

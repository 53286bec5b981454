using System.Collections.Concurrent;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Tests;

/// <summary>
/// Resuming runs only the replications a journal lacks (SimulationOptions.ReplicationsToRun): each is
/// the same as in the full run, bit for bit, because a replication is a pure function of its keys (docs/theory.md §6).
/// </summary>
public sealed class SubsetOfReplicationsMatchesTheFullRunTests
{
    private const int Replications = 10;
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(20);
    private static readonly MarketModel Model = TestMarkets.Uniform(sellers: 60);
    private static readonly IReadOnlyList<ReplicationResult> BareLoop = SimulationRunner.RunInProcess(Model, Replications);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_subset_returns_exactly_its_replications_in_order_equal_to_the_full_run(int workers)
    {
        int[] subset = [1, 4, 5, 9];
        var progress = new ConcurrentQueue<int>();

        var results = await SimulationRunner
            .RunAsync(Model, new SimulationOptions(Replications, workers) { ReplicationsToRun = subset }, result => progress.Enqueue(result.Replication))
            .WaitAsync(NoHang);

        BitwiseAssert.Equal([.. subset.Select(replication => BareLoop[replication])], results);
        Assert.Equal(subset, progress.Order());
    }

    [Fact]
    public async Task An_empty_subset_completes_with_no_results()
    {
        var results = await SimulationRunner
            .RunAsync(Model, new SimulationOptions(Replications, 2) { ReplicationsToRun = [] })
            .WaitAsync(NoHang);

        Assert.Empty(results);
    }

    [Theory]
    [InlineData(new[] { 3, 3 })]
    [InlineData(new[] { 4, 2 })]
    [InlineData(new[] { -1 })]
    [InlineData(new[] { 10 })]
    public async Task A_subset_out_of_range_or_not_ascending_is_rejected(int[] subset)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => SimulationRunner.RunAsync(
            Model, new SimulationOptions(Replications, 1) { ReplicationsToRun = subset }));
    }
}

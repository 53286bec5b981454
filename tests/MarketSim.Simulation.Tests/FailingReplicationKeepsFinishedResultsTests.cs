using System.Collections.Concurrent;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Tests;

/// <summary>
/// Issue 3 (actor tests): a mechanism failing in one replication does not spoil the others. Every
/// result handed to the completion callback before the failure (what `run` journals) is intact, bit for
/// bit, and a second run of only the missing replications completes the full run exactly. The failure
/// enters through the same seam as <see cref="FailingReplicationStopsTheRunTests"/>.
/// </summary>
public sealed class FailingReplicationKeepsFinishedResultsTests
{
    private const int Replications = 12;
    private const int FailingReplication = 5;
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(20);
    private static readonly MarketModel Model = TestMarkets.Uniform(sellers: 50);
    private static readonly IReadOnlyList<ReplicationResult> BareLoop = SimulationRunner.RunInProcess(Model, Replications);

    [Fact]
    public async Task With_one_lane_every_replication_before_the_failure_is_kept_intact()
    {
        var kept = await RunUntilFailure(workers: 1);

        // One lane runs in order: exactly 0 .. 4 finished before 5 threw, and nothing after it ran.
        Assert.Equal(Enumerable.Range(0, FailingReplication), kept.Select(result => result.Replication));
        BitwiseAssert.Equal([.. BareLoop.Take(FailingReplication)], kept);
    }

    [Fact]
    public async Task With_three_lanes_the_kept_results_plus_a_rerun_of_the_missing_ones_equal_the_full_run()
    {
        var kept = await RunUntilFailure(workers: 3);

        Assert.DoesNotContain(kept, result => result.Replication == FailingReplication);
        BitwiseAssert.Equal([.. kept.Select(result => BareLoop[result.Replication])], kept);

        // The resume: the missing replications only, without the failing mechanism.
        var missing = Enumerable.Range(0, Replications).Except(kept.Select(result => result.Replication)).ToArray();
        var rest = await SimulationRunner
            .RunAsync(Model, new SimulationOptions(Replications, 3) { ReplicationsToRun = missing })
            .WaitAsync(NoHang);
        BitwiseAssert.Equal(BareLoop, [.. kept.Concat(rest).OrderBy(result => result.Replication)]);
    }

    private static async Task<IReadOnlyList<ReplicationResult>> RunUntilFailure(int workers)
    {
        var completed = new ConcurrentQueue<ReplicationResult>();
        var run = SimulationRunner.RunAsync(
            Model, new SimulationOptions(Replications, workers), completed.Enqueue,
            FailingReplicationStopsTheRunTests.MechanismThrowsIn(FailingReplication), null, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<ReplicationFailedException>(() => run.WaitAsync(NoHang));

        Assert.Equal(FailingReplication, failure.Replication);
        return [.. completed.OrderBy(result => result.Replication)];
    }
}

using Akka.Actor;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Tests;

public sealed class CancellationStopsTheRunTests
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Cancelling_after_the_first_result_throws_and_terminates_the_system()
    {
        var model = TestMarkets.Uniform(sellers: 50);
        using var cancellation = new CancellationTokenSource();
        var completed = 0;
        ActorSystem? system = null;

        // Cancelled from the progress callback, so it happens mid-run without any sleep.
        var run = SimulationRunner.RunAsync(
            model,
            new SimulationOptions(100_000, 2),
            _ =>
            {
                Interlocked.Increment(ref completed);
                cancellation.Cancel();
            },
            ReplicationSteps.Default,
            created => system = created,
            cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(NoHang));
        Assert.InRange(Volatile.Read(ref completed), 1, 99_999);
        // A cancelled run waits only a moment for the system (SimulationRunner: the process is about to
        // exit); the system must still terminate, just not necessarily before RunAsync returns on a loaded machine.
        await system!.WhenTerminated.WaitAsync(NoHang);
    }

    [Fact]
    public async Task An_already_cancelled_token_throws_before_starting()
    {
        var model = TestMarkets.Uniform(sellers: 50);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => SimulationRunner.RunAsync(model, new SimulationOptions(4, 1), cancellationToken: new CancellationToken(true)));
    }
}

using Akka.Actor;
using Akka.TestKit.Xunit2;
using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Actors;
using MarketSim.Simulation.Messages;
using MarketSim.Simulation.Running;
using MarketSim.Core;

namespace MarketSim.Simulation.Tests;

/// <summary>
/// MarketModel builds its mechanisms from specs, so the throwing mechanism enters through the
/// runner's internal ReplicationSteps seam: replication 3 also clears <see cref="ThrowingMechanism"/>
/// via ReplicationRunner.Clear, exactly as a scenario mechanism would be cleared.
/// </summary>
public sealed class FailingReplicationStopsTheRunTests() : TestKit("akka.loglevel = WARNING")
{
    private const int FailingReplication = 3;
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(15);
    private readonly MarketModel model = TestMarkets.Uniform(sellers: 50);

    internal static ReplicationSteps MechanismThrowsIn(int failing) => ReplicationSteps.Default with
    {
        ClearAll = (model, replication, workspace) =>
        {
            ReplicationRunner.ClearAll(model, replication, workspace);
            if (replication == failing)
            {
                ReplicationRunner.Clear(model, replication, new ThrowingMechanism(), workspace.Market, new MechanismOutcome());
            }
        },
    };

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_throwing_mechanism_fails_the_run_with_its_replication_and_terminates_the_system(int workers)
    {
        ActorSystem? system = null;
        var run = SimulationRunner.RunAsync(
            model, new SimulationOptions(12, workers), null, MechanismThrowsIn(FailingReplication), created => system = created,
            CancellationToken.None);

        var failure = await Assert.ThrowsAsync<ReplicationFailedException>(() => run.WaitAsync(NoHang));

        Assert.Equal(FailingReplication, failure.Replication);
        Assert.IsType<ArithmeticException>(failure.InnerException);
        Assert.NotNull(system);
        Assert.True(system.WhenTerminated.IsCompleted, "the actor system must be terminated when RunAsync returns");
    }

    [Fact]
    public async Task A_throwing_metrics_step_is_reported_with_its_replication_too()
    {
        var steps = ReplicationSteps.Default with
        {
            Measure = (model, replication, workspace) => replication == 5
                ? throw new InvalidOperationException("metrics failed")
                : ReplicationRunner.Measure(model, replication, workspace),
        };

        var run = SimulationRunner.RunAsync(model, new SimulationOptions(8, 2), null, steps, null, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<ReplicationFailedException>(() => run.WaitAsync(NoHang));
        Assert.Equal(5, failure.Replication);
        Assert.Equal("metrics failed", failure.InnerException?.Message);
    }

    [Fact]
    public async Task The_coordinator_and_its_lanes_stop_after_a_failure()
    {
        IActorRef coordinator = ActorRefs.Nobody;
        var run = SimulationRunner.RunInSystem(
            Sys, model, new SimulationOptions(12, 2), null, MechanismThrowsIn(FailingReplication), CancellationToken.None,
            created =>
            {
                coordinator = created;
                Watch(created);
            });

        var failure = await Assert.ThrowsAsync<ReplicationFailedException>(() => run.WaitAsync(NoHang));
        Assert.Equal(FailingReplication, failure.Replication);
        ExpectTerminated(coordinator, NoHang);
    }

    [Fact]
    public void A_lane_whose_cohort_cannot_start_fails_the_replication_it_is_given()
    {
        // A negative count makes the cohort's constructor throw; whether the lane learns of it before
        // or after the request, the requester gets the failure of replication 7, never silence.
        var lane = Sys.ActorOf(LaneActor.PropsFor(model, [new CohortBlock(Side.Buyers, 0, -1)], ReplicationSteps.Default));

        lane.Tell(new RunReplication(7), TestActor);

        var failure = ExpectMsg<ReplicationFailed>(NoHang);
        Assert.Equal(7, failure.Replication);
        Assert.IsType<ActorInitializationException>(failure.Cause);
    }

    [Fact]
    public async Task A_throwing_progress_callback_fails_the_run_with_its_exception()
    {
        var run = SimulationRunner.RunAsync(
            model, new SimulationOptions(6, 2), _ => throw new FormatException("progress failed"));

        var failure = await Assert.ThrowsAsync<FormatException>(() => run.WaitAsync(NoHang));
        Assert.Equal("progress failed", failure.Message);
    }
}

using Akka.Actor;
using Akka.TestKit.Xunit2;
using MarketSim.Simulation.Actors;
using MarketSim.Simulation.Messages;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Tests;

/// <summary>
/// Population actors are lane children under its StopAndReportStrategy: a population cohort that
/// cannot start fails the replication the lane is given (ReplicationFailed), never a silent hang.
/// </summary>
public sealed class FailingPopulationFailsTheReplicationTests() : TestKit("akka.loglevel = OFF")
{
    [Fact]
    public void A_lane_whose_population_cohort_cannot_start_fails_the_replication()
    {
        var model = PopulationTestModels.PopulationsOnly();
        // A negative count makes the cohort's constructor throw (the pairs' buyer cohort).
        IReadOnlyList<IReadOnlyList<UnitBlock>> blocks =
            [[new UnitBlock(0, 0, -1)], PopulationPlan.For(model.Standalone[1], null, 1)];
        var lane = Sys.ActorOf(LaneActor.PropsFor(model, [], blocks, ReplicationSteps.Default));

        lane.Tell(new RunReplication(3), TestActor);

        var failure = ExpectMsg<ReplicationFailed>(TimeSpan.FromSeconds(10));
        Assert.Equal(3, failure.Replication);
        Assert.IsType<ActorInitializationException>(failure.Cause);
    }
}

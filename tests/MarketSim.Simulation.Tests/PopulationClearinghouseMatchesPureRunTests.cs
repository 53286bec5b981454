using Akka.Actor;
using Akka.TestKit.Xunit2;
using MarketSim.Core.Mechanisms;
using MarketSim.Simulation.Actors;
using MarketSim.Simulation.Messages;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Tests;

/// <summary>
/// The population clearinghouse, fed by batched cohorts of any size, returns the metrics of the pure
/// per-replication function <see cref="IStandaloneMechanism.Run"/> bit for bit, and waits for every cohort.
/// </summary>
public sealed class PopulationClearinghouseMatchesPureRunTests() : TestKit("akka.loglevel = WARNING")
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 7)]
    [InlineData(0, null)]
    [InlineData(1, 1)]
    [InlineData(1, 8)]
    [InlineData(1, null)]
    public void Metrics_equal_the_pure_run_for_every_cohort_size(int mechanismIndex, int? cohortSize)
    {
        var model = PopulationTestModels.PopulationsOnly();
        var mechanism = model.Standalone[mechanismIndex];
        var cohorts = PopulationPlan.For(mechanism, cohortSize, workers: 2)
            .Select(block => Sys.ActorOf(PopulationCohortActor.PropsFor(mechanism, model.Seed, block)))
            .ToArray();
        var clearinghouse = Sys.ActorOf(PopulationClearinghouseActor.PropsFor(mechanism, model.Seed, cohorts));

        foreach (var replication in new[] { 0, 3, 1 })
        {
            clearinghouse.Tell(new RunReplication(replication), TestActor);
            var result = ExpectMsg<PopulationResult>(TimeSpan.FromSeconds(10));
            var expected = mechanism.Run(model.Seed, replication);
            Assert.Equal(replication, result.Replication);
            Assert.Equal(mechanism.Name, result.Metrics.Mechanism);
            Assert.Equal(mechanism.MetricNames, result.Metrics.Metrics.Select(metric => metric.Name));
            BitwiseAssert.Equal(
                expected.Select(metric => metric.Value).ToArray(),
                result.Metrics.Metrics.Select(metric => metric.Value).ToArray(),
                $"{mechanism.Name} replication {replication}");
        }
    }

    [Fact]
    public void Clearing_waits_until_every_cohort_has_reported()
    {
        // Two cohorts tile the groups' player 0 and player 1; the test actor stands in for the second.
        var model = PopulationTestModels.PopulationsOnly();
        var mechanism = model.Standalone[1];
        var real = Sys.ActorOf(PopulationCohortActor.PropsFor(mechanism, model.Seed, new UnitBlock(0, 0, mechanism.Units)));
        var stand = CreateTestProbe();
        var clearinghouse = Sys.ActorOf(PopulationClearinghouseActor.PropsFor(mechanism, model.Seed, new IActorRef[] { real, stand.Ref }));

        clearinghouse.Tell(new RunReplication(2), TestActor);
        stand.ExpectMsg<DrawUnits>(draw => draw.Replication == 2);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // player 1 has not reported: nothing is cleared

        var types = new double[mechanism.Units];
        mechanism.Draw(model.Seed, 2, 1, 0, types);
        clearinghouse.Tell(new PopulationReport(2, 1, 0, mechanism.Units, types), stand.Ref);
        var result = ExpectMsg<PopulationResult>();
        BitwiseAssert.Equal(
            mechanism.Run(model.Seed, 2).Select(metric => metric.Value).ToArray(),
            result.Metrics.Metrics.Select(metric => metric.Value).ToArray(),
            "groups");
    }
}

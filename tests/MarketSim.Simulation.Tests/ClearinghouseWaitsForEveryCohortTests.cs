using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using MarketSim.Core.Agents;
using MarketSim.Core.Random;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Actors;
using MarketSim.Simulation.Messages;
using MarketSim.Simulation.Running;
using MarketSim.Core;

namespace MarketSim.Simulation.Tests;

public sealed class ClearinghouseWaitsForEveryCohortTests() : TestKit("akka.loglevel = WARNING")
{
    private const int Replication = 4;

    [Fact]
    public void Clears_only_after_the_last_report_and_arrival_order_does_not_matter()
    {
        var model = TestMarkets.Uniform();
        var blocks = CohortPlan.For(model.BuyerCount, model.SellerCount, cohortSize: 70, workers: 1); // 3 + 3 cohorts

        // The bare pipeline on the same replication: what the lane must reproduce.
        var expected = new ReplicationWorkspace(model);
        ReplicationRunner.DrawMarket(model, Replication, expected.Market);
        ReplicationRunner.ClearAll(model, Replication, expected);

        var random = new RandomStream(StreamKey.ForPurpose(5, 0, "arrival-order-test"));
        for (var trial = 0; trial < 3; trial++)
        {
            var order = Enumerable.Range(0, blocks.Count).ToArray();
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = random.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            var workspace = ClearInOrder(model, blocks, order);
            foreach (var side in new[] { Side.Buyers, Side.Sellers })
            {
                BitwiseAssert.Equal(expected.Market[side].ValueOfGood, workspace.Market[side].ValueOfGood, $"{side} v^K");
                BitwiseAssert.Equal(expected.Market[side].ValueOfMoney, workspace.Market[side].ValueOfMoney, $"{side} v^M");
                BitwiseAssert.Equal(expected.Market[side].RateOfSubstitution, workspace.Market[side].RateOfSubstitution, $"{side} r");
            }

            BitwiseAssert.Equal(expected.ReferenceOutcome, workspace.ReferenceOutcome, "reference CE");
            BitwiseAssert.Equal(expected.Outcomes[0], workspace.Outcomes[0], "competitive-equilibrium");
        }
    }

    /// <summary>Cohorts are probes; the test answers their DrawTypes with the true draws, in <paramref name="order"/>.</summary>
    private ReplicationWorkspace ClearInOrder(MarketModel model, IReadOnlyList<CohortBlock> blocks, int[] order)
    {
        var cohorts = blocks.Select(_ => CreateTestProbe()).ToArray();
        var metrics = CreateTestProbe();
        var workspace = new ReplicationWorkspace(model);
        var clearinghouse = Sys.ActorOf(ClearinghouseActor.PropsFor(
            model, workspace, cohorts.Select(probe => probe.Ref).ToArray(), metrics.Ref, ReplicationSteps.Default));

        clearinghouse.Tell(new RunReplication(Replication), TestActor);
        foreach (var cohort in cohorts)
        {
            Assert.Equal(Replication, cohort.ExpectMsg<DrawTypes>().Replication);
        }

        for (var k = 0; k < order.Length; k++)
        {
            var block = blocks[order[k]];
            var valueOfGood = new double[block.Count];
            var valueOfMoney = new double[block.Count];
            PopulationSampler.Draw(model.LawOf(block.Side), model.Seed, Replication, block.Side, block.Offset, valueOfGood, valueOfMoney);
            clearinghouse.Tell(new CohortReport(Replication, block.Side, block.Offset, valueOfGood, valueOfMoney), cohorts[order[k]].Ref);
            if (k < order.Length - 1)
            {
                metrics.ExpectNoMsg(TimeSpan.FromMilliseconds(30)); // incomplete: nothing cleared yet
            }
        }

        var handOff = metrics.ExpectMsg<MeasureReplication>();
        Assert.Equal(Replication, handOff.Replication);
        Assert.Same(workspace, handOff.Workspace);
        Assert.Equal(TestActor, metrics.LastSender); // the metrics actor answers whoever asked for the replication
        Sys.Stop(clearinghouse);
        return workspace;
    }
}

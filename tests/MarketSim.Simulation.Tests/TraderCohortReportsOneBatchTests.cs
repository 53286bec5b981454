using Akka.TestKit.Xunit2;
using MarketSim.Core.Agents;
using MarketSim.Simulation.Actors;
using MarketSim.Simulation.Messages;
using MarketSim.Simulation.Running;
using MarketSim.Core;

namespace MarketSim.Simulation.Tests;

public sealed class TraderCohortReportsOneBatchTests() : TestKit("akka.loglevel = WARNING")
{
    [Theory]
    [InlineData(Side.Buyers, 0, 1)]
    [InlineData(Side.Buyers, 37, 50)]
    [InlineData(Side.Sellers, 150, 50)]
    public void One_report_holds_exactly_what_the_sampler_draws_for_the_block(Side side, int offset, int count)
    {
        var model = TestMarkets.Uniform();
        var block = new CohortBlock(side, offset, count);
        var cohort = Sys.ActorOf(TraderCohortActor.PropsFor(model, block));

        cohort.Tell(new DrawTypes(5), TestActor);
        var report = ExpectMsg<CohortReport>();
        ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // one message for the whole cohort, not one per agent

        var valueOfGood = new double[count];
        var valueOfMoney = new double[count];
        PopulationSampler.Draw(model.LawOf(side), model.Seed, 5, side, offset, valueOfGood, valueOfMoney);
        Assert.Equal((5, side, offset, count), (report.Replication, report.Side, report.Offset, report.Count));
        BitwiseAssert.Equal(valueOfGood, report.ValueOfGood.ToArray(), "v^K");
        BitwiseAssert.Equal(valueOfMoney, report.ValueOfMoney.ToArray(), "v^M");
    }

    [Fact]
    public void A_cohort_draws_the_same_agents_as_the_whole_side_drawn_at_once()
    {
        // docs/theory.md §6: agent i's type depends on (seed, replication, side, i) only, not on its cohort.
        var model = TestMarkets.Uniform();
        var whole = new double[model.SellerCount];
        var money = new double[model.SellerCount];
        PopulationSampler.Draw(model.SellerLaw, model.Seed, 2, Side.Sellers, 0, whole, money);

        var cohort = Sys.ActorOf(TraderCohortActor.PropsFor(model, new CohortBlock(Side.Sellers, 93, 7)));
        cohort.Tell(new DrawTypes(2), TestActor);
        var report = ExpectMsg<CohortReport>();

        BitwiseAssert.Equal(whole[93..100], report.ValueOfGood.ToArray(), "v^K");
        BitwiseAssert.Equal(money[93..100], report.ValueOfMoney.ToArray(), "v^M");
    }
}

using Akka.TestKit.Xunit2;
using MarketSim.Simulation.Actors;
using MarketSim.Simulation.Messages;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Tests;

/// <summary>
/// A population cohort (the buyers or sellers of a block of pairs, player i of a block of groups)
/// answers a draw with ONE report holding exactly what the core draws for those units (docs/theory.md §6).
/// </summary>
public sealed class PopulationCohortReportsOneBatchTests() : TestKit("akka.loglevel = WARNING")
{
    [Theory]
    [InlineData(0, 0, 50)] // pairs: every buyer
    [InlineData(0, 1, 1)]  // pairs: seller of pair 1 alone (per-pair actor)
    [InlineData(0, 1, 13)] // pairs: sellers 13..25
    [InlineData(1, 0, 30)] // groups: player 0 of every group
    [InlineData(1, 1, 9)]  // groups: player 1 of groups 9..17
    public void One_report_holds_the_block_of_the_whole_role_drawn_at_once(int mechanismIndex, int role, int count)
    {
        var model = PopulationTestModels.PopulationsOnly();
        var mechanism = model.Standalone[mechanismIndex];
        var offset = count == mechanism.Units ? 0 : count;
        var width = mechanism.DrawsPerUnit;
        var whole = new double[mechanism.Units * width];
        mechanism.Draw(model.Seed, 4, role, 0, whole);

        var cohort = Sys.ActorOf(PopulationCohortActor.PropsFor(mechanism, model.Seed, new UnitBlock(role, offset, count)));
        cohort.Tell(new DrawUnits(4), TestActor);
        var report = ExpectMsg<PopulationReport>();
        ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // one message for the whole cohort, not one per unit

        Assert.Equal((4, role, offset, count), (report.Replication, report.Role, report.Offset, report.Count));
        BitwiseAssert.Equal(whole[(offset * width)..((offset + count) * width)], report.Draws.ToArray(), mechanism.RoleName(role));
    }

    [Fact]
    public void Binary_values_are_zero_or_one_and_types_lie_in_their_support()
    {
        var model = PopulationTestModels.PopulationsOnly();
        var values = new double[model.Standalone[0].Units * 3];
        model.Standalone[0].Draw(model.Seed, 0, 0, 0, values);
        Assert.All(values, value => Assert.True(value is 0 or 1));
        Assert.Contains(0.0, values);
        Assert.Contains(1.0, values);

        var types = new double[model.Standalone[1].Units];
        model.Standalone[1].Draw(model.Seed, 0, 1, 0, types);
        Assert.All(types, type => Assert.InRange(type, 2, 10)); // player 1 ~ U[2, 10]
    }
}

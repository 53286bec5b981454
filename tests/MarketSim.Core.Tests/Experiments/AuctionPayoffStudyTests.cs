using MarketSim.Core.Distributions;
using MarketSim.Core.Experiments;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Tests.Experiments;

/// <summary>Issue 7's payoff curves: U-shaped in money with the minimum at the worst-off type (003 Corollary 1), t U(t) = money payoff, symmetric players alike.</summary>
public sealed class AuctionPayoffStudyTests
{
    private static readonly RedistributiveAuctionSpec Example = new(
        "auction", 1, 1.0, [new AuctionPlayerSpec(new UniformSpec(1, 20), 1), new AuctionPlayerSpec(new UniformSpec(1, 20), 1)], WelfareWeights.Utils);

    [Fact]
    public void MoneyPayoffIsUShapedWithItsMinimumAtTheWorstOffType()
    {
        var curves = AuctionPayoffStudy.Compute(Example, 200, 1000);
        var player = curves.Points.Where(p => p.Player == 0).ToArray();
        Assert.All(player, p => Assert.Equal(p.Type * p.Utility, p.UtilityInMoney, 9));
        var lowest = player.MinBy(p => p.UtilityInMoney)!;
        // The grid has spacing 19/199; the minimum sits within a grid step of tau_1 (003 (6)).
        Assert.InRange(lowest.Type, curves.WorstOffTypes[0] - 19.0 / 199, curves.WorstOffTypes[0] + 19.0 / 199);
        Assert.True(player[0].UtilityInMoney > lowest.UtilityInMoney && player[^1].UtilityInMoney > lowest.UtilityInMoney);
        // Symmetric players get the same curve.
        var other = curves.Points.Where(p => p.Player == 1).ToArray();
        Assert.Equal(player.Select(p => p.UtilityInMoney), other.Select(p => p.UtilityInMoney));
        // Regions: the good only above goodAbove, the bad only below badBelow.
        var thresholds = curves.Thresholds[0];
        Assert.All(player.Where(p => p.GoodProbability > 0), p => Assert.True(p.Type >= thresholds.GoodAbove!.Value - 19.0 / 1000));
        Assert.All(player.Where(p => p.BadProbability > 0), p => Assert.True(p.Type <= thresholds.BadBelow!.Value + 19.0 / 1000));
    }
}

using MarketSim.Core.Distributions;
using MarketSim.Core.Experiments;
using MarketSim.Core.RedistributiveAuctions;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Tests.RedistributiveAuctions;

/// <summary>
/// 003 with general welfare rankings d lambda_i = w(t) dF_i (Theorem 1; w = lambda'_i of Corollary 3):
/// polynomial and piecewise-constant densities reproduce the named weightings they equal, give the
/// closed-form Lambda_i(b_i) and scores, and keep the paper's qualitative results.
/// </summary>
public sealed class GeneralWeightDensitiesTests
{
    private const int Cells = 1000;

    [Fact]
    public void DensitiesEqualToTheNamedWeightingsGiveTheSameAuction()
    {
        var players = AuctionTestCases.Symmetric(3, 1, 20);
        var utils = RedistributiveAuctionSolver.Optimize(players, WelfareWeights.Utils, 5, Cells);
        foreach (var density in new[]
                 {
                     WelfareWeightDensity.Polynomial([1]),
                     WelfareWeightDensity.PiecewiseConstant([], [1]),
                     WelfareWeightDensity.PiecewiseConstant([4, 9.5], [1, 1, 1]),
                 })
        {
            var general = RedistributiveAuctionSolver.Optimize(players, density, 5, Cells);
            Assert.Equal(utils.Multiplier, general.Multiplier, 1e-9 * utils.Multiplier);
            Assert.Equal(utils.Welfare, general.Welfare, 1e-9 * Math.Abs(utils.Welfare));
            Assert.Equal(utils.Surplus, general.Surplus, 1e-9);
        }

        // w(t) = t is the money-metric weighting: the second-price revenue, 003/docs/theory.md §4 sanity check
        // S = a + (b - a)(n - 1)/(n + 1) = 1 + 19 / 2 = 10.5 for three U[1, 20] players.
        var moneyMetric = RedistributiveAuctionSolver.Optimize(players, WelfareWeightDensity.Polynomial([0, 1]), 1, Cells);
        Assert.Equal(10.5, moneyMetric.Surplus, 10.5 * 1e-5);
        Assert.Equal(0, moneyMetric.ExpectedBadProbability(0));
    }

    [Fact]
    public void MoneyWeightMatchesTheClosedForms()
    {
        // U[1,20], w(t) = 2 - t/20: Lambda(t) = int_1^t (2/s - 1/20) ds / 19 = (2 ln t - (t - 1)/20) / 19.
        var polynomial = RedistributiveAuctionSolver.BuildGrids(
            AuctionTestCases.Symmetric(2, 1, 20), WelfareWeightDensity.Polynomial([2, -0.05]), 1, Cells);
        Assert.Equal(((2 * Math.Log(20)) - (19.0 / 20)) / 19, polynomial[0].TotalMoneyWeight, 1e-10);

        // Piecewise constant 3 below t = 8, 1 above: Lambda(b) = (3 ln 8 + ln(20/8)) / 19 (the jump is
        // integrated exactly: the cell containing it is split there).
        var piecewise = RedistributiveAuctionSolver.BuildGrids(
            AuctionTestCases.Symmetric(2, 1, 20), WelfareWeightDensity.PiecewiseConstant([8], [3, 1]), 1, 999);
        Assert.Equal(((3 * Math.Log(8)) + Math.Log(20.0 / 8)) / 19, piecewise[0].TotalMoneyWeight, 1e-10);
    }

    [Fact]
    public void ScoresMatchTheirClosedFormAndZMinusLiesAboveZPlus()
    {
        // 003 (34)-(35) at nu = 0 for i.i.d. U[1,20] (alpha = Lambda(b): no shortfall), w = 2 - t/20:
        // Z-(t) = Z+(t) = alpha t + (alpha F(t) - Lambda(t)) / f with F = (t - 1)/19, f = 1/19.
        var players = AuctionTestCases.Symmetric(2, 1, 20);
        var curves = AuctionScoreStudy.Compute(players, WelfareWeightDensity.Polynomial([2, -0.05]), 1, 50, 4000);
        Assert.Equal(0, curves.Multiplier);
        var alpha = ((2 * Math.Log(20)) - (19.0 / 20)) / 19;
        Assert.Equal(alpha, curves.Alpha, 1e-10);
        foreach (var point in curves.Points)
        {
            var t = point.Type;
            var lambda = ((2 * Math.Log(t)) - ((t - 1) / 20)) / 19;
            var expected = (alpha * t) + (19 * ((alpha * (t - 1) / 19) - lambda));
            // A cell average against the value at the cell's middle: O(width^2) = O((19/4000)^2).
            Assert.Equal(expected, point.BadScore, 1e-4);
            Assert.True(point.BadScore >= point.GoodScore - 1e-12);
            Assert.True(point.IronedBadScore >= point.IronedGoodScore - 1e-12);
        }

        // Ironed scores are weakly increasing (003 (7)-(8)).
        var first = curves.Points.Where(p => p.Player == 0).ToArray();
        Assert.All(first.Zip(first.Skip(1)), pair => Assert.True(pair.Second.IronedGoodScore >= pair.First.IronedGoodScore - 1e-12));
    }

    [Fact]
    public void IroningNearTheBottomAndExclusiveAssignmentsUnderTheCorollaryThreeCondition()
    {
        // 003 Corollary 3: lambda'_i(a_i) > 2 alpha a_i implies Q_i constant near a_i for some i.
        // w = 2 - t/20 on U[1,20]: w(1) = 1.95 > 2 alpha = 2 (2 ln 20 - 0.95)/19 = 0.531.
        var players = AuctionTestCases.Symmetric(2, 1, 20);
        var auction = RedistributiveAuctionSolver.Optimize(players, WelfareWeightDensity.Polynomial([2, -0.05]), 1, Cells);
        Assert.True(1.95 > 2 * RedistributiveAuctionSolver.Alpha(auction.Grids) * 1);
        var bottom = auction.Allocation(0, 1.0001);
        Assert.Equal(bottom, auction.Allocation(0, 1.5), 1e-12);
        Assert.True(bottom < 0); // the pooled bottom takes the bad by lottery
        // Corollary 2: a type never has both the good and the bad with positive probability.
        for (var t = 1.0; t < 20; t += 0.05)
        {
            Assert.True(auction.GoodProbability(0, t) == 0 || auction.BadProbability(0, t) == 0);
        }
    }

    [Fact]
    public void OnlyPlayersWithTheLargestAverageWeightGetTheLumpSum()
    {
        // 003 Theorem 2 (b.ii): Lambda_0(b) = ln 20 / 19 = 0.158 (utils) < Lambda_1(b) = (3 ln 8 + ln 2.5)/19
        // = 0.376 (poorer types count three times): only player 1 can get a lump sum; player 0's worst-off
        // type gets exactly 0.
        var players = new[]
        {
            AuctionTestCases.Uniform(1, 20),
            AuctionTestCases.Uniform(1, 20) with { Density = WelfareWeightDensity.PiecewiseConstant([8], [3, 1]) },
        };
        var auction = RedistributiveAuctionSolver.Optimize(players, WelfareWeights.Utils, 1, Cells);
        Assert.Equal([false, true], auction.LumpSumRecipients);
        Assert.Equal(0, auction.LumpSums[0]);
        Assert.Equal(0, auction.InterimUtilityInMoney(0, auction.WorstOffTypes[0]), 1e-9);
    }

    [Fact]
    public void DensitiesThatAreNotWeightsAreRefusedNamingTheField()
    {
        var spec = new RedistributiveAuctionSpec(
            "a", 1, 1, [new AuctionPlayerSpec(new UniformSpec(1, 20), 1), new AuctionPlayerSpec(new UniformSpec(1, 20), 1)], WelfareWeights.Utils);
        Assert.Equal("weights", Assert.ThrowsAny<ArgumentException>(() => AuctionTypeLaws.Create(spec with { Density = WelfareWeightDensity.Polynomial([10, -1]) })).ParamName);
        Assert.Equal("weights", Assert.ThrowsAny<ArgumentException>(() => AuctionTypeLaws.Create(spec with { Density = WelfareWeightDensity.PiecewiseConstant([5], [1]) })).ParamName);
        Assert.Equal("weights", Assert.ThrowsAny<ArgumentException>(() => AuctionTypeLaws.Create(spec with { Density = WelfareWeightDensity.PiecewiseConstant([25], [0, 1]) })).ParamName);
        var own = spec with { Players = [spec.Players[0], spec.Players[1] with { Weights = WelfareWeightDensity.PiecewiseConstant([5], [1, -1]) }] };
        Assert.Equal("players[1].weights", Assert.ThrowsAny<ArgumentException>(() => AuctionTypeLaws.Create(own)).ParamName);
    }
}

using MarketSim.Core.Distributions;
using MarketSim.Core.RedistributiveAuctions;
using MarketSim.Core.Scenarios;
using MathNet.Numerics.RootFinding;

namespace MarketSim.Core.Tests.RedistributiveAuctions;

/// <summary>
/// The scenario record validates its fields, and <c>solve --json</c> for the example
/// (two U[1,20] players, utils weights, c = 1) gives the thresholds derived by hand from 003 (34)-(35).
/// </summary>
public class AuctionSpecAndSolutionTests
{
    private static RedistributiveAuctionSpec Example(double badCost = 1, double lower = 1, double weight = 1, int players = 2) => new(
        "auction", 1000, badCost,
        Enumerable.Range(0, players).Select(_ => new AuctionPlayerSpec(new UniformSpec(lower, 20), weight)).ToArray(),
        WelfareWeights.Utils);

    [Fact]
    public void InvalidFieldsAreNamed()
    {
        Assert.Equal("badCost", Assert.Throws<ArgumentException>(() => Example(badCost: 0).Validate()).ParamName);
        Assert.Equal("players", Assert.Throws<ArgumentException>(() => Example(players: 1).Validate()).ParamName);
        Assert.Equal("players[0].weight", Assert.Throws<ArgumentException>(() => Example(weight: -1).Validate()).ParamName);
        Assert.Equal("players[0].type", Assert.Throws<ArgumentException>(() => AuctionTypeLaws.Create(Example(lower: 0))).ParamName);
        Assert.Equal("groups", Assert.Throws<ArgumentException>(() => (Example() with { Groups = 0 }).Validate()).ParamName);
        Assert.Equal(
            "players[1].type",
            Assert.Throws<ArgumentException>(() => RedistributiveAuctionSolver.Optimize(
                [AuctionTestCases.Uniform(1, 2), new AuctionPlayer(new ParetoDistribution(1, 3), 1)],
                WelfareWeights.Utils, 1)).ParamName);
    }

    [Fact]
    public void ExampleThresholdsMatchTheClosedForm()
    {
        var solution = RedistributiveAuctionSolver.Solve(Example());

        // Utils weights, U[1,20]: alpha = Lambda(20) = ln(20)/19 for both (I* = both), nu = 0 because
        // S(0) > 0, and Z+ = Z- = Z(t) = alpha (2t - 1) - ln t (003 (34)-(35) with f = 1/19).
        var alpha = Math.Log(20) / 19;
        double Score(double t) => (alpha * ((2 * t) - 1)) - Math.Log(t);
        Assert.Equal(0, solution.Multiplier);
        Assert.True(solution.Surplus > 0);
        Assert.Equal(solution.LumpSums[0], solution.LumpSums[1], 12);
        Assert.Equal(solution.Surplus, solution.LumpSums.Sum(), 10);

        // Items change hands where Z crosses 0 (the root above the minimum at t = 1/(2 alpha)).
        var crossing = Brent.FindRoot(Score, 1 / (2 * alpha), 20, 1e-12);
        var spacing = 19.0 / RedistributiveAuctionSolver.DefaultQuantileCells;

        // Z is not monotone at the bottom (Z(1) = alpha > 0 > Z(3)): ironing pools [1, p] where the
        // mean of Z over [1, p] equals Z(p): int_1^p Z = alpha (p^2 - p) - (p ln p - p + 1) (003 Corollary 3).
        var pool = Brent.FindRoot(
            p => (alpha * ((p * p) - p)) - ((p * Math.Log(p)) - p + 1) - ((p - 1) * Score(p)), 1 / (2 * alpha), crossing, 1e-12);
        foreach (var player in solution.Players)
        {
            Assert.Equal(crossing, player.BadBelow!.Value, 2 * spacing);
            Assert.Equal(crossing, player.GoodAbove!.Value, 2 * spacing);
            Assert.Equal(crossing, player.Reserve!.Value, 2 * spacing);
            Assert.Equal(pool, player.PoolUpTo!.Value, 2 * spacing);
        }
    }

    [Fact]
    public void MoneyMetricWeightsLeaveTheBadRegionsEmpty()
    {
        // The values solve prints (their JSON names are checked in the Cli tests, SolveJsonShapesTests).
        var solution = RedistributiveAuctionSolver.Solve(Example(), 200);
        Assert.Equal("auction", solution.Name);
        Assert.Equal(solution.Players.Count, solution.LumpSums.Count);

        // Money-metric weights never assign the bad: badBelow and poolUpTo are null (docs/theory.md §4).
        var secondPrice = RedistributiveAuctionSolver.Solve(Example() with { Weights = WelfareWeights.MoneyMetric }, 200);
        var player = secondPrice.Players[0];
        Assert.Null(player.BadBelow);
        Assert.Null(player.PoolUpTo);
        Assert.Equal(1, player.GoodAbove!.Value, 12);
    }

    [Fact]
    public void SpecRunGivesTheDocumentedMetricsInOrder()
    {
        var spec = Example() with { Groups = 50 };
        var metrics = RedistributiveAuctionSimulation.Run(spec, 1, 0);
        Assert.Equal(RedistributiveAuctionSimulation.MetricNames(2), metrics.Select(metric => metric.Name));
        Assert.Equal("welfare", metrics[0].Name);
        Assert.Equal("payoff_decile_10", metrics[^1].Name);
        Assert.True(metrics.Single(metric => metric.Name == "transfer_sum_max_abs").Value <= 1e-9);
    }
}

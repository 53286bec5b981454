using MarketSim.Core.RedistributiveAuctions;

namespace MarketSim.Core.Tests.RedistributiveAuctions;

/// <summary>
/// Optimality (003 Theorem 2): on the same quantile grid, no budget-feasible cutoff mechanism
/// (bad lottery below `pool`, bad to the lowest type below `bad`, good to the highest type above
/// `good`; S rebated to I*) and no efficient auction with equal rebate has higher welfare.
/// Both are mechanisms of the same cell-measurable class the solver optimises over exactly, so the
/// comparison holds up to rounding.
/// </summary>
public class OptimalAuctionBeatsCutoffAndEfficientAuctionsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Cells = 300;
    private const int CutoffSteps = 11;

    public static TheoryData<string> Cases() => new(AuctionTestCases.All().Select(testCase => testCase.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void NoFeasibleCutoffMechanismHasHigherWelfare(string name)
    {
        var testCase = AuctionTestCases.All().Single(testCase => testCase.Name == name);
        var optimum = AuctionTestCases.Solve(testCase, Cells);
        var grids = optimum.Grids;
        var favoured = RedistributiveAuctionSolver.FavouredPlayers(grids);
        var lowest = grids.Min(grid => grid.Lower);
        var highest = grids.Max(grid => grid.Upper);
        var cutoffs = Enumerable.Range(0, CutoffSteps).Select(k => lowest + ((highest - lowest) * k / (CutoffSteps - 1))).ToArray();
        var feasible = 0;
        var best = double.NegativeInfinity;
        foreach (var pool in cutoffs)
        {
            foreach (var bad in cutoffs.Where(bad => bad >= pool))
            {
                foreach (var good in cutoffs.Where(good => good >= bad))
                {
                    var rule = CutoffRule(grids, pool, bad, good, lowest);
                    var mechanism = RedistributiveAuction.Build(grids, testCase.BadCost, [rule], [1.0], favoured);
                    if (mechanism.Surplus < 0)
                    {
                        continue;
                    }

                    feasible++;
                    best = Math.Max(best, mechanism.Welfare);
                    Assert.True(
                        mechanism.Welfare <= optimum.Welfare + 1e-9,
                        $"{name}: cutoffs ({pool}, {bad}, {good}) give {mechanism.Welfare} > optimum {optimum.Welfare}");
                }
            }
        }

        Assert.True(feasible > 10, $"{name}: only {feasible} feasible cutoff mechanisms");

        // The optimum is not just a grid point of the search: it does at least as well as the best one.
        Assert.True(optimum.Welfare >= best - 1e-9);
        output.WriteLine($"{name}: optimum {optimum.Welfare:R} (nu {optimum.Multiplier:G6}), best of {feasible} feasible cutoff mechanisms {best:R}");
    }

    [Theory]
    [InlineData(4, 1.0)]
    [InlineData(3, 0.5)]
    [InlineData(5, 1.0)]
    public void EfficientAuctionWithEqualRebateIsWeaklyWorse(int players, double badCost)
    {
        // Efficient: good to the highest type, bad to the lowest (003 Section 3.3.4), S split equally.
        // Feasible when E[second-highest] >= c E[second-lowest] (checked: S >= 0).
        var cases = new[]
        {
            AuctionTestCases.Symmetric(players, 1, 20),
            Enumerable.Range(0, players).Select(i => AuctionTestCases.Uniform(1 + i, 10 + (3 * i), 1 + (0.5 * i))).ToArray(),
        };
        foreach (var weights in new[] { Scenarios.WelfareWeights.Utils, Scenarios.WelfareWeights.MoneyMetric })
        {
            foreach (var auctionPlayers in cases)
            {
                var optimum = RedistributiveAuctionSolver.Optimize(auctionPlayers, weights, badCost, Cells);
                var grids = optimum.Grids;
                var ceiling = grids.Max(grid => grid.Upper) + 1;
                var good = grids.Select(grid => grid.CellMeanType.ToArray()).ToArray();
                var bad = grids.Select(grid => grid.CellMeanType.Select(type => type - ceiling).ToArray()).ToArray();
                var efficient = RedistributiveAuction.Build(
                    grids, badCost, [AllocationRule.FromScores(good, bad, exclusive: false)], [1.0], Enumerable.Repeat(true, players).ToArray());

                Assert.True(Enumerable.Range(0, players).Sum(efficient.ExpectedBadProbability) > 0.99, "the bad is assigned");
                Assert.True(efficient.Surplus >= 0, $"efficient auction infeasible: S = {efficient.Surplus}");
                output.WriteLine($"n={players} c={badCost} {weights}: optimum {optimum.Welfare:R}, efficient {efficient.Welfare:R} (S {efficient.Surplus:G6})");
                Assert.True(efficient.Welfare <= optimum.Welfare + 1e-9, $"efficient {efficient.Welfare} > optimum {optimum.Welfare}");
            }
        }
    }

    /// <summary>
    /// Types below <paramref name="pool"/> share the lowest bad score (lottery); types in
    /// [pool, bad) take the bad by lowest type; types above <paramref name="good"/> bid for the good by type.
    /// </summary>
    private static AllocationRule CutoffRule(
        IReadOnlyList<PlayerQuantileGrid> grids, double pool, double bad, double good, double lowest)
    {
        var pooledLevel = lowest - bad - 1;
        var goodScores = grids.Select(grid => grid.CellMeanType.Select(type => type >= good ? type : 0).ToArray()).ToArray();
        var badScores = grids.Select(grid => grid.CellMeanType
            .Select(type => type < pool ? pooledLevel : type < bad ? type - bad : 1).ToArray()).ToArray();
        return AllocationRule.FromScores(goodScores, badScores);
    }
}

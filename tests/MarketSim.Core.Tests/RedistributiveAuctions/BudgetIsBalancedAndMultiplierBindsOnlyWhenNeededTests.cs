using MarketSim.Core.Random;
using MarketSim.Core.RedistributiveAuctions;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Tests.RedistributiveAuctions;

/// <summary>
/// Budget (docs/theory.md §4, 003 Lemma 3): S = sum_i E P0_i equals the virtual-value formula; payments sum to 0
/// in every profile; nu = 0 with S rebated to I* when S(0) &gt;= 0, otherwise nu &gt; 0 and S = 0.
/// </summary>
public class BudgetIsBalancedAndMultiplierBindsOnlyWhenNeededTests
{
    private const int Cells = 1000;

    public static TheoryData<string> Cases() => new(AuctionTestCases.All().Select(testCase => testCase.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void SurplusEqualsVirtualSurplusAndPaymentsSumToZeroInEveryProfile(string name)
    {
        var auction = AuctionTestCases.Solve(AuctionTestCases.All().Single(testCase => testCase.Name == name), Cells);

        // 003 Lemma 3 with IR binding at tau: sum_i E P0_i = sum_i <Q_i : I f_i + rho(F_i)>.
        Assert.Equal(auction.VirtualSurplus(), auction.Surplus, 1e-9);
        Assert.Equal(auction.Surplus, auction.LumpSums.Sum(), 1e-12);

        // Complementary slackness (003 Lemma 5): nu > 0 exactly when the budget binds (S = 0).
        if (name.EndsWith("-binding", StringComparison.Ordinal))
        {
            Assert.True(auction.Multiplier > 0);
            Assert.Equal(0, auction.Surplus, 1e-10);
        }
        else
        {
            Assert.Equal(0, auction.Multiplier);
            Assert.True(auction.Surplus >= 0);
        }

        var stream = new RandomStream(StreamKey.ForPurpose(7, 0, "test:budget:" + name));
        var cells = new int[auction.Players];
        var payments = new double[auction.Players];
        for (var profile = 0; profile < 20_000; profile++)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = stream.NextInt(Cells);
            }

            auction.ExPostPayments(cells, payments);
            Assert.True(Math.Abs(payments.Sum()) <= 1e-9);
        }
    }

    [Fact]
    public void SlackBudgetHasZeroMultiplierAndRebatesToFavouredPlayersOnly()
    {
        // Utils weights: Lambda_i(b_i) = w_i E[1/t_i]. Player 0 U[1,20], w=1: ln(20)/19 = 0.1577;
        // player 1 U[2,10], w=2: 2 ln(5)/8 = 0.4024 -> I* = {1} (003 Section 3.3.1).
        var auction = RedistributiveAuctionSolver.Optimize(
            [AuctionTestCases.Uniform(1, 20), AuctionTestCases.Uniform(2, 10, 2)], WelfareWeights.Utils, 1, Cells);
        Assert.Equal(Math.Log(20) / 19, auction.Grids[0].TotalMoneyWeight, 1e-10);
        Assert.Equal(2 * Math.Log(5) / 8, auction.Grids[1].TotalMoneyWeight, 1e-10);
        Assert.Equal(0, auction.Multiplier);
        Assert.True(auction.Surplus > 0);
        Assert.Equal(0, auction.LumpSums[0]);
        Assert.Equal(auction.Surplus, auction.LumpSums[1], 1e-12);

        // Outside I*, IR binds: min_t U_0(t) = 0 (003 Theorem 2(b.ii)).
        Assert.Equal(0, auction.InterimUtilityInMoney(0, auction.WorstOffTypes[0]), 12);
    }

    [Fact]
    public void LargeBadCostMakesTheBudgetBind()
    {
        // The scores do not depend on c (003 (36)-(39) scale the bad's part by c), so S(0) =
        // revenue from the good - c * payments for the bad, negative for c large enough: here c = 5,
        // three U[1,20] players with utils weights.
        var players = AuctionTestCases.Symmetric(3, 1, 20);
        var grids = RedistributiveAuctionSolver.BuildGrids(players, WelfareWeights.Utils, 5, Cells);
        var alpha = RedistributiveAuctionSolver.Alpha(grids);
        var favoured = RedistributiveAuctionSolver.FavouredPlayers(grids);
        var relaxed = RedistributiveAuction.Build(grids, 5, [AllocationRule.Optimal(grids, alpha, 0)], [1.0], favoured);
        Assert.True(relaxed.Surplus < 0, $"S(0) = {relaxed.Surplus} should be negative");

        var auction = RedistributiveAuctionSolver.Optimize(players, WelfareWeights.Utils, 5, Cells);
        Assert.True(auction.Multiplier > 0);
        Assert.Equal(0, auction.Surplus, 1e-10);
        Assert.All(auction.LumpSums, lumpSum => Assert.Equal(0, lumpSum, 1e-10));

        // The constraint costs welfare: the relaxed problem (IR violated by L < 0) does better.
        Assert.True(relaxed.Welfare > auction.Welfare);

        // Complementary slackness: the rules on the two sides of nu* straddle S = 0.
        if (auction.Rules.Count == 2)
        {
            var sides = auction.Rules
                .Select(rule => RedistributiveAuction.Build(grids, 5, [rule], [1.0], favoured, auction.Multiplier).Surplus)
                .ToArray();
            Assert.True(sides[0] < 0 && sides[1] > 0);
            Assert.InRange(auction.RuleProbabilities[0], 0, 1);
        }

        // A smaller bad cost leaves the same scores with a slack budget: nu = 0.
        Assert.Equal(0, RedistributiveAuctionSolver.Optimize(players, WelfareWeights.Utils, 1, Cells).Multiplier);
    }

    [Fact]
    public void WelfareEqualsLagrangianOfUnironedScoresAtZeroMultiplier()
    {
        // 003 Lemma 4: with the lump sum paid to I*, the objective (10) equals
        // sum_i [int Q_i^+ Z+_i dF - int Q_i^- Z-_i dF] with the nu = 0 scores (not ironed).
        foreach (var testCase in AuctionTestCases.All())
        {
            var auction = AuctionTestCases.Solve(testCase, Cells);
            var alpha = RedistributiveAuctionSolver.Alpha(auction.Grids);
            var lagrangian = 0.0;
            for (var i = 0; i < auction.Players; i++)
            {
                var good = new double[Cells];
                var bad = new double[Cells];
                BifurcatedScores.Compute(auction.Grids[i], alpha, 0, good, bad);
                for (var k = 0; k < Cells; k++)
                {
                    lagrangian += (auction.GoodProbabilityOfCell(i, k) * good[k]
                        - (testCase.BadCost * auction.BadProbabilityOfCell(i, k) * bad[k])) / Cells;
                }
            }

            Assert.Equal(lagrangian, auction.Welfare, 1e-9);
        }
    }
}

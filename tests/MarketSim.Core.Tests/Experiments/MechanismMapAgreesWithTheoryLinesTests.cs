using MarketSim.Core.Experiments;
using MarketSim.Core.Tests.Theory.Solver;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Tests.Experiments;

/// <summary>
/// 000 Figures 7.1-7.2 (docs/theory.md §1.4) on a small grid: with lump sums, a price mechanism is optimal
/// below beta = alpha - 1 - 1/alpha for every mu (tested 0.2 below the line, away from the
/// boundary); sellers are rationed above it when mu is small; without lump sums rationing covers at
/// least as much of the grid; the map does not depend on the thread schedule.
/// </summary>
public sealed class MechanismMapAgreesWithTheoryLinesTests
{
    private static readonly double[] Alphas = MechanismMapStudy.Grid(1.2, 4.0, 6);
    private static readonly double[] Betas = MechanismMapStudy.Grid(0.1, 3.0, 6);

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.1)]
    [InlineData(0.01)]
    public void BelowThePriceMechanismLineEveryCellIsAPriceMechanismWithLumpSums(double mu)
    {
        var cells = MechanismMapStudy.Compute(mu, lumpSumsAllowed: true, Alphas, Betas);
        var below = cells.Where(cell => cell.Beta < MechanismMapStudy.PriceMechanismLine(cell.Alpha) - 0.2).ToArray();
        Assert.NotEmpty(below);
        Assert.All(below, cell => Assert.True(MechanismMapStudy.IsPriceMechanism(cell.Form), $"{cell}"));
    }

    [Fact]
    public void SellersAreRationedAboveTheLineWhenBuyersAreScarce()
    {
        // 000 Section 7.1: above the line, with a thick tail (alpha < 2), rationing is optimal for mu small.
        var cell = MechanismMapStudy.Compute(0.01, lumpSumsAllowed: true, [1.5], [1.0]).Single();
        Assert.True(cell.Beta > MechanismMapStudy.PriceMechanismLine(cell.Alpha));
        Assert.Equal(MechanismForm.PriceFloorSellerRationing, cell.Form);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.1)]
    [InlineData(0.01)]
    public void TheoryRegionLiesInsideThePriceMechanismsAndRemarkOneInsideRationing(double mu)
    {
        // 000 Figure 7.1's "Theory" region: Theorem 2 with Remark 2 (Delta'_S(0) = 1/(alpha(alpha - beta - 1)) <= 1,
        // i.e. beta <= alpha - 1 - 1/alpha) proves a price mechanism optimal; the solver must find one there.
        // Remark 1 (mu <= G_S(D_S^{-1}(2)), g_S decreasing) proves seller rationing; the solver must ration there.
        var cells = MechanismMapStudy.Compute(mu, lumpSumsAllowed: true, Alphas, Betas);
        var theory = cells.Where(cell => cell.TheoryPriceMechanism).ToArray();
        Assert.NotEmpty(theory);
        Assert.All(theory, cell => Assert.True(MechanismMapStudy.IsPriceMechanism(cell.Form), $"{cell}"));
        Assert.All(cells.Where(cell => cell.TheorySellersRationed), cell => Assert.Equal(MechanismForm.PriceFloorSellerRationing, cell.Form));
        // Away from the line the region is the paper's closed form.
        Assert.All(
            cells.Where(cell => Math.Abs(cell.Beta - MechanismMapStudy.PriceMechanismLine(cell.Alpha)) > 0.05),
            cell => Assert.Equal(cell.Beta < MechanismMapStudy.PriceMechanismLine(cell.Alpha), cell.TheoryPriceMechanism));
        if (mu == 0.01)
        {
            Assert.Contains(cells, cell => cell.TheorySellersRationed); // e.g. alpha = 1.2, beta = 0.68 (high, beta < 1)
        }
    }

    [Fact]
    public void WithoutLumpSumsTheFormsAreCompetitiveEquilibriumPriceFloorOrLotteryLumpSum()
    {
        // alpha = 3, beta = 2, mu = 0.1: CE (000 Section 7.2: CE outside the rationing regions).
        var ce = MechanismMapStudy.Compute(0.1, lumpSumsAllowed: false, [3.0], [2.0]).Single();
        Assert.Equal(MechanismForm.CompetitiveEquilibrium, ce.Form);

        // alpha = 1.5, beta = 1, mu = 1: sure sale near p_CE plus a sale with probability 0.037 at the top rate 1, paid
        // for by buyers' higher price (000 footnote 13: a lump sum through a lottery). It beats CE, whose welfare is
        // computed independently by the continuum CE: 0.86854 against 0.86760.
        var market = SolverTestMarkets.SectionSeven(1.5, 1.0, 1.0);
        var optimum = OptimalMechanismSolver.Solve(market, lumpSumsAllowed: false);
        Assert.Equal(MechanismForm.SureSalePlusTopPriceLottery, optimum.MechanismClass.Form);
        Assert.Equal(1.0, optimum.SellerMenu[0].Probability, 9);
        Assert.Equal(market.Sellers.Upper, optimum.SellerMenu[^1].Price, 9);
        Assert.InRange(optimum.SellerMenu[^1].Probability, 1e-4, 0.2);
        Assert.True(optimum.BuyerMenu[0].Price > optimum.SellerMenu[0].Price); // the wedge that finances the lottery
        Assert.True(optimum.Welfare > ContinuumCompetitiveEquilibrium.Solve(market).Welfare + 1e-4);
        var cell = MechanismMapStudy.Compute(1.0, lumpSumsAllowed: false, [1.5], [1.0]).Single();
        Assert.Equal(optimum.MechanismClass.Form, cell.Form); // the figure and solve share the classifier
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.01)]
    public void WithoutLumpSumsRationingCoversAtLeastTheSameCells(double mu)
    {
        // 000 Section 7.2: "rationing emerges as optimal for a much larger space of parameters".
        var with = MechanismMapStudy.Compute(mu, lumpSumsAllowed: true, Alphas, Betas);
        var without = MechanismMapStudy.Compute(mu, lumpSumsAllowed: false, Alphas, Betas);
        var rationedWith = with.Count(cell => !MechanismMapStudy.IsPriceMechanism(cell.Form));
        var rationedWithout = without.Count(cell => !MechanismMapStudy.IsPriceMechanism(cell.Form));
        Assert.True(rationedWithout > rationedWith, $"rationed cells: {rationedWithout} without lump sums, {rationedWith} with");
    }

    [Fact]
    public void TheoryLinesCrossWhereSpecSaysAndTheMapIsReproducible()
    {
        // alpha - 1 - 1/alpha = (alpha^2 - alpha)/(alpha + 1)  <=>  alpha^2 - 2 alpha - 1 = 0  <=>  alpha = 1 + sqrt 2.
        var crossing = 1.0 + Math.Sqrt(2.0);
        Assert.Equal(MechanismMapStudy.PriceMechanismLine(crossing), MechanismMapStudy.HighInequalityLine(crossing), 12);
        Assert.Equal(0.0, MechanismMapStudy.PriceMechanismLine((1.0 + Math.Sqrt(5.0)) / 2.0), 12); // golden ratio: beta = 0

        double[] alphas = [1.5, 2.5], betas = [0.5, 1.5];
        var first = MechanismMapStudy.Compute(0.1, false, alphas, betas);
        var second = MechanismMapStudy.Compute(0.1, false, alphas, betas);
        Assert.Equal(first, second);
        Assert.Equal([1.5, 1.5, 2.5, 2.5], first.Select(cell => cell.Alpha));
        Assert.Equal([0.5, 1.5, 0.5, 1.5], first.Select(cell => cell.Beta));
    }
}

using MarketSim.Core.Theory;
using MarketSim.Core.Theory.Diagnostics;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Tests.Theory.Solver;

/// <summary>
/// docs/theory.md §1.4 / 000 Section 2 with lump sums: mu = 1, r_B ~ U[0,1] (lambda_B = 1), r_S ~ U[0,1/m] (lambda_S = m).
/// Closed forms (derived here): for m &gt; 1, p_B = 1/2, p_S = 1/(2m), Q = 1/2, Rev = Q (p_B - p_S) = (m-1)/(4m)
/// to sellers; buyer surplus int_{1/2}^1 (r - 1/2) dr = 1/8, seller surplus m * m int_0^{p_S} (p_S - r) dr = 1/8,
/// lump-sum value Lambda_S Rev = (m-1)/4, so welfare = m/4. For m &lt; 1, p_S = 1/2, p_B = 1 - m/2, Q = m/2,
/// Rev = m(1-m)/4 to buyers, surpluses m^2/8 each, welfare = m/4 again. CE (p = 1/(1+m)): welfare m^2/(1+m)^2.
/// Tolerances: cut-offs are grid points of spacing 1/1999 in q, so prices are within ~1e-3 (we allow 2e-3, and
/// m times that for seller prices in U[0,1/m]... i.e. dq/m); welfare is stationary at the optimum: 1e-5.
/// </summary>
public sealed class UniformExampleWithLumpSumsTests
{
    private const double PriceTolerance = 2e-3;
    private const double WelfareTolerance = 1e-5;

    internal static ContinuumMarket UniformExample(double m) =>
        SolverTestMarkets.UniformExample(m);

    [Theory]
    [InlineData(1.5)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [InlineData(5.0)]
    public void PoorSellersGetWedgeAndLumpSum(double m)
    {
        OptimalMechanismSolution solution = OptimalMechanismSolver.Solve(UniformExample(m), lumpSumsAllowed: true);

        Assert.Equal(MechanismClass.WedgeWithLumpSum, solution.MechanismClass.Name);
        var buyerOption = Assert.Single(solution.BuyerMenu);
        var sellerOption = Assert.Single(solution.SellerMenu);
        Assert.Equal(1.0, buyerOption.Probability, 12);
        Assert.Equal(1.0, sellerOption.Probability, 12);
        Assert.InRange(buyerOption.Price, 0.5 - PriceTolerance, 0.5 + PriceTolerance);
        Assert.InRange(sellerOption.Price, 1.0 / (2 * m) - PriceTolerance / m, 1.0 / (2 * m) + PriceTolerance / m);
        Assert.InRange(solution.LumpSum.Sellers, (m - 1) / (4 * m) - PriceTolerance, (m - 1) / (4 * m) + PriceTolerance);
        Assert.Equal(0.0, solution.LumpSum.Buyers);
        Assert.Equal(m, solution.Multiplier, 12); // a* = a0 = Lambda_S
        Assert.InRange(solution.Welfare, m / 4 - WelfareTolerance, m / 4 + WelfareTolerance);
        Assert.True(solution.Welfare > m * m / ((1 + m) * (1 + m)) + 1e-3, "CE is suboptimal for m != 1");
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public void PoorBuyersGetWedgeAndLumpSum(double m)
    {
        OptimalMechanismSolution solution = OptimalMechanismSolver.Solve(UniformExample(m), lumpSumsAllowed: true);

        Assert.Equal(MechanismClass.WedgeWithLumpSum, solution.MechanismClass.Name);
        var buyerOption = Assert.Single(solution.BuyerMenu);
        var sellerOption = Assert.Single(solution.SellerMenu);
        Assert.InRange(sellerOption.Price, 0.5 - PriceTolerance / m, 0.5 + PriceTolerance / m);
        Assert.InRange(buyerOption.Price, 1 - m / 2 - PriceTolerance, 1 - m / 2 + PriceTolerance);
        Assert.InRange(solution.LumpSum.Buyers, m * (1 - m) / 4 - PriceTolerance, m * (1 - m) / 4 + PriceTolerance);
        Assert.Equal(0.0, solution.LumpSum.Sellers);
        Assert.Equal(1.0, solution.Multiplier, 12); // a* = a0 = Lambda_B
        Assert.InRange(solution.Welfare, m / 4 - WelfareTolerance, m / 4 + WelfareTolerance);
        Assert.True(solution.Welfare > m * m / ((1 + m) * (1 + m)) + 1e-3, "CE is suboptimal for m != 1");
    }

    [Fact]
    public void EqualWeightsMakeCompetitiveEquilibriumOptimal()
    {
        OptimalMechanismSolution solution = OptimalMechanismSolver.Solve(UniformExample(1.0), lumpSumsAllowed: true);
        MarketDiagnostics diagnostics = MarketDiagnosis.Compute(UniformExample(1.0));

        Assert.Equal(MechanismClass.CompetitiveEquilibrium, solution.MechanismClass.Name);
        Assert.Equal(0.5, Assert.Single(solution.BuyerMenu).Price, 3);
        Assert.Equal(0.5, Assert.Single(solution.SellerMenu).Price, 3);
        Assert.Equal(0.25, solution.Welfare, 6); // m/4 = m^2/(1+m)^2 at m = 1
        Assert.True(diagnostics.CompetitiveEquilibriumOptimal);
    }
}

using MarketSim.Core.Theory;
using MarketSim.Core.Theory.Diagnostics;
using MarketSim.Core.Theory.RateLaws;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Tests.Theory.Solver;

/// <summary>
/// 000 Section 7 / docs/theory.md §1.4 with lump sums: buyers r ~ U[0,1], lambda_B = 1; sellers v^K ~ v^beta,
/// v^M ~ Pareto(1, alpha). A price mechanism (wedge + lump sum to sellers, no rationing) is optimal whenever
/// beta &lt; alpha - 1 - 1/alpha; above that line sellers are rationed once mu is small (000: "even when
/// mu = 0.01, rationing still requires a thick tail", and is most likely for intermediate beta).
/// </summary>
public sealed class PowerParetoFamilyMechanismTests
{
    private static ContinuumMarket Market(double alpha, double beta, double mu) =>
        SolverTestMarkets.SectionSeven(alpha, beta, mu);

    [Theory]
    [InlineData(2.0, 0.2, 1.0)]
    [InlineData(2.0, 0.45, 0.1)]
    [InlineData(3.0, 0.5, 1.0)]
    [InlineData(3.0, 1.5, 0.1)]
    [InlineData(3.0, 1.6, 0.01)]
    [InlineData(5.0, 1.0, 1.0)]
    [InlineData(5.0, 3.5, 0.1)]
    [InlineData(5.0, 3.7, 0.01)]
    public void PriceMechanismBelowTheLine(double alpha, double beta, double mu)
    {
        Assert.True(beta < alpha - 1 - 1 / alpha);
        ContinuumMarket market = Market(alpha, beta, mu);
        OptimalMechanismSolution solution = OptimalMechanismSolver.Solve(market, lumpSumsAllowed: true);

        Assert.False(solution.MechanismClass.SellerRationing);
        Assert.False(solution.MechanismClass.BuyerRationing);
        Assert.Equal(0.0, solution.LumpSum.Buyers); // sellers are poorer: Lambda_S = alpha/(alpha-1) > 1
        Assert.Equal(alpha / (alpha - 1), solution.Multiplier, 12);
        double sellerPrice = Assert.Single(solution.SellerMenu).Price, buyerPrice = Assert.Single(solution.BuyerMenu).Price;

        // Low inequality on both sides here iff beta <= (alpha^2-alpha)/(alpha+1); then docs/theory.md §1.3's wedge FOC holds:
        // Lambda_S (p_B - p_S) = -Lambda_S Delta_S(p_S) + Lambda_B Delta_B(p_B) + (Lambda_S - Lambda_B)(1 - G_B(p_B))/g_B(p_B),
        // with Delta_B = 0 and (1-G_B)/g_B = 1 - p_B. Grid error in prices ~ 1e-3, so residual tolerance 5e-3.
        MarketDiagnostics diagnostics = MarketDiagnosis.Compute(market);
        Assert.False(diagnostics.CompetitiveEquilibriumOptimal);
        Assert.Equal(MechanismClass.WedgeWithLumpSum, solution.MechanismClass.Name);
        double lambdaS = alpha / (alpha - 1);
        double residual = lambdaS * (buyerPrice - sellerPrice)
                          + lambdaS * InequalityMeasures.SellerDelta(market.Sellers, sellerPrice)
                          - (lambdaS - 1.0) * (1.0 - buyerPrice);
        Assert.InRange(residual, -5e-3, 5e-3);
        Assert.Equal(solution.Volume, Math.Max(0, mu * (1 - buyerPrice)), 6);
        Assert.True(solution.Welfare > diagnostics.CompetitiveEquilibriumWelfare);
    }

    [Theory]
    [InlineData(1.5, 0.5)]
    [InlineData(1.5, 1.0)]
    [InlineData(2.0, 1.0)]
    [InlineData(2.0, 1.5)]
    public void SellersRationedWellAboveTheLineWhenBuyersAreScarce(double alpha, double beta)
    {
        Assert.True(beta > alpha - 1 - 1 / alpha + 0.4);
        ContinuumMarket market = Market(alpha, beta, 0.01);
        OptimalMechanismSolution solution = OptimalMechanismSolver.Solve(market, lumpSumsAllowed: true);

        Assert.True(solution.MechanismClass.SellerRationing);
        Assert.False(solution.MechanismClass.BuyerRationing);
        Assert.True(solution.LumpSum.Sellers > 0.0);
        Assert.True(solution.Welfare > MarketDiagnosis.Compute(market).CompetitiveEquilibriumWelfare);
    }
}

using MarketSim.Core.Theory;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Tests.Theory.Solver.LinearProgram;

/// <summary>
/// The solver helper's claim, checked with the LP: under No Free Lunch (worst types get U = 0, 000 Section 6)
/// the optimum can be BELOW CE welfare when p_CE lies outside a side's support, because CE then gives that side's
/// worst type a positive utility p_CE - rbar_S or r_B - p_CE: a lump sum in disguise, which No Free Lunch forbids.
/// Verified: the LP without lump sums (independent of the solver) is below CE welfare by a wide margin, the solver
/// agrees with it, and with lump sums allowed both are at least CE welfare (CE is then feasible).
/// </summary>
public sealed class NoFreeLunchBelowCompetitiveEquilibriumTests
{
    /// <summary>
    /// (a) mu = 1, buyers r ~ U[0.6, 1] (lambda 1), sellers r ~ U[0, 0.4] (v^M = 2): supports apart, every agent trades
    /// at any p in [0.4, 0.6]; CE (midpoint 0.5) has W = 0.3 + 2 * 0.3 = 0.9. No Free Lunch: buyers pay 0.6, sellers get
    /// 0.4, the 0.2 is burnt: W = 0.2 + 2 * 0.2 = 0.6 (no better mechanism: full trade is efficient and IR binds).
    /// (b) mu = 1/2, buyers r ~ U[0.6, 1], sellers r ~ U[0, 1] (lambda 1 both): p_CE = 0.5 &lt; r_B uniquely, W_CE =
    /// 0.5 * 0.3 + 0.125 = 0.275. No Free Lunch: every buyer buys at 0.6 (worst buyer U = 0) and sellers sell at 0.6 with
    /// probability 5/6 (clearing 0.5 = 0.6 * 5/6, budget balanced): W = 0.5 * 0.2 + (5/6) * 0.18 = 0.25, and the LP finds
    /// nothing better (lambda = 1: the optimum is not unique; the solver's menu differs but has the same welfare).
    /// </summary>
    [Theory]
    [InlineData(1.0, 0.4, 2.0, 0.9, 0.6)]
    [InlineData(0.5, 1.0, 1.0, 0.275, 0.25)]
    public void NoLumpSumOptimumBelowCompetitiveEquilibriumWhenPriceOutsideASupport(
        double mu, double sellerUpper, double sellerWeight, double competitiveWelfare, double noFreeLunchWelfare)
    {
        var market = new ContinuumMarket(
            SolverTestMarkets.LinearWeight(0.6, 1.0, 1.0, 0.0), SolverTestMarkets.LinearWeight(0.0, sellerUpper, sellerWeight, 0.0), mu);
        ContinuumCompetitiveEquilibriumResult equilibrium = ContinuumCompetitiveEquilibrium.Solve(market);
        Assert.Equal(competitiveWelfare, equilibrium.Welfare, 1e-9);
        Assert.True(equilibrium.Price < market.Buyers.Lower); // the worst buyer gets r_B - p_CE > 0 in CE

        DiscretisedDesignerProblem.Result noLumpSums = DiscretisedDesignerProblem.Solve(market, lumpSumsAllowed: false, 400);
        DiscretisedDesignerProblem.Result withLumpSums = DiscretisedDesignerProblem.Solve(market, lumpSumsAllowed: true, 400);
        OptimalMechanismSolution solverNoLumpSums = OptimalMechanismSolver.Solve(market, lumpSumsAllowed: false);
        OptimalMechanismSolution solverWithLumpSums = OptimalMechanismSolver.Solve(market, lumpSumsAllowed: true);

        Assert.True(noLumpSums.Welfare < competitiveWelfare - 0.01, $"LP without lump sums {noLumpSums.Welfare} vs CE {competitiveWelfare}");
        Assert.Equal(noFreeLunchWelfare, noLumpSums.Welfare, 1e-6);
        Assert.Equal(noLumpSums.Welfare, solverNoLumpSums.Welfare, 1e-6);
        Assert.True(withLumpSums.Welfare >= competitiveWelfare - 1e-6);
        Assert.True(solverWithLumpSums.Welfare >= competitiveWelfare - 1e-6);
        Assert.Equal(withLumpSums.Welfare, solverWithLumpSums.Welfare, 1e-6);
    }
}

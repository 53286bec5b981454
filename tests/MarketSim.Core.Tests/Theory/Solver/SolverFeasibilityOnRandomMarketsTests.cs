using MarketSim.Core.Random;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.Diagnostics;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Tests.Theory.Solver;

/// <summary>
/// Invariants of every solver output on random markets (uniform rates, linear Pareto weights so that
/// same-side inequality and rationing occur): the menus, run on the continuum law (MenuEvaluation, which
/// never looks at the solver's lotteries), are IC on a fine rate grid, IR, clear the market and balance the
/// budget to 1e-6; the menu welfare equals the reported welfare; strong duality: welfare = D(a*) up to the
/// O(spacing^2) of merging adjacent grid atoms (1e-6); welfare >= CE's; no-lump-sum optimum <= lump-sum optimum.
/// </summary>
public sealed class SolverFeasibilityOnRandomMarketsTests
{
    private const double FeasibilityTolerance = 1e-6;

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < 24; i++) data.Add(i);
        return data;
    }

    private static ContinuumMarket RandomMarket(int index)
    {
        var stream = new RandomStream(StreamKey.ForPurpose(20240611, 0, "solver-random-markets", index));
        IRateLaw Side()
        {
            double lower = 0.5 * stream.NextUniform();
            double upper = lower + 0.3 + 1.2 * stream.NextUniform();
            double intercept = 0.5 + 2.5 * stream.NextUniform();
            // Slope keeps lambda > 0 on the support: in [-0.95 intercept / upper, 2].
            double slope = -0.95 * intercept / upper + (0.95 * intercept / upper + 2.0) * stream.NextUniform();
            return SolverTestMarkets.LinearWeight(lower, upper, intercept, slope);
        }
        IRateLaw buyers = Side(), sellers = Side();
        double mu = Math.Exp(Math.Log(0.05) + (Math.Log(3.0) - Math.Log(0.05)) * stream.NextUniform());
        return new ContinuumMarket(buyers, sellers, mu);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MenusAreFeasibleAndWelfareIsOrdered(int index)
    {
        ContinuumMarket market = RandomMarket(index);
        OptimalMechanismSolution withLumpSums = OptimalMechanismSolver.Solve(market, lumpSumsAllowed: true);
        OptimalMechanismSolution withoutLumpSums = OptimalMechanismSolver.Solve(market, lumpSumsAllowed: false);

        CheckFeasible(market, withLumpSums);
        CheckFeasible(market, withoutLumpSums);

        MarketDiagnostics diagnostics = MarketDiagnosis.Compute(market);
        double competitiveEquilibrium = diagnostics.CompetitiveEquilibriumWelfare;
        Assert.True(withLumpSums.Welfare >= competitiveEquilibrium - FeasibilityTolerance);
        // Under "No Free Lunch" the worst types get U = 0 (docs/theory.md §1.3), so CE is admissible only if p_CE lies in
        // both supports; a CE price outside one (e.g. above every seller's rate) is a disguised lump sum.
        double price = diagnostics.CompetitiveEquilibriumPrice;
        bool competitiveEquilibriumLeavesNoRent = price >= market.Buyers.Lower && price <= market.Sellers.Upper;
        if (competitiveEquilibriumLeavesNoRent)
            Assert.True(withoutLumpSums.Welfare >= competitiveEquilibrium - FeasibilityTolerance);
        Assert.True(withoutLumpSums.Welfare <= withLumpSums.Welfare + FeasibilityTolerance);
    }

    internal static void CheckFeasible(ContinuumMarket market, OptimalMechanismSolution solution)
    {
        double mu = market.BuyersPerSeller;
        MenuEvaluation sellers = MenuEvaluation.Evaluate(market.Sellers, solution.SellerMenu, sellers: true);
        MenuEvaluation buyers = MenuEvaluation.Evaluate(market.Buyers, solution.BuyerMenu, sellers: false);

        // 001 Theorem 1: <= 3 options a side, <= 4 in total, <= 3 with a lump sum.
        Assert.InRange(solution.SellerMenu.Count, 0, 3);
        Assert.InRange(solution.BuyerMenu.Count, 0, 3);
        Assert.InRange(solution.SellerMenu.Count + solution.BuyerMenu.Count, 0, solution.MechanismClass.LumpSum ? 3 : 4);

        Assert.InRange(sellers.IncentiveViolation, 0.0, 1e-9);
        Assert.InRange(buyers.IncentiveViolation, 0.0, 1e-9);
        Assert.True(sellers.MinimumUtility >= -1e-12 && buyers.MinimumUtility >= -1e-12, "IR");

        Assert.Equal(sellers.Volume, mu * buyers.Volume, FeasibilityTolerance); // market clearing
        Assert.Equal(solution.Volume, sellers.Volume, FeasibilityTolerance);
        double revenue = mu * buyers.Payment - sellers.Payment;
        Assert.Equal(solution.Revenue, revenue, FeasibilityTolerance);
        Assert.True(revenue >= -FeasibilityTolerance, "budget balance");
        double paidOut = solution.LumpSum.Sellers + mu * solution.LumpSum.Buyers;
        if (solution.LumpSumsAllowed)
        {
            double lowest = Math.Max(market.Sellers.MeanParetoWeight, market.Buyers.MeanParetoWeight);
            if (solution.Multiplier > lowest + 1e-9) Assert.Equal(0.0, revenue, FeasibilityTolerance); // budget binds
            Assert.Equal(Math.Max(revenue, 0.0), paidOut, FeasibilityTolerance);
        }
        else
        {
            Assert.Equal(0.0, paidOut);
        }

        double menuWelfare = sellers.WeightedSurplus + mu * buyers.WeightedSurplus
                             + market.Sellers.MeanParetoWeight * solution.LumpSum.Sellers
                             + mu * market.Buyers.MeanParetoWeight * solution.LumpSum.Buyers;
        Assert.Equal(solution.Welfare, menuWelfare, 1e-9);

        // Strong duality on the same grid: the reported welfare equals D(a*) (1e-6: merging adjacent atoms).
        DualProblem problem = DualProblem.Create(market, SolverOptions.Default);
        Assert.Equal(problem.Maximise(solution.Multiplier).DualValue, solution.Welfare, FeasibilityTolerance);
    }
}

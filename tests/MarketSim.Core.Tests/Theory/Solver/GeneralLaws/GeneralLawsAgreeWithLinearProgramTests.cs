using MarketSim.Core.Tests.Theory.Solver.LinearProgram;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.Diagnostics;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Tests.Theory.Solver.GeneralLaws;

/// <summary>
/// Issue 12's acceptance: lognormal money on both sides, lognormal goods, a Gaussian copula (beta good, Pareto
/// money) and joint data, solved on their tabulated laws, agree with an independent discretised LP
/// (<see cref="DiscretisedDesignerProblem"/>, GLOP) whose cells are integrated on the EXACT laws (quadrature or
/// row sums per call, no table). The LP is a lower bound of the (truncated) economy's optimum; its stated error
/// is |W_LP(n) - W_LP(n/2)|: the gap is O(1/n^2), so the n-cell gap is about a third of that difference
/// (Richardson), and the check allows the whole difference. The solver must lie in [LP - 1e-5, LP + error + 1e-5]
/// (1e-5: the solver's own grid error, SolverOptions; measured against 240 LP cells: 5e-7 .. 3e-6 below or above,
/// 4e-6 below on the joint rows, whose smoothed density is the least regular), and its menus must be IC, IR,
/// clear and balance.
/// </summary>
public sealed class GeneralLawsAgreeWithLinearProgramTests
{
    private const int Cells = 120;
    private const double SolverError = 1e-5;

    public static TheoryData<string, bool> Cases() => new()
    {
        { "lognormal money", true }, { "lognormal money", false },
        { "lognormal goods", true }, { "lognormal goods", false },
        { "copula", true }, { "copula", false },
        { "joint data", true }, { "joint data", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SolverWelfareMatchesTheLinearProgramWithinItsError(string law, bool lumpSumsAllowed)
    {
        ContinuumMarket market = GeneralLawMarkets.Tabulated(law);
        ContinuumMarket exact = GeneralLawMarkets.Exact(law);
        OptimalMechanismSolution solution = OptimalMechanismSolver.Solve(market, lumpSumsAllowed);
        double fine = DiscretisedDesignerProblem.Solve(market, exact, lumpSumsAllowed, Cells).Welfare;
        double coarse = DiscretisedDesignerProblem.Solve(market, exact, lumpSumsAllowed, Cells / 2).Welfare;
        double error = Math.Abs(fine - coarse);

        Assert.True(error < 2e-3, $"{law}: LP error {error} (W_LP {fine} vs {coarse})");
        Assert.InRange(solution.Welfare - fine, -SolverError, error + SolverError);
        SolverFeasibilityOnRandomMarketsTests.CheckFeasible(market, solution);
        if (lumpSumsAllowed)
        {
            Assert.True(solution.Welfare >= MarketDiagnosis.Compute(market).CompetitiveEquilibriumWelfare - SolverError);
        }
    }
}

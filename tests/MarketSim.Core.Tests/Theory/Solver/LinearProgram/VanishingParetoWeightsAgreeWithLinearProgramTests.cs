using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Tests.Theory.Solver.LinearProgram;

/// <summary>
/// Issue 15 item 5: Pareto weights that are positive inside the support and vanish at an end (a natural case
/// of 001 Theorem 7; docs/theory.md §1.5). lambda_B(r) = 48 - 24 r + 3 r^2 = 3 (4 - r)^2 on r ~ U[3, 4] is zero
/// at the richest buyer r = 4 and has Lambda_B = 3 E[(4 - r)^2] = 1. The solver's optimum must agree with the
/// independent discretised LP (<see cref="DiscretisedDesignerProblem"/>, GLOP) as in
/// <see cref="LinearProgramAgreesWithSolverTests"/>: the LP at 400 cells is a lower bound whose gap is O(1/cells^2)
/// (at most 2e-5 there), and the solver is at most its grid error (1e-6, docs/theory.md §1.3) below the LP.
/// </summary>
public sealed class VanishingParetoWeightsAgreeWithLinearProgramTests
{
    private const int Cells = 400;
    private const double SolverGridError = 1e-6;
    private const double DiscretisationGap = 2e-5;

    private static IRateLaw Law(double lower, double upper, params double[] weight) =>
        RateLawFactory.Create(new ParetoWeightLawSpec(new UniformSpec(lower, upper), weight));

    public static TheoryData<string, bool> Markets() => new()
    {
        { "richest buyer weightless, sellers U[3,4]", true }, { "richest buyer weightless, sellers U[3,4]", false },
        { "richest buyer weightless, sellers U[2.5,3.5] weight 2", true }, { "richest buyer weightless, sellers U[2.5,3.5] weight 2", false },
        { "poorest-rate seller weightless (lambda_S = r on U[0,1])", true }, { "poorest-rate seller weightless (lambda_S = r on U[0,1])", false },
    };

    private static ContinuumMarket Market(string name) => name switch
    {
        "richest buyer weightless, sellers U[3,4]" => new(Law(3, 4, 48, -24, 3), Law(3, 4, 1), 1.0),
        "richest buyer weightless, sellers U[2.5,3.5] weight 2" => new(Law(3, 4, 48, -24, 3), Law(2.5, 3.5, 2), 1.0),
        // lambda_S(r) = r vanishes at the seller with the lowest rate; buyers U[0,1] with lambda 1, mu = 0.8.
        _ => new(Law(0, 1, 1), Law(0, 1, 0, 1), 0.8),
    };

    [Theory]
    [MemberData(nameof(Markets))]
    public void SolverWelfareEqualsLinearProgramWelfare(string name, bool lumpSumsAllowed)
    {
        ContinuumMarket market = Market(name);
        OptimalMechanismSolution solution = OptimalMechanismSolver.Solve(market, lumpSumsAllowed);
        DiscretisedDesignerProblem.Result linearProgram = DiscretisedDesignerProblem.Solve(market, lumpSumsAllowed, Cells);

        Assert.True(double.IsFinite(solution.Welfare));
        Assert.InRange(solution.Welfare - linearProgram.Welfare, -SolverGridError, DiscretisationGap);
        Assert.Equal(solution.Volume, linearProgram.Volume, 2e-3);
        // Market clearing of the reported menus (docs/theory.md §1.1): sellers sold = mu x buyers served.
        Assert.Equal(solution.Volume, solution.SellerLottery.Sum(a => a.Weight * a.Quantity), 1e-9);
        Assert.Equal(solution.Volume, market.BuyersPerSeller * solution.BuyerLottery.Sum(a => a.Weight * a.Quantity), 1e-6);
    }

    [Fact]
    public void TheWeightlessRichestBuyerHasMeanWeightOneAndZeroWeightAtTheTop()
    {
        IRateLaw buyers = Law(3, 4, 48, -24, 3);
        Assert.Equal(1.0, buyers.MeanParetoWeight, 1e-12);
        Assert.Equal(0.0, buyers.ParetoWeight(4.0));
        Assert.Equal(3.0, buyers.ParetoWeight(3.0), 1e-12);
    }
}

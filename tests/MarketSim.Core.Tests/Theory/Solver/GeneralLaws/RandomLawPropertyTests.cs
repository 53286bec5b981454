using MarketSim.Core.Theory.RateLaws;
using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Random;
using MarketSim.Core.Tests.Theory.Solver.LinearProgram;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.Diagnostics;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Tests.Theory.Solver.GeneralLaws;

/// <summary>
/// Properties over random laws from the scenario reference (issue 12): goods uniform, power, beta, lognormal or
/// Pareto; money constant, uniform, Pareto or lognormal; independent or under a Gaussian copula; or joint rows.
/// With and without lump sums: the solver's welfare is at least the independent LP's (exact-law cells) minus the
/// solver's grid error (1e-5, see <see cref="GeneralLawsAgreeWithLinearProgramTests"/>) and at most the LP's plus its stated error |W_LP(n) - W_LP(n/2)|; with lump sums it is
/// never below CE; the menus are IC, IR, clear the market and balance the budget
/// (<see cref="SolverFeasibilityOnRandomMarketsTests.CheckFeasible"/>).
/// </summary>
public sealed class RandomLawPropertyTests
{
    private const int Cells = 80;

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < 6; i++) data.Add(i);
        return data;
    }

    private static SideLawSpec RandomSide(RandomStream stream, int index, bool buyers)
    {
        if (index == 5 && buyers)
        {
            return GeneralLawMarkets.JointRows(150, 77);
        }

        double Between(double low, double high) => low + (high - low) * stream.NextUniform();
        DistributionSpec good = (int)(5 * stream.NextUniform()) switch
        {
            0 => new UniformSpec(0, Between(0.5, 1.5)),
            1 => new PowerSpec(Between(0.5, 3)),
            2 => new BetaSpec(Between(1, 4), Between(1, 4)),
            3 => new LogNormalSpec(Between(-1, 0), Between(0.2, 0.7)),
            _ => new ParetoSpec(Between(0.2, 0.5), Between(2.5, 5)),
        };
        DistributionSpec money = (int)(4 * stream.NextUniform()) switch
        {
            0 => new ConstantSpec(Between(0.5, 3)),
            1 => new UniformSpec(Between(0.5, 1), Between(1.5, 3)),
            2 => new ParetoSpec(1, Between(2.5, 5)),
            _ => new LogNormalSpec(Between(-0.3, 0.3), Between(0.2, 0.5)),
        };
        double correlation = stream.NextUniform() < 0.4 ? Between(-0.5, 0.5) : 0;
        return new TwoDimensionalLawSpec(good, money, correlation);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SolverIsFeasibleAndMatchesTheLinearProgram(int index)
    {
        var stream = new RandomStream(StreamKey.ForPurpose(20261130, 0, "random-laws", index));
        SideLawSpec buyers = RandomSide(stream, index, buyers: true), sellers = RandomSide(stream, index, buyers: false);
        double mu = 0.5 + stream.NextUniform();
        var market = new ContinuumMarket(RateLawFactory.Create(buyers), RateLawFactory.Create(sellers), mu);
        var exact = new ContinuumMarket(RateLawFactory.CreateExact(buyers), RateLawFactory.CreateExact(sellers), mu);
        double competitive = MarketDiagnosis.Compute(market).CompetitiveEquilibriumWelfare;

        foreach (bool lumpSumsAllowed in new[] { true, false })
        {
            OptimalMechanismSolution solution = OptimalMechanismSolver.Solve(market, lumpSumsAllowed);
            double fine = DiscretisedDesignerProblem.Solve(market, exact, lumpSumsAllowed, Cells).Welfare;
            double coarse = DiscretisedDesignerProblem.Solve(market, exact, lumpSumsAllowed, Cells / 2).Welfare;
            double error = Math.Abs(fine - coarse);
            string where = $"case {index} ({buyers}; {sellers}; mu {mu}), lump sums {lumpSumsAllowed}";
            Assert.True(solution.Welfare >= fine - 1e-5, $"{where}: solver {solution.Welfare} < LP {fine}");
            Assert.True(solution.Welfare <= fine + error + 1e-5, $"{where}: solver {solution.Welfare} > LP {fine} + {error}");
            SolverFeasibilityOnRandomMarketsTests.CheckFeasible(market, solution);
            if (lumpSumsAllowed)
            {
                Assert.True(solution.Welfare >= competitive - 1e-6, $"{where}: below CE {competitive}");
            }
        }
    }
}

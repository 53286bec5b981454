using MarketSim.Core.Theory.RateLaws;
using MarketSim.Core.Agents;
using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.OneSided;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.Diagnostics;

namespace MarketSim.Core.Tests.OneSided;

/// <summary>
/// The one-sided problems of 001 Section 3 / 002's slides, r ~ U[0, 1] (the slides' uniform case):
/// low same-side inequality gives the competitive price, high inequality rationing at a single price
/// exactly below a threshold Q(R) that rises with R, and the best single buyer price is p_B^C. Each
/// optimum is cross-checked against the discretised linear program <see cref="OneSidedLinearProgram"/>.
/// </summary>
public sealed class OneSidedPropositionsTests
{
    private const int LinearProgramCells = 300;

    /// <summary>lambda(r) = 1.5 - r: Lambda = 1, lambda(0)/Lambda = 1.5 &lt;= 2 (low inequality).</summary>
    private static IRateLaw LowInequality() => Law([1.5, -1]);

    /// <summary>lambda(r) = (1 - r)^2 + 0.05: Lambda = 1/3 + 0.05, lambda(0)/Lambda = 1.05/0.3833 = 2.74 &gt; 2 (high).</summary>
    private static IRateLaw HighInequality() => Law([1.05, -2, 1]);

    private static IRateLaw Law(double[] weight) => RateLawFactory.Create(new ParetoWeightLawSpec(new UniformSpec(0, 1), weight));

    [Fact]
    public void TheLawsHaveTheInequalityTheTestsAssume()
    {
        Assert.Equal(SameSideInequality.Low, InequalityMeasures.Classify(LowInequality()));
        Assert.Equal(SameSideInequality.High, InequalityMeasures.Classify(HighInequality()));
    }

    [Theory]
    [InlineData(0.2, 1.0)]
    [InlineData(0.5, 0.3)]
    [InlineData(0.8, 0.65)]
    public void LowInequalitySellersGetTheCompetitivePrice(double quantity, double revenue)
    {
        // 002 slides, Proposition (seller price): p_S = p_S^C = G_S^{-1}(Q) = Q. Closed form of its welfare:
        // W_S(p) = int_0^p (1.5 - r)(p - r) dr = 0.75 p^2 - p^3/6, plus Lambda (R - p Q) with Lambda = 1.
        var problem = new OneSidedProblem(Side.Sellers, LowInequality(), quantity, revenue);
        var solution = OneSidedSolver.Solve(problem);
        Assert.Equal(OneSidedMechanismClass.CompetitivePrice, solution.Class);
        var option = Assert.Single(solution.Options);
        Assert.Equal(1, option.Probability, 12);
        Assert.Equal(quantity, option.Price, 9);
        var closedForm = (0.75 * quantity * quantity) - (quantity * quantity * quantity / 6) + (revenue - (quantity * quantity));
        Assert.Equal(closedForm, solution.Welfare, 1e-9);
        AgreesWithTheLinearProgram(problem, solution);
    }

    [Theory]
    [InlineData(0.2, -0.1)]
    [InlineData(0.5, 0.1)]
    [InlineData(0.7, 0.0)]
    public void LowInequalityBuyersGetTheCompetitivePrice(double quantity, double revenue)
    {
        // p_B = p_B^C = G_B^{-1}(1 - Q) = 1 - Q; W_B(p) = int_p^1 (1.5 - r)(r - p) dr, Lambda = 1:
        // with u = 1 - p: 1.5 u^2/2 - (u^2/2 + u^3/3 ... ) computed below by its antiderivative.
        var problem = new OneSidedProblem(Side.Buyers, LowInequality(), quantity, revenue);
        var solution = OneSidedSolver.Solve(problem);
        Assert.Equal(OneSidedMechanismClass.CompetitivePrice, solution.Class);
        Assert.Equal(1 - quantity, Assert.Single(solution.Options).Price, 9);
        var p = 1 - quantity;
        // int_p^1 (1.5 - r)(r - p) dr = [(1.5 + p) r^2/2 - r^3/3 - 1.5 p r]_p^1.
        double Antiderivative(double r) => ((1.5 + p) * r * r / 2) - (r * r * r / 3) - (1.5 * p * r);
        var closedForm = Antiderivative(1) - Antiderivative(p) + ((p * quantity) - revenue);
        Assert.Equal(closedForm, solution.Welfare, 1e-9);
        AgreesWithTheLinearProgram(problem, solution);
    }

    [Fact]
    public void HighInequalitySellersAreRationedAtOnePriceExactlyBelowAThresholdThatRisesWithRevenue()
    {
        // 001 Proposition 1 (B.9): rationing at a single price p_S > p_S^C iff Q < Q(R); Q(R) increasing
        // (strictly while the budget binds: alpha*_R falls as R rises). Feasible Q: Q p_S^C = Q^2 <= R.
        var thresholds = new List<double>();
        foreach (var revenue in new[] { 0.03, 0.045, 1.0 })
        {
            var quantities = Enumerable.Range(1, 20).Select(k => k * 0.02).Where(q => q * q <= revenue).ToArray();
            var rationed = quantities.Select(q =>
            {
                var solution = OneSidedSolver.Solve(new OneSidedProblem(Side.Sellers, HighInequality(), q, revenue), 1000);
                Assert.NotEqual(OneSidedMechanismClass.TwoPrices, solution.Class); // a single price is optimal for sellers
                if (solution.Class == OneSidedMechanismClass.RationingAtSinglePrice)
                {
                    var option = Assert.Single(solution.Options);
                    Assert.True(option.Price > q + 1e-6);
                    Assert.True(option.Probability < 1);
                }

                return solution.Class == OneSidedMechanismClass.RationingAtSinglePrice;
            }).ToArray();

            // An initial segment: once competitive, competitive for every larger Q.
            var count = rationed.TakeWhile(r => r).Count();
            Assert.All(rationed.Skip(count), r => Assert.False(r));
            Assert.True(count > 0, $"no rationing at R = {revenue}");
            thresholds.Add(quantities[count - 1]);
        }

        Assert.True(thresholds[0] < thresholds[1] && thresholds[1] < thresholds[2], $"Q(R) does not rise: {string.Join(", ", thresholds)}");
    }

    [Fact]
    public void WhereTheBudgetBindsTheRationedPriceSpendsItAll()
    {
        // R = 0.03 < Q x (unconstrained rationing price 0.233) at Q = 0.15: the single price is R/Q = 0.2
        // (G_S(0.2) = 0.2 sellers want to sell, each sells with probability Q/0.2 = 0.75), no lump sum.
        var solution = OneSidedSolver.Solve(new OneSidedProblem(Side.Sellers, HighInequality(), 0.15, 0.03), 2000);
        Assert.Equal(OneSidedMechanismClass.RationingAtSinglePrice, solution.Class);
        var option = Assert.Single(solution.Options);
        Assert.Equal(0.2, option.Price, 1e-3);
        Assert.Equal(0.75, option.Probability, 1e-3);
        Assert.Equal(0, solution.LumpSum, 1e-6);
        Assert.True(solution.Multiplier > HighInequality().MeanParetoWeight);
    }

    [Theory]
    [InlineData(Side.Sellers, 0.1, 0.1)]
    [InlineData(Side.Sellers, 0.3, 0.3)]
    [InlineData(Side.Buyers, 0.9, 0.0)]
    [InlineData(Side.Buyers, 0.5, 0.1)]
    public void HighInequalityOptimaAgreeWithTheLinearProgram(Side side, double quantity, double revenue)
    {
        var problem = new OneSidedProblem(side, HighInequality(), quantity, revenue);
        AgreesWithTheLinearProgram(problem, OneSidedSolver.Solve(problem));
    }

    [Theory]
    [InlineData(0.3, 0.0)]
    [InlineData(0.6, 0.1)]
    [InlineData(0.9, 0.0)]
    public void TheBestSingleBuyerPriceIsTheCompetitiveOne(double quantity, double revenue)
    {
        // 001 Proposition 2 (B.22): with lambda_B non-increasing, among single prices p_B <= G_B^{-1}(1 - Q)
        // the slides' objective Q/(1 - G_B(p)) W_B(p) + Lambda_B (p Q - R) is maximal at p_B^C = 1 - Q.
        var law = HighInequality();
        double Objective(double p) => (quantity / (1 - law.Cdf(p)) * law.BuyerSurplus(p)) + (law.MeanParetoWeight * ((p * quantity) - revenue));
        var competitive = 1 - quantity;
        var best = Enumerable.Range(0, 1001).Select(k => competitive * k / 1000).MaxBy(Objective);
        Assert.Equal(competitive, best, 12);
        // The solver never does worse than that price (it may do better with two options).
        var solution = OneSidedSolver.Solve(new OneSidedProblem(Side.Buyers, law, quantity, revenue));
        Assert.True(solution.Welfare >= Objective(competitive) - 1e-9);
    }

    [Fact]
    public void HighInequalityBuyersGetASurePriceAtTheCompetitiveLevelAndACheapRationedOneWhenQIsLarge()
    {
        // 002 slides (buyer price, two prices): with high buyer inequality and Q large, p_B^H = p_B^C = 1 - Q
        // surely and p_B^L &lt; p_B^H with probability delta &lt; 1; with Q small, the competitive price alone.
        var large = OneSidedSolver.Solve(new OneSidedProblem(Side.Buyers, HighInequality(), 0.9, 0.0));
        Assert.Equal(OneSidedMechanismClass.TwoPrices, large.Class);
        Assert.Equal(1, large.Options[0].Probability, 9);
        Assert.Equal(0.1, large.Options[0].Price, 1e-3);
        Assert.InRange(large.Options[1].Probability, 1e-3, 1 - 1e-3);
        Assert.True(large.Options[1].Price < large.Options[0].Price);
        var small = OneSidedSolver.Solve(new OneSidedProblem(Side.Buyers, HighInequality(), 0.3, 0.0));
        Assert.Equal(OneSidedMechanismClass.CompetitivePrice, small.Class);
        Assert.Equal(0.7, small.Options[0].Price, 1e-9);
    }

    [Fact]
    public void RevenueThatCannotBuyTheQuantityIsRefused()
    {
        // Sellers: the cheapest way to buy Q = 0.5 from U[0, 1] costs Q p^C = 0.25 > 0.2.
        var error = Assert.Throws<ArgumentException>(() => OneSidedSolver.Solve(new OneSidedProblem(Side.Sellers, LowInequality(), 0.5, 0.2)));
        Assert.Equal("revenue", error.ParamName);
    }

    private static void AgreesWithTheLinearProgram(OneSidedProblem problem, OneSidedSolution solution)
    {
        // The LP's step mechanisms are feasible continuum mechanisms: it may only fall short, by O(1/cells^2)
        // (a cut-off's cell misallocated); the solver's grid of 4000 cut-offs is finer still.
        var linearProgram = OneSidedLinearProgram.Welfare(problem, LinearProgramCells);
        Assert.True(linearProgram <= solution.Welfare + 1e-7, $"LP {linearProgram} above solver {solution.Welfare}");
        Assert.True(linearProgram >= solution.Welfare - 2e-4, $"LP {linearProgram} far below solver {solution.Welfare}");
    }
}

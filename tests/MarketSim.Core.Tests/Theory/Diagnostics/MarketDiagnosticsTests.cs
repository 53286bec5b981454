using MarketSim.Core.Tests.Theory.Solver;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.Diagnostics;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Core.Tests.Theory.Diagnostics;

/// <summary>Lambda_j, p_CE, the CE-optimality test 001 (5.3) and the same-side inequality classes (docs/theory.md §1.1, §1.4).</summary>
public sealed class MarketDiagnosticsTests
{
    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(5.0)]
    public void UniformExampleCompetitiveEquilibriumOptimalOnlyWithoutCrossSideInequality(double m)
    {
        var market = SolverTestMarkets.UniformExample(m);
        MarketDiagnostics diagnostics = MarketDiagnosis.Compute(market);

        Assert.Equal(1.0, diagnostics.BuyerMeanParetoWeight);
        Assert.Equal(m, diagnostics.SellerMeanParetoWeight);
        Assert.Equal(1 / (1 + m), diagnostics.CompetitiveEquilibriumPrice, 12); // docs/theory.md §1.4
        Assert.Equal(m * m / ((1 + m) * (1 + m)), diagnostics.CompetitiveEquilibriumWelfare, 12);
        Assert.Equal(m == 1.0, diagnostics.CompetitiveEquilibriumOptimal); // CE suboptimal for m != 1
        // No same-side inequality: Delta = 0, so the margin is -(Lambda_S - Lambda_B)(1-p) for m > 1 and
        // -(Lambda_B - Lambda_S) G_S(p)/g_S(p) = -(1-m) p for m < 1.
        double expectedMargin = m >= 1 ? -(m - 1) * (1 - 1 / (1 + m)) : -(1 - m) / (1 + m);
        Assert.Equal(expectedMargin, diagnostics.CompetitiveEquilibriumOptimalityMargin, 10);
        Assert.Equal(SameSideInequality.None, diagnostics.BuyerInequality);
        Assert.Equal(SameSideInequality.None, diagnostics.SellerInequality);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [InlineData(5.0)]
    public void PowerParetoSellerInequalityIsHighIffBetaAboveThreshold(double alpha)
    {
        double threshold = (alpha * alpha - alpha) / (alpha + 1); // docs/theory.md §1.4
        foreach (double offset in new[] { -0.2, -0.02, 0.02, 0.3 })
        {
            double beta = threshold + offset;
            if (beta <= 0) continue;
            var market = SolverTestMarkets.SectionSeven(alpha, beta, 1.0);
            MarketDiagnostics diagnostics = MarketDiagnosis.Compute(market);
            Assert.Equal(offset > 0 ? SameSideInequality.High : SameSideInequality.Low, diagnostics.SellerInequality);
            Assert.Equal(SameSideInequality.None, diagnostics.BuyerInequality);
            Assert.Equal(alpha / (alpha - 1), diagnostics.SellerMeanParetoWeight, 14);
        }
    }

    [Theory]
    [InlineData(0.0, 1.0, 3.0, -2.5, SameSideInequality.Low)] // lambdabar(0) = 3/1.75 = 1.71
    [InlineData(0.0, 1.0, 1.0, -0.99, SameSideInequality.Low)] // 1/0.505 = 1.98
    [InlineData(0.0, 1.0, 1.0, 2.0, SameSideInequality.Low)] // richer at low rates: 1/2
    [InlineData(0.2, 0.7, 4.0, 0.0, SameSideInequality.None)] // constant weight
    public void LinearWeightClassifiedAtTheLowestRate(double lower, double upper, double intercept, double slope, SameSideInequality expected)
    {
        // A linear weight positive on [a, b] has Lambda = (lambda(a) + lambda(b))/2 > lambda(a)/2, so it is never
        // high; the high class is exercised by the power/Pareto family above.
        Assert.Equal(expected, InequalityMeasures.Classify(SolverTestMarkets.LinearWeight(lower, upper, intercept, slope)));
    }
}

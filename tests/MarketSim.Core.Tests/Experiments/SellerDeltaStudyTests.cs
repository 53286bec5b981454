using MarketSim.Core.Experiments;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Core.Tests.Experiments;

/// <summary>
/// 000 Figure A.1 (Appendix A.2): Delta_S(p) for v^K ~ U[0,1], v^M ~ Pareto(1, alpha). Independent closed form, derived by
/// hand from r = v^K / v^M (condition on v^M = m: P(v^K &lt;= r m) = min(r m, 1)), for 0 &lt; p &lt; 1 and alpha &gt; 2:
///   G_S(p) = (alpha p - p^alpha)/(alpha - 1),   g_S(p) = alpha (1 - p^{alpha-1})/(alpha - 1),
///   int_0^p lambda_S dG_S / Lambda_S = E[v^M min(p v^M, 1)] / E[v^M] = (alpha-1)/(alpha-2) (p - p^{alpha-1}) + p^{alpha-1},
///   Delta_S(p) = [that - G_S(p)] / g_S(p)   (docs/theory.md §1.1).
/// Its slope at 0 is 1/(alpha (alpha - 2)) (docs/theory.md §1.4, Delta'_S(0) = 1/(alpha(alpha - beta - 1)) with beta = 1).
/// </summary>
public sealed class SellerDeltaStudyTests
{
    private static double ClosedForm(double alpha, double p)
    {
        double below = (alpha - 1) / (alpha - 2) * (p - Math.Pow(p, alpha - 1)) + Math.Pow(p, alpha - 1);
        double cdf = (alpha * p - Math.Pow(p, alpha)) / (alpha - 1);
        double density = alpha * (1 - Math.Pow(p, alpha - 1)) / (alpha - 1);
        return (below - cdf) / density;
    }

    [Theory]
    [InlineData(2.2)]
    [InlineData(2.5)]
    [InlineData(3.0)]
    [InlineData(4.0)]
    [InlineData(6.0)]
    public void DeltaIsTheClosedFormZeroAtTheEndsWithTheSlopeOfRemarkTwo(double alpha)
    {
        var law = new PowerParetoSellerRateLaw(alpha, 1.0);
        foreach (var p in new[] { 0.01, 0.05, 0.2, 0.37, 0.5, 0.8, 0.95, 0.99 })
        {
            Assert.Equal(ClosedForm(alpha, p), SellerDeltaStudy.Delta(law, p), 1e-11);
        }

        Assert.Equal(0.0, SellerDeltaStudy.Delta(law, 0.0));
        Assert.Equal(0.0, SellerDeltaStudy.Delta(law, 1.0));
        // The limit at the top end is 0 too: the last grid points approach it continuously.
        Assert.True(SellerDeltaStudy.Delta(law, 1 - 1e-4) < 1e-3);
        // Near 0 the closed form is Delta_S(h)/h = 1/(alpha(alpha - 2)) - (alpha - 1)/(alpha(alpha - 2)) h^{alpha-2} + O(h^{alpha-1}):
        // the slope of Remark 2 with its slowly vanishing correction (h^{0.2} = 0.04 for alpha = 2.2).
        double h = 1e-7;
        double expected = (1 - (alpha - 1) * Math.Pow(h, alpha - 2)) / (alpha * (alpha - 2));
        Assert.Equal(expected, SellerDeltaStudy.Delta(law, h) / h, 1e-6);
    }

    /// <summary>
    /// The paper's reading of the figure: the curves are concave (second differences on the figure's grid are &lt;= 0, up to
    /// rounding 1e-14), larger for smaller alpha at every interior price, and so is the area below them. The area is checked
    /// against Simpson's rule on the closed form (4000 intervals, error far below 1e-8).
    /// </summary>
    [Fact]
    public void CurvesAreConcaveAndLargerForSmallerAlpha()
    {
        var curves = SellerDeltaStudy.Curves(SellerDeltaStudy.PaperAlphas, 161);
        Assert.Equal(SellerDeltaStudy.PaperAlphas.Count, curves.Count);
        for (int k = 0; k < curves.Count; k++)
        {
            var curve = curves[k];
            Assert.Equal(161, curve.Prices.Count);
            for (int i = 1; i < curve.Prices.Count - 1; i++)
            {
                Assert.True(curve.Deltas[i] > 0, $"alpha {curve.Alpha}, p {curve.Prices[i]}: Delta_S must be positive inside");
                double second = curve.Deltas[i + 1] - 2 * curve.Deltas[i] + curve.Deltas[i - 1];
                Assert.True(second <= 1e-14, $"alpha {curve.Alpha}, p {curve.Prices[i]}: second difference {second}");
                if (k > 0)
                {
                    Assert.True(curve.Deltas[i] < curves[k - 1].Deltas[i], $"p {curve.Prices[i]}: alpha {curve.Alpha} not below alpha {curves[k - 1].Alpha}");
                }
            }

            const int intervals = 4000;
            double simpson = 0;
            for (int i = 1; i < intervals; i++)
            {
                simpson += (i % 2 == 1 ? 4 : 2) * ClosedForm(curve.Alpha, (double)i / intervals);
            }

            simpson /= 3.0 * intervals; // the ends contribute Delta_S(0) = Delta_S(1) = 0
            Assert.Equal(simpson, curve.Area, 1e-8);
            if (k > 0)
            {
                Assert.True(curve.Area < curves[k - 1].Area);
            }
        }
    }
}

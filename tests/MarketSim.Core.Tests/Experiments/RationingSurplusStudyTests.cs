using MarketSim.Core.Distributions;
using MarketSim.Core.Experiments;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Core.Tests.Experiments;

/// <summary>
/// 001 Figure A.1 (Appendix A.2). For sellers r ~ U[0,1] (v^M = 1) the areas are triangles: ABC = p^2/2 (price p),
/// ABD = p (p + epsilon)/2 (rationing at p + epsilon, sale probability p/(p + epsilon)), AED = (p + epsilon)^2/2 (no rationing).
/// So rationing gains p epsilon/2, exactly half of the extra money epsilon p (break-even lambda_S(0)/Lambda_S = 2 for every
/// epsilon), and the lost part BED = epsilon (p + epsilon)/2 is the share (p + epsilon)/(2p + epsilon) of the unrationed gain,
/// which tends to 1/2 as epsilon -&gt; 0.
/// </summary>
public sealed class RationingSurplusStudyTests
{
    [Fact]
    public void AreasAreTheTrianglesAndRationingTurnsHalfTheExtraMoneyIntoSurplus()
    {
        double p = RationingSurplusStudy.Price;
        var points = RationingSurplusStudy.Compute(p, RationingSurplusStudy.Epsilons);
        Assert.Equal(RationingSurplusStudy.Epsilons.Count, points.Count);
        double previousShare = double.PositiveInfinity;
        foreach (var point in points)
        {
            double e = point.Epsilon;
            Assert.Equal(p / (p + e), point.RationingCoefficient, 1e-14);
            Assert.Equal(p * p / 2, point.SurplusAtPrice, 1e-14);
            Assert.Equal(p * (p + e) / 2, point.SurplusRationed, 1e-14);
            Assert.Equal((p + e) * (p + e) / 2, point.SurplusUnrationed, 1e-14);
            Assert.Equal(e * p, point.ExtraCost, 1e-14);
            Assert.Equal(e * (p + e) / 2, point.LostToRationing, 1e-14);
            Assert.Equal(2.0, point.BreakEvenWeightRatio, 1e-9);
            Assert.Equal((p + e) / (2 * p + e), point.LostShare, 1e-9);
            Assert.True(point.LostShare < previousShare && point.LostShare > 0.5);
            previousShare = point.LostShare;
        }

        Assert.Equal(0.5, points[^1].LostShare, 1e-3); // epsilon = 0.001
    }

    /// <summary>
    /// 001 A.2: the factor 2 does not need uniform rates, only a positive continuous density at r_S = 0, because near 0 the
    /// region is approximately a triangle. Sellers' rates Beta(1, 2) (density 2(1 - r)): with p = 1e-3 and epsilon = 1e-5 the
    /// break-even ratio is 2 up to a relative error of order p (the density's relative change over [0, p + epsilon]).
    /// </summary>
    [Fact]
    public void FactorTwoHoldsLocallyForANonUniformDensity()
    {
        var sellers = RateLawFactory.Create(new TwoDimensionalLawSpec(new BetaSpec(1, 2), new ConstantSpec(1)));
        var point = RationingSurplusStudy.Compute(1e-3, [1e-5], sellers)[0];
        Assert.Equal(2.0, point.BreakEvenWeightRatio, 2.0 * 5e-3);
        Assert.Equal(0.5, point.LostShare, 5e-3);
        // Away from 0 the ratio moves: at p = 0.4 the density falls by 40%, so the factor is no longer 2.
        var far = RationingSurplusStudy.Compute(0.4, [1e-3], sellers)[0];
        Assert.True(Math.Abs(far.BreakEvenWeightRatio - 2.0) > 0.05, $"ratio {far.BreakEvenWeightRatio}");
    }
}

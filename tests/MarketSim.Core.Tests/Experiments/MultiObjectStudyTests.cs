using MarketSim.Core.Experiments;

namespace MarketSim.Core.Tests.Experiments;

/// <summary>The multi-object figures' data reproduce 004's example (docs/theory.md §3) and its qualitative claims.</summary>
public sealed class MultiObjectStudyTests
{
    [Fact]
    public void EfficiencyStartsAtThePapersSingleObjectValueAndRisesTowardsOne()
    {
        var points = MultiObjectStudy.Efficiency(40, 0.5);
        // docs/theory.md §3: N = 1, expected surplus 3.3; first best 3.5 (3 from good-good, 1/4 from each bad-good pair).
        Assert.Equal(3.3, points[0].GainsFromTrade, 9);
        Assert.Equal(3.5, points[0].FirstBestGains, 9);
        Assert.Equal(3.3 / 3.5, points[0].Efficiency, 9);
        // N = 3 at equal weights: "about 10.25" of first best 10.5.
        Assert.Equal(10.25, points[2].GainsFromTrade, 0.02);
        Assert.True(points[39].Efficiency > points[9].Efficiency && points[9].Efficiency > points[0].Efficiency);
        Assert.InRange(points[39].Efficiency, 0.99, 1.0);
    }

    [Fact]
    public void FrontierPerObjectForThreeObjectsHasThePapersVertices()
    {
        // docs/theory.md §3: utility vertices (seller 6.82, buyer 3.44) and (8.25, 1.84) for N = 3, i.e. per object / 3;
        // 004 rounds: the exact buyer utility of the second is 561/304 = 1.8454, hence 0.01 there.
        var vertices = MultiObjectStudy.FrontierPerObject(3);
        Assert.Contains(vertices, v => Math.Abs(v.SellerUtilityPerObject * 3 - 6.82) < 0.005 && Math.Abs(v.BuyerUtilityPerObject * 3 - 3.44) < 0.005);
        Assert.Contains(vertices, v => Math.Abs(v.SellerUtilityPerObject * 3 - 8.25) < 0.005 && Math.Abs(v.BuyerUtilityPerObject * 3 - 1.84) < 0.01);
        Assert.Contains(vertices, v => Math.Abs(v.SellerWeightFrom - 148.0 / 281.0) < 1e-12);
    }

    [Fact]
    public void ThresholdsFallInTheOwnWeight()
    {
        // docs/theory.md §3 (004 Theorem 1 corrected): as a_s rises, the seller's threshold weakly falls, the buyer's weakly rises.
        var points = MultiObjectStudy.Thresholds(15, Enumerable.Range(0, 41).Select(k => k / 40.0).ToArray());
        for (var i = 1; i < points.Count; i++)
        {
            Assert.True(points[i].SellerThreshold <= points[i - 1].SellerThreshold);
            Assert.True(points[i].BuyerThreshold >= points[i - 1].BuyerThreshold);
        }

        Assert.True(points[0].SellerThreshold > points[^1].SellerThreshold);
    }
}

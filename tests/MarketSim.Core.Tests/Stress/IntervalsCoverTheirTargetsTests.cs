using MarketSim.Core.Random;
using MarketSim.Core.Stress;

namespace MarketSim.Core.Tests.Stress;

/// <summary>The exact binomial and order-statistic intervals of the stress test: closed forms and coverage.</summary>
public sealed class IntervalsCoverTheirTargetsTests
{
    [Theory]
    [InlineData(20)]
    [InlineData(200)]
    public void ClopperPearsonAtTheEndsHasItsClosedForm(int trials)
    {
        // k = 0: upper end 1 - (a/2)^{1/n}; k = n: lower end (a/2)^{1/n} (Clopper-Pearson 1934).
        var (low0, high0) = ProportionInterval.ClopperPearson(0, trials);
        Assert.Equal(0.0, low0);
        Assert.Equal(1 - Math.Pow(0.025, 1.0 / trials), high0, 9);
        var (lowN, highN) = ProportionInterval.ClopperPearson(trials, trials);
        Assert.Equal(Math.Pow(0.025, 1.0 / trials), lowN, 9);
        Assert.Equal(1.0, highN);
    }

    [Fact]
    public void IntervalsCoverTheTruthInRepeatedSamples()
    {
        // 400 samples of 100 uniforms: the 5% quantile is 0.05, the proportion below 0.3 is 0.3.
        // Both intervals are conservative (>= 95%); 4 se of a coverage rate over 400 samples = 0.044.
        const int samples = 400;
        var quantileCovered = 0;
        var proportionCovered = 0;
        var values = new double[100];
        for (var s = 0; s < samples; s++)
        {
            var stream = new RandomStream(StreamKey.ForPurpose(99, s, "interval-coverage"));
            var below = 0;
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = stream.NextUniform();
                below += values[i] < 0.3 ? 1 : 0;
            }

            Array.Sort(values);
            var (estimate, low, high) = SampleQuantile.Of(values, 0.05);
            Assert.Equal(values[4], estimate); // ceil(0.05 x 100) = 5th order statistic
            quantileCovered += low <= 0.05 && 0.05 <= high ? 1 : 0;
            var (pLow, pHigh) = ProportionInterval.ClopperPearson(below, values.Length);
            proportionCovered += pLow <= 0.3 && 0.3 <= pHigh ? 1 : 0;
        }

        Assert.InRange((double)quantileCovered / samples, 0.95 - 0.044, 1.0);
        Assert.InRange((double)proportionCovered / samples, 0.95 - 0.044, 1.0);
    }

    [Fact]
    public void AFewReplicationsCannotBoundAnExtremeQuantile()
    {
        // 40 points, 1% quantile: P(B = 0) = 0.99^40 = 0.67 > 0.025, so there is no lower bound.
        var sorted = Enumerable.Range(1, 40).Select(i => (double)i).ToArray();
        var (estimate, low, high) = SampleQuantile.Of(sorted, 0.01);
        Assert.Equal(1.0, estimate);
        Assert.Equal(double.NegativeInfinity, low);
        Assert.True(high >= 1.0 && double.IsFinite(high));
    }
}

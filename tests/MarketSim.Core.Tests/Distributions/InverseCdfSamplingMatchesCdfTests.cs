using MarketSim.Core.Tests.Random;

namespace MarketSim.Core.Tests.Distributions;

/// <summary>Inverse-CDF draws follow the CDF (Kolmogorov-Smirnov), and CDF, quantile, density agree.</summary>
public class InverseCdfSamplingMatchesCdfTests
{
    private const int Count = 20_000;

    [Theory]
    [MemberData(nameof(ContinuousLaws.Names), MemberType = typeof(ContinuousLaws))]
    public void KolmogorovSmirnovStatisticIsBelowTheOnePercentCriticalValue(string name)
    {
        var law = ContinuousLaws.Create(name);
        var sample = KeyedUniforms.Draw(Count, 11).Select(law.InverseCdf).ToArray();

        // Asymptotic 1% critical value of D_n: 1.63 / sqrt(n) (fixed keys: deterministic).
        Assert.True(KeyedUniforms.KolmogorovSmirnov(sample, law.Cdf) < 1.63 / Math.Sqrt(Count));
        Assert.All(sample, x => Assert.InRange(x, law.Lower, law.Upper));
    }

    [Theory]
    [MemberData(nameof(ContinuousLaws.Names), MemberType = typeof(ContinuousLaws))]
    public void CdfInvertsTheQuantileFunction(string name)
    {
        var law = ContinuousLaws.Create(name);
        foreach (var u in new[] { 2.2e-16, 1e-9, 1e-4, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.9999, 1 - 1e-6 })
        {
            // Relative accuracy in the lower tail: a quantile that rounds to 0 would give v^M = 0. Near 1
            // the quantile itself is limited by the spacing of doubles below 1, hence absolute 1e-10.
            Assert.Equal(u, law.Cdf(law.InverseCdf(u)), u <= 0.5 ? 1e-9 * u + 1e-14 : 1e-10);
        }

        Assert.Equal(0, law.Cdf(law.Lower - 1));
        Assert.Equal(0, law.Density(law.Lower - 1));
    }

    [Theory]
    [MemberData(nameof(ContinuousLaws.Names), MemberType = typeof(ContinuousLaws))]
    public void DensityIsTheDerivativeOfTheCdf(string name)
    {
        var law = ContinuousLaws.Create(name);
        foreach (var u in new[] { 0.05, 0.3, 0.5, 0.7, 0.95 })
        {
            var x = law.InverseCdf(u);
            var h = 1e-6 * Math.Max(1, Math.Abs(x));
            var slope = (law.Cdf(x + h) - law.Cdf(x - h)) / (2 * h);

            // Central difference error O(h^2 f''') plus rounding 1e-16/h: relative 1e-6 is ample.
            Assert.Equal(slope, law.Density(x), 1e-6 * Math.Max(1, slope));
        }
    }
}

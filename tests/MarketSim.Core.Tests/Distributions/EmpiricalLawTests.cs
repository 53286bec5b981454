using MarketSim.Core.Distributions;
using MarketSim.Core.Tests.Random;

namespace MarketSim.Core.Tests.Distributions;

/// <summary>The empirical law: quantile sorted[ceil(u n) - 1], CDF = fraction &lt;= x, sample moments.</summary>
public class EmpiricalLawTests
{
    private static readonly double[] Values = [0.7, 0.1, 0.4, 0.4, 1.3];

    [Fact]
    public void QuantileIsTheSortedValueAtCeilingOfUTimesN()
    {
        var law = new EmpiricalDistribution(Values);
        double[] sorted = [0.1, 0.4, 0.4, 0.7, 1.3];
        foreach (var u in new[] { 1e-12, 0.2, 0.2000001, 0.39, 0.6, 0.61, 0.8, 0.81, 0.999999 })
        {
            Assert.Equal(sorted[(int)Math.Ceiling(u * 5) - 1], law.InverseCdf(u));
        }

        Assert.Equal(0.6, law.Cdf(0.4));
        Assert.Equal(0.2, law.Cdf(0.39));
        Assert.Equal(0, law.Cdf(0.09));
        Assert.Equal(1, law.Cdf(1.3));
        Assert.Equal(0.58, law.Mean, 1e-15);
        Assert.Equal((0.49 + 0.01 + 0.16 + 0.16 + 1.69) / 5, law.RawMoment(2), 1e-15);
        Assert.Equal(0.1, law.Lower);
        Assert.Equal(1.3, law.Upper);
        Assert.False(law.IsDegenerate);
    }

    [Fact]
    public void PartialExpectationsAreSampleAverages()
    {
        var law = new EmpiricalDistribution(Values);
        foreach (var t in new[] { 0.0, 0.1, 0.3, 0.4, 0.55, 1.3, 2.0 })
        {
            Assert.Equal(Values.Average(v => Math.Max(t - v, 0)), law.LowerPartialExpectation(t), 1e-15);
            Assert.Equal(Values.Average(v => Math.Max(v - t, 0)), law.UpperPartialExpectation(t), 1e-15);
        }
    }

    [Fact]
    public void SamplingGivesEachValueMassOneOverN()
    {
        var law = new EmpiricalDistribution(Values);
        var draws = KeyedUniforms.Draw(50_000, 13).Select(law.InverseCdf).ToArray();
        foreach (var value in new[] { 0.1, 0.7, 1.3 })
        {
            var share = draws.Count(x => x == value) / (double)draws.Length;

            // Binomial se sqrt(p (1 - p) / n) with p = 1/5; 4 se.
            Assert.InRange(share, 0.2 - 4 * Math.Sqrt(0.16 / draws.Length), 0.2 + 4 * Math.Sqrt(0.16 / draws.Length));
        }
    }
}

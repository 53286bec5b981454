using MarketSim.Core.Distributions;
using MarketSim.Core.Tests.Random;

namespace MarketSim.Core.Tests.Distributions;

/// <summary>Means, raw moments and partial expectations: closed forms vs quadrature vs Monte Carlo.</summary>
public class MomentsMatchClosedFormsTests
{
    [Theory]
    [InlineData("uniform[2,5]", 3.5)]
    [InlineData("power(0.5)", 1.0 / 3)]
    [InlineData("power(3)", 0.75)]
    [InlineData("pareto(1,3)", 1.5)]
    [InlineData("pareto(2,1.5)", 6.0)]
    [InlineData("beta(2,5)", 2.0 / 7)]
    [InlineData("beta(0.5,0.5)", 0.5)]
    public void MeanIsTheTextbookValue(string name, double expected)
    {
        var law = ContinuousLaws.Create(name);
        Assert.Equal(expected, law.Mean, 1e-12);
        Assert.Equal(expected, law.RawMoment(1), 1e-12);
    }

    [Fact]
    public void LogNormalMeanMatchesMonteCarloWithinFourStandardErrors()
    {
        var law = new LogNormalDistribution(0.2, 0.7);
        Assert.Equal(Math.Exp(0.2 + 0.245), law.Mean, 1e-12);
        var sample = KeyedUniforms.Draw(50_000, 12).Select(law.InverseCdf).ToArray();
        var mean = sample.Average();
        var se = Math.Sqrt(sample.Select(x => (x - mean) * (x - mean)).Sum() / (sample.Length - 1) / sample.Length);
        Assert.InRange(law.Mean, mean - 4 * se, mean + 4 * se);
    }

    [Theory]
    [MemberData(nameof(ContinuousLaws.Names), MemberType = typeof(ContinuousLaws))]
    public void PartialExpectationsMatchQuantileQuadrature(string name)
    {
        var law = ContinuousLaws.Create(name);
        var reference = (IValueDistribution)new ContinuousLaws.QuantileOnly(law);
        // The reference quadrature of an infinite-variance tail, e.g. a Pareto(shape 1.5) quantile
        // (1-u)^{-2/3}, loses digits (tanh-sinh truncates the end singularity): there the upper
        // expectation is checked by the identity below and by ParetoTailsMatchTheirClosedForms.
        foreach (var u in new[] { 0.01, 0.2, 0.5, 0.8, 0.99 })
        {
            var t = law.InverseCdf(u);
            var lower = law.LowerPartialExpectation(t);
            var upper = law.UpperPartialExpectation(t);

            // Quadrature target 1e-12 relative; integrable end singularities cost a few digits.
            Assert.Equal(reference.LowerPartialExpectation(t), lower, 1e-8 * Math.Max(1, lower));
            if (double.IsFinite(law.RawMoment(2)))
            {
                Assert.Equal(reference.UpperPartialExpectation(t), upper, 1e-8 * Math.Max(1, upper));
            }

            // (X - t)^+ - (t - X)^+ = X - t.
            Assert.Equal(law.Mean - t, upper - lower, 1e-10 * Math.Max(1, Math.Abs(t)));
        }

        Assert.Equal(0, law.LowerPartialExpectation(law.Lower));
        Assert.Equal(law.Mean - (law.Lower - 1), law.UpperPartialExpectation(law.Lower - 1), 1e-12);
        if (law.Upper <= 1)
        {
            Assert.Equal(reference.RawMoment(2), law.RawMoment(2), 1e-9);
        }
    }

    [Fact]
    public void ParetoTailsMatchTheirClosedForms()
    {
        // Pareto(s, a): E[(X - t)^+] = s^a t^{1-a} / (a - 1), E[X^2] = a s^2 / (a - 2).
        var law = new ParetoDistribution(2, 1.5);
        Assert.Equal(Math.Pow(2, 1.5) * Math.Pow(50, -0.5) / 0.5, law.UpperPartialExpectation(50), 1e-12);
        Assert.Equal(3.0, new ParetoDistribution(1, 3).RawMoment(2), 1e-12);
        Assert.Equal(4.0 * 3 * 3 / 1, new LogNormalDistribution(Math.Log(2), Math.Sqrt(Math.Log(3))).RawMoment(2), 1e-9);
    }

    [Fact]
    public void ParetoMomentsBeyondTheShapeAreInfinite()
    {
        var law = new ParetoDistribution(1, 1.5);
        Assert.Equal(double.PositiveInfinity, law.RawMoment(2));
        Assert.Equal(double.PositiveInfinity, new ParetoDistribution(1, 0.8).Mean);
    }

    [Fact]
    public void ConstantIsAPointMass()
    {
        var law = DistributionFactory.Create(new ConstantSpec(3));
        Assert.True(law.IsDegenerate);
        Assert.Equal(3, law.InverseCdf(0.123));
        Assert.Equal(0, law.Cdf(2.999));
        Assert.Equal(1, law.Cdf(3));
        Assert.Equal(0.5, law.LowerPartialExpectation(3.5));
        Assert.Equal(9, law.RawMoment(2));
    }
}

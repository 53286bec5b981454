using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Tests.Random;

namespace MarketSim.Core.Tests.Laws;

/// <summary>The Gaussian copula's rank correlations match theory; marginals are untouched.</summary>
public class GaussianCopulaRankCorrelationTests
{
    private const int Count = 3000;

    [Theory]
    [InlineData(-0.7)]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void KendallAndSpearmanMatchTheGaussianCopula(double rho)
    {
        // Pareto money and power good: rank correlations do not depend on the marginals.
        var law = new TwoDimensionalLaw(new PowerDistribution(0.5), new ParetoDistribution(1, 3), rho);
        var (good, money) = Sample(law, Count, 21);

        // Kendall tau = (2/pi) asin(rho); Spearman = (6/pi) asin(rho/2) (Gaussian copula).
        // Tolerances: 4 se with the independence-case se, sqrt(2(2n+5)/(9n(n-1))) for tau and
        // 1/sqrt(n-1) for Spearman, which bound the Gaussian-copula se from above.
        var kendallSe = Math.Sqrt(2.0 * (2 * Count + 5) / (9.0 * Count * (Count - 1)));
        Assert.Equal(2 / Math.PI * Math.Asin(rho), Kendall(good, money), 4 * kendallSe);
        Assert.Equal(6 / Math.PI * Math.Asin(rho / 2), Spearman(good, money), 4 / Math.Sqrt(Count - 1));
    }

    [Fact]
    public void MarginalsKeepTheirLawsUnderTheCopula()
    {
        var good = new PowerDistribution(0.5);
        var money = new ParetoDistribution(1, 3);
        var (goodSample, moneySample) = Sample(new TwoDimensionalLaw(good, money, 0.8), 20_000, 22);

        // 1% Kolmogorov-Smirnov critical value 1.63 / sqrt(n).
        Assert.True(KeyedUniforms.KolmogorovSmirnov(goodSample, good.Cdf) < 1.63 / Math.Sqrt(20_000));
        Assert.True(KeyedUniforms.KolmogorovSmirnov(moneySample, money.Cdf) < 1.63 / Math.Sqrt(20_000));
    }

    [Fact]
    public void IndependenceUsesTheSecondUniformUnchanged()
    {
        var copula = new GaussianCopula(0);
        Assert.Equal(0.123456789, copula.SecondUniform(0.9, 0.123456789));
        Assert.Equal(0.3, copula.ConditionalCdf(0.3, 0.99));
        Assert.Equal(1, copula.ConditionalDensity(0.3, 0.99));
    }

    [Fact]
    public void ConditionalCdfIntegratesToItsArgumentAndIsMonotone()
    {
        var copula = new GaussianCopula(0.6);

        // int_0^1 C(v | u) du = v, and C(v | u) falls in u for rho > 0 (richer agents value the good more).
        foreach (var v in new[] { 0.1, 0.5, 0.9 })
        {
            var integral = MathNet.Numerics.Integration.DoubleExponentialTransformation.Integrate(u => copula.ConditionalCdf(v, u), 0, 1, 1e-12);
            Assert.Equal(v, integral, 1e-9);
            Assert.True(copula.ConditionalCdf(v, 0.2) > copula.ConditionalCdf(v, 0.8));
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void CorrelationOutsideTheOpenIntervalIsRejected(double rho)
    {
        var exception = Assert.Throws<ArgumentException>(() => new GaussianCopula(rho));
        Assert.Equal("correlation", exception.ParamName);
    }

    internal static (double[] Good, double[] Money) Sample(ISideLaw law, int count, uint domain)
    {
        var uniforms = KeyedUniforms.Draw(2 * count, domain);
        var good = new double[count];
        var money = new double[count];
        for (var i = 0; i < count; i++)
        {
            (good[i], money[i]) = law.Draw(uniforms[2 * i], uniforms[2 * i + 1]);
        }

        return (good, money);
    }

    private static double Kendall(double[] x, double[] y)
    {
        long concordant = 0;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = i + 1; j < x.Length; j++)
            {
                concordant += Math.Sign(x[i] - x[j]) * Math.Sign(y[i] - y[j]);
            }
        }

        return 2.0 * concordant / ((double)x.Length * (x.Length - 1));
    }

    private static double Spearman(double[] x, double[] y)
    {
        var rankX = Ranks(x);
        var rankY = Ranks(y);
        var n = x.Length;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += (rankX[i] - rankY[i]) * (rankX[i] - rankY[i]);
        }

        return 1 - 6 * sum / ((double)n * ((double)n * n - 1));
    }

    private static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (var rank = 0; rank < order.Length; rank++)
        {
            ranks[order[rank]] = rank;
        }

        return ranks;
    }
}

using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Tests.Random;

namespace MarketSim.Core.Tests.Laws;

/// <summary>The Pareto-weight form (001 Theorem 8): v^M = lambda(r), v^K = r lambda(r), Lambda = E[lambda(R)].</summary>
public class ParetoWeightLawTests
{
    [Fact]
    public void DrawsHaveRateRAndMoneyLambdaOfR()
    {
        var law = new ParetoWeightLaw(new UniformDistribution(0, 2), new WeightPolynomial([1, 2, 0.5]));
        foreach (var u in new[] { 0.01, 0.3, 0.77 })
        {
            var (good, money) = law.Draw(u, 0.5);
            var rate = 2 * u;
            Assert.Equal(1 + 2 * rate + 0.5 * rate * rate, money, 1e-14);
            Assert.Equal(rate, good / money, 1e-14);
        }
    }

    [Theory]
    [InlineData(0, 1 + 2 * 1 + 0.5 * 4.0 / 3)] // U[0,2]: E R = 1, E R^2 = 4/3
    [InlineData(1, 1 + 2 * 2.0 / 3 + 0.5 * 2.0 / 4)] // power(2): E R^k = 2/(2+k)
    [InlineData(2, 1 + 2 * 1.5 + 0.5 * 3.0)] // Pareto(1, 3): E R = 3/2, E R^2 = 3
    public void MeanValueOfMoneyIsTheMeanWeight(int lawIndex, double expected)
    {
        IValueDistribution[] rates = [new UniformDistribution(0, 2), new PowerDistribution(2), new ParetoDistribution(1, 3)];
        var law = new ParetoWeightLaw(rates[lawIndex], new WeightPolynomial([1, 2, 0.5]));
        Assert.Equal(expected, law.MeanValueOfMoney, 1e-12);
    }

    [Fact]
    public void SampledMeanOfMoneyMatchesLambdaWithinFourStandardErrors()
    {
        var law = new ParetoWeightLaw(new PowerDistribution(0.5), new WeightPolynomial([0.5, 3]));
        var (_, money) = GaussianCopulaRankCorrelationTests.Sample(law, 20_000, 23);
        var mean = money.Average();
        var se = Math.Sqrt(money.Sum(m => (m - mean) * (m - mean)) / (money.Length - 1) / money.Length);
        Assert.Equal(0.5 + 3 * 0.5 / 1.5, law.MeanValueOfMoney, 1e-12);
        Assert.InRange(law.MeanValueOfMoney, mean - 4 * se, mean + 4 * se);
    }

    public static TheoryData<double[], double, double> NonPositive => new()
    {
        { [1, -2], 0, 1 },                 // 1 - 2r vanishes at 1/2
        { [0.25, -1, 1], 0, 1 },           // (r - 1/2)^2: a double root inside
        { [0, 1], 0, 1 },                  // r: zero at the lower end
        { [3, -1], 1, double.PositiveInfinity }, // negative for large r
        { [-1], 0, 1 },
    };

    [Theory]
    [MemberData(nameof(NonPositive))]
    public void WeightsThatAreNotPositiveOnTheSupportAreRejected(double[] coefficients, double lower, double upper)
    {
        var weight = new WeightPolynomial(coefficients);
        var exception = Assert.Throws<ArgumentException>(() => weight.RequirePositiveOn(lower, upper));
        Assert.Equal("weight", exception.ParamName);
    }

    /// <summary>Issue 15 item 5: Pareto weights may vanish at an end of the support, never inside or below zero.</summary>
    [Fact]
    public void ParetoWeightsMayVanishAtAnEndButNotInsideOrBelowZero()
    {
        new WeightPolynomial([48, -24, 3]).RequirePositiveOn(3, 4, allowZeroAtEnds: true); // 3 (4 - r)^2: double root at the top
        new WeightPolynomial([0, 1]).RequirePositiveOn(0, 1, allowZeroAtEnds: true);       // r: simple root at the bottom
        new WeightPolynomial([4, -1]).RequirePositiveOn(1, 4, allowZeroAtEnds: true);      // 4 - r: simple root at the top
        var polynomialSide = SideLawFactory.Create(new ParetoWeightLawSpec(new UniformSpec(3, 4), [48, -24, 3]));
        Assert.Equal(1.0, Assert.IsType<ParetoWeightLaw>(polynomialSide).MeanValueOfMoney, 1e-12);

        foreach ((double[] coefficients, double lower, double upper) in new (double[], double, double)[]
        {
            ([48, -24, 3], 3, 4.5),  // zero at r = 4, inside [3, 4.5]
            ([0.25, -1, 1], 0, 1),   // (r - 1/2)^2: zero inside
            ([1, -2], 0, 1),         // negative above 1/2
            ([-0.01, 1], 0, 1),      // negative at the bottom end
            ([0, -1], 0, 1),         // zero at the bottom, negative inside
            ([4.0001, -1], 1, 4.5),  // zero inside near the top, negative at it
        })
        {
            var exception = Assert.Throws<ArgumentException>(() => new WeightPolynomial(coefficients).RequirePositiveOn(lower, upper, allowZeroAtEnds: true));
            Assert.Equal("weight", exception.ParamName);
        }
    }

    /// <summary>
    /// A draw at (or rounding to) the weightless end keeps v^M positive and r = v^K / v^M exact: 3 (4 - r)^2 is
    /// evaluated by Horner's rule with cancellation, so within ~1e-7 of r = 4 it can round to 0 or below.
    /// </summary>
    [Fact]
    public void DrawsNextToAWeightlessEndKeepAPositiveValueOfMoneyAndTheirRate()
    {
        var law = new ParetoWeightLaw(DistributionFactory.Create(new UniformSpec(3, 4)), new WeightPolynomial([48, -24, 3]));
        foreach (double u in new[] { 1 - 1e-16, 1 - 1e-12, 1 - 1e-9, 1 - 1e-7, 0.5 })
        {
            (double good, double money) = law.Draw(u, 0.5);
            Assert.True(money > 0, $"v^M = {money} at u = {u}");
            Assert.Equal(3 + u, good / money, 1e-15);
        }
    }

    [Fact]
    public void PositiveWeightsAreAccepted()
    {
        new WeightPolynomial([0.26, -1, 1]).RequirePositiveOn(0, 1); // (r - 1/2)^2 + 0.01
        new WeightPolynomial([1, -1]).RequirePositiveOn(-5, 0.99);   // root at 1 outside
        new WeightPolynomial([1, 0, 0, 2]).RequirePositiveOn(0, double.PositiveInfinity);
        Assert.Throws<ArgumentException>(() => SideLawFactory.Create(new ParetoWeightLawSpec(new UniformSpec(0, 1), [1, -2])));
    }

    [Fact]
    public void FactoryBuildsBothForms()
    {
        Assert.IsType<ParetoWeightLaw>(SideLawFactory.Create(new ParetoWeightLawSpec(new UniformSpec(0, 1), [1, 1])));
        var twoDimensional = Assert.IsType<TwoDimensionalLaw>(
            SideLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(3), 0.2)));
        Assert.Equal(3, twoDimensional.MeanValueOfMoney);
        Assert.Equal(0.2, twoDimensional.Copula.Correlation);
        Assert.Throws<ArgumentException>(() => SideLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(0))));
        Assert.Throws<ArgumentException>(() => SideLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0, 1), new UniformSpec(-1, 1))));
    }
}

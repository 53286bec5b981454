using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;
using MarketSim.Core.Theory.Solver;
using MathNet.Numerics.Distributions;

namespace MarketSim.Core.Tests.Theory.RateLaws.Tabulation;

/// <summary>
/// How joint data is smoothed: each row's rate gets a mean-preserving lognormal kernel of Silverman bandwidth in
/// ln r and keeps its v^M. So the means are the rows' exactly, G is the kernel mixture, and as rows from a
/// continuous law grow, the smoothed law and its optimum approach that law's.
/// </summary>
public sealed class SmoothedJointRateLawTests
{
    [Fact]
    public void TwoRowsGiveTheKernelMixtureAndKeepTheMeans()
    {
        double[] goods = [0.5, 3.0], moneys = [1.0, 2.0]; // rates 0.5 and 1.5
        var law = new SmoothedJointRateLaw(goods, moneys);
        double h = law.Bandwidth;
        // Silverman: the sample sd of (ln 0.5, ln 1.5) is ln 3 / sqrt 2 (two points: the quartile spread is no smaller).
        Assert.Equal(0.9 * Math.Log(3.0) / Math.Sqrt(2) * Math.Pow(2, -0.2), h, 1e-12);

        double r = 0.9;
        double Z(double rate) => (Math.Log(r) - Math.Log(rate) + 0.5 * h * h) / h;
        Assert.Equal(0.5 * (Normal.CDF(0, 1, Z(0.5)) + Normal.CDF(0, 1, Z(1.5))), law.Cdf(r), 1e-14);
        Assert.Equal(0.5 * (1.0 * Normal.CDF(0, 1, Z(0.5)) + 2.0 * Normal.CDF(0, 1, Z(1.5))), law.WeightBelow(r), 1e-14);
        Assert.Equal(1.5, law.MeanParetoWeight, 1e-15);
        Assert.Equal(1.75, law.BuyerSurplus(0), 1e-15); // E[v^K] = mean good
        Assert.Equal(1.75, law.BuyerSurplus(1e-12), 1e-9);

        var table = RateLawFactory.Create(new JointEmpiricalLawSpec("rows", goods, moneys));
        Assert.Equal(law.Cdf(r), table.Cdf(r), 1e-9);
        Assert.Equal(law.SellerSurplus(r), table.SellerSurplus(r), 1e-9);
    }

    /// <summary>
    /// 4000 rows at the quantiles of v^K ~ U(0.2, 1.2) with v^M = 1 (rate = v^K): Silverman's h is about 0.076 in
    /// ln r, so the kernel blurs the support's edges over about +-8%; two bandwidths inside them the smoothed G is
    /// within 0.01 of the uniform CDF (the kernel's bias is O(h^2): it keeps E[R], not the median), and against sellers U[0,1], v^M = 2 the optimum (lump sums) is within 2e-3
    /// of the exact law's.
    /// </summary>
    [Fact]
    public void ManyRowsFromAContinuousLawApproachIt()
    {
        const int rows = 4000;
        var goods = Enumerable.Range(0, rows).Select(i => 0.2 + (i + 0.5) / rows).ToArray();
        var moneys = Enumerable.Repeat(1.0, rows).ToArray();
        var smoothed = RateLawFactory.Create(new JointEmpiricalLawSpec("rows", goods, moneys));
        var uniform = new ConstantMoneyRateLaw(new UniformDistribution(0.2, 1.2), 1);
        for (double r = 0.25; r < 1.05; r += 0.05)
        {
            Assert.Equal(uniform.Cdf(r), smoothed.Cdf(r), 0.01);
        }

        var sellers = new ConstantMoneyRateLaw(new UniformDistribution(0, 1), 2);
        double exact = OptimalMechanismSolver.Solve(new ContinuumMarket(uniform, sellers, 1), true).Welfare;
        double approximate = OptimalMechanismSolver.Solve(new ContinuumMarket(smoothed, sellers, 1), true).Welfare;
        Assert.True(Math.Abs(exact - approximate) <= 2e-3, $"{exact} vs {approximate}");
    }

    /// <summary>
    /// Beyond 10,000 rows the sums run over rows linearly binned on a grid of w = h/64 in ln r. Linear binning
    /// errs by at most w^2/8 times the second derivative of the summand in the row's log rate: for Phi((c - x)/h)
    /// that is phi(1)/h^2, so G and M move by at most 0.242/8/64^2 = 7.4e-6 of their totals; for the density's
    /// phi, by 0.399/8/64^2 = 1.2e-5 of n h r g; K's summand e^x Phi(.) adds e^x (2 phi(0)/h + 1) terms:
    /// at most (0.242 + 0.8 h + h^2) / 8 / 64^2 of its total. 30,000 rows from a correlated lognormal pair.
    /// </summary>
    [Fact]
    public void BinnedRowsAgreeWithTheExactSumsWithinTheBinningBound()
    {
        const int rows = 30_000;
        var random = new System.Random(7);
        var goods = new double[rows];
        var moneys = new double[rows];
        for (var row = 0; row < rows; row++)
        {
            var common = Normal.Sample(random, 0, 1);
            goods[row] = Math.Exp(-0.5 + (0.4 * common) + (0.3 * Normal.Sample(random, 0, 1)));
            moneys[row] = Math.Exp(0.2 - (0.5 * common) + (0.2 * Normal.Sample(random, 0, 1)));
        }

        var exact = new SmoothedJointRateLaw(goods, moneys, binRows: false);
        var binned = new SmoothedJointRateLaw(goods, moneys); // 30,000 > the threshold: binned
        double h = exact.Bandwidth;
        double totalMoney = moneys.Average(), totalGood = goods.Average();
        Assert.Equal(totalMoney, binned.MeanParetoWeight, 1e-12);
        Assert.InRange(binned.MeanGoodValue / totalGood - 1, 0, Math.Exp(Math.Pow(h / 64, 2) / 8) - 1 + 1e-12);
        const double gridShare = 1.0 / 8 / (64 * 64);
        for (double quantile = 0.001; quantile < 1; quantile += 0.0125)
        {
            double rate = exact.Quantile(quantile);
            Assert.True(Math.Abs(binned.Cdf(rate) - exact.Cdf(rate)) <= 0.242 * gridShare + 1e-12, $"G at {rate}");
            Assert.True(Math.Abs(binned.WeightBelow(rate) - exact.WeightBelow(rate)) <= 0.242 * gridShare * totalMoney * 1.0001, $"M at {rate}");
            Assert.True(Math.Abs(binned.GoodBelow(rate) - exact.GoodBelow(rate)) <= (0.242 + 0.8 * h + h * h) * gridShare * totalGood * 1.0001, $"K at {rate}");
            Assert.True(Math.Abs(binned.Density(rate) - exact.Density(rate)) * h * rate <= 0.399 * gridShare * 1.001, $"g at {rate}");
            if (quantile is > 0.05 and < 0.95)
            {
                Assert.Equal(exact.ParetoWeight(rate), binned.ParetoWeight(rate), 1e-3 * exact.ParetoWeight(rate));
            }
        }
    }

    [Fact]
    public void SamplingDrawsTheRows()
    {
        var law = new JointEmpiricalLaw([1.0, 2.0, 3.0, 4.0], [4.0, 3.0, 2.0, 1.0]);
        Assert.Equal((1.0, 4.0), law.Draw(0.1, 0.9));
        Assert.Equal((3.0, 2.0), law.Draw(0.6, 0.1));
        Assert.Equal((4.0, 1.0), law.Draw(0.9999, 0.5));
        Assert.Equal(2.5, law.MeanValueOfMoney);
        Assert.Throws<ArgumentException>(() => new JointEmpiricalLaw([1.0, 0.0], [1.0, 1.0]));
        Assert.Throws<ArgumentException>(() => new JointEmpiricalLaw([1.0], [1.0, 2.0]));
    }
}

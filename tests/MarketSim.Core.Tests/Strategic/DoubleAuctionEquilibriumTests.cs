using System.Diagnostics;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Strategic;
using MarketSim.Core.Tests.Theory.Solver;
using Xunit.Abstractions;

namespace MarketSim.Core.Tests.Strategic;

/// <summary>
/// The symmetric Bayes-Nash equilibrium of the finite CE (docs/theory.md §2.4): Chatterjee and
/// Samuelson's (1983) linear strategies for one pair, shading falling at least like 1/N (Rustichini,
/// Satterthwaite and Williams 1994), no profitable deviation at the computed profile, and a deviation
/// check with power (truth is not an equilibrium of the finite CE).
/// </summary>
public sealed class DoubleAuctionEquilibriumTests(ITestOutputHelper output)
{
    [Fact]
    public void OnePairWithUniformValuesAndTheMidpointPriceGivesChatterjeeSamuelson()
    {
        var market = SolverTestMarkets.UniformExample(1.0);
        var equilibrium = DoubleAuctionEquilibrium.Solve(market.Buyers, market.Sellers, 1, 1, PriceRule.Midpoint);
        output.WriteLine($"{equilibrium.Iterations} Newton steps, residual {equilibrium.Residual:E2}, maximum deviation gain {equilibrium.MaximumGain:E2}");
        Assert.True(equilibrium.Converged);

        // b(v) = 2v/3 + 1/12 where the buyer can trade (v >= 1/4), s(c) = 2c/3 + 1/4 where the seller can (c <= 3/4);
        // types that cannot trade report truthfully (the selected equilibrium).
        var worst = 0.0;
        foreach (var v in Enumerable.Range(0, 1001).Select(k => k / 1000.0))
        {
            var bid = v >= 0.25 ? (2 * v / 3) + (1.0 / 12) : v;
            var ask = v <= 0.75 ? (2 * v / 3) + 0.25 : v;
            worst = Math.Max(worst, Math.Max(Math.Abs(equilibrium.Buyers.At(v) - bid), Math.Abs(equilibrium.Sellers.At(v) - ask)));
        }

        output.WriteLine($"largest distance to Chatterjee-Samuelson: {worst:E2}");
        // The box scheme is exact for linear bid functions and the kinks (1/4, 3/4) are grid points: the
        // grid's tolerance here is the Newton target (1e-10 in the first-order residual).
        Assert.True(worst < 1e-8, $"distance {worst}");
        Assert.True(equilibrium.MaximumGain < 1e-6, $"gain {equilibrium.MaximumGain}");
    }

    [Fact]
    public void MaximalShadingFallsAtLeastLikeOneOverN()
    {
        var market = SolverTestMarkets.UniformExample(1.0);
        var sizes = new[] { 4, 8, 16, 32, 64 };
        var shading = new List<double>();
        foreach (var n in sizes)
        {
            var watch = Stopwatch.StartNew();
            var equilibrium = DoubleAuctionEquilibrium.Solve(market.Buyers, market.Sellers, n, n, PriceRule.Midpoint, typePoints: TypePoints);
            var shade = Math.Max(equilibrium.Buyers.MaximalShading(), equilibrium.Sellers.MaximalShading());
            output.WriteLine($"N = {n}: maximal shading {shade:E4}, residual {equilibrium.Residual:E2}, deviation gain {equilibrium.MaximumGain:E2}, {watch.ElapsedMilliseconds} ms");
            Assert.True(equilibrium.Converged, $"N = {n}: residual {equilibrium.Residual}");
            Assert.True(equilibrium.MaximumGain < GainTolerance, $"N = {n}: gain {equilibrium.MaximumGain}");
            shading.Add(shade);
        }

        var (_, slope) = MathNet.Numerics.Fit.Line(sizes.Select(n => Math.Log(n)).ToArray(), shading.Select(value => Math.Log(value)).ToArray());
        output.WriteLine($"fitted exponent {slope:F3}");
        Assert.True(slope <= -0.85, $"exponent {slope}");
        Assert.True(slope >= -1.5, $"exponent {slope}: shading should not vanish faster than the theory's 1/N");
    }

    [Theory]
    [InlineData(1.0, 5)]
    [InlineData(2.0, 20)]
    public void NoTraderGainsByDeviatingFromTheComputedProfile(double sellerMoney, int pairs)
    {
        // Uniform example (sellerMoney = 1) and docs/theory.md §1.4's Section 2 market (sellers' rates
        // on [0, 1/2]); every grid type's best report on a fine report grid against the exact order
        // statistics gains less than the tolerance, while against truthful rivals shading pays.
        var market = SolverTestMarkets.UniformExample(sellerMoney);
        var equilibrium = DoubleAuctionEquilibrium.Solve(market.Buyers, market.Sellers, pairs, pairs, PriceRule.Midpoint, typePoints: TypePoints);
        var check = DoubleAuctionEquilibrium.MaximumGainAgainst(market.Buyers, market.Sellers, pairs, pairs, PriceRule.Midpoint, equilibrium.Buyers, equilibrium.Sellers);
        var truthful = DoubleAuctionEquilibrium.MaximumGainAgainst(
            market.Buyers, market.Sellers, pairs, pairs, PriceRule.Midpoint, BidFunction.Truthful(equilibrium.Buyers.Types), BidFunction.Truthful(equilibrium.Sellers.Types));
        output.WriteLine($"residual {equilibrium.Residual:E2}; gain at the equilibrium {check:E2}, against truth {truthful:E2}");
        Assert.True(equilibrium.Converged);
        Assert.True(check < GainTolerance, $"gain {check}");
        // Power: against truth the best deviation gains more than the tolerance and far more than at the equilibrium.
        Assert.True(truthful > GainTolerance && truthful > 100 * check, $"gain against truth {truthful}");
    }

    [Fact]
    public void TruthIsNotAnEquilibriumOfTheFiniteCe()
    {
        // The check has power: against truthful rivals a buyer gains by shading (1 pair, uniform values).
        var market = SolverTestMarkets.UniformExample(1.0);
        var types = Enumerable.Range(0, 101).Select(k => k / 100.0).ToArray();
        var truthful = BidFunction.Truthful(types);
        var gain = DoubleAuctionEquilibrium.MaximumGainAgainst(market.Buyers, market.Sellers, 1, 1, PriceRule.Midpoint, truthful, truthful);
        output.WriteLine($"gain against truth {gain:E3}");
        Assert.True(gain > 0.01);
    }

    /// <summary>A coarse type grid keeps the tests fast (the production default is 101 points).</summary>
    private const int TypePoints = 41;

    /// <summary>The deviation tolerance in expected utility (rate units times trade probability).</summary>
    private const double GainTolerance = 1e-4;
}

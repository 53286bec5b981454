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
            shading.Add(shade);
        }

        var (_, slope) = MathNet.Numerics.Fit.Line(sizes.Select(n => Math.Log(n)).ToArray(), shading.Select(value => Math.Log(value)).ToArray());
        output.WriteLine($"fitted exponent {slope:F3}");
        Assert.True(slope <= -0.85, $"exponent {slope}");
        Assert.True(slope >= -1.5, $"exponent {slope}: shading should not vanish faster than the theory's 1/N");
    }

    [Theory]
    [InlineData(1.0, 5)]
    [InlineData(2.0, 200)]
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
        // Recomputed on the check's own grid: within the acceptance rule (1% of the gain against truth).
        Assert.True(check <= Math.Max(DoubleAuctionEquilibrium.GainTolerance, DoubleAuctionEquilibrium.RelativeGainTolerance * truthful), $"gain {check}");
        // Power: against truth the best deviation gains far more than at the equilibrium.
        Assert.True(truthful > 100 * check, $"gain against truth {truthful}");
    }

    [Fact]
    public void InTheSectionTwoMarketHighBuyersPoolOnTheHighestAsk()
    {
        // Sellers' rates end at 1/2, buyers' at 1: a bid above the highest ask trades surely (N_S >= N_B)
        // and can only raise the price, so every buyer whose first-order bid would pass the highest ask
        // bids exactly that ask (docs/theory.md §2.4). 200 pairs: the exact sums reach pivotal
        // probabilities far below 1e-300 here, which only the log-space sums represent.
        var market = SolverTestMarkets.UniformExample(2.0);
        var equilibrium = DoubleAuctionEquilibrium.Solve(market.Buyers, market.Sellers, 200, 200, PriceRule.Midpoint, typePoints: TypePoints);
        var highestAsk = equilibrium.Sellers.At(market.Sellers.Upper);
        output.WriteLine($"residual {equilibrium.Residual:E2}, gain {equilibrium.MaximumGain:E2}, highest ask {highestAsk:F5}");
        Assert.True(equilibrium.Converged, $"gain {equilibrium.MaximumGain}");
        Assert.True(Math.Abs(highestAsk - 0.5) < 1e-3, $"highest ask {highestAsk}: the top seller cannot trade and asks its rate");
        foreach (var v in Enumerable.Range(0, 101).Select(k => k / 100.0))
        {
            var bid = equilibrium.Buyers.At(v);
            Assert.True(bid <= highestAsk + 1e-9, $"v = {v}: bid {bid} above the highest ask {highestAsk}");
            if (v >= 0.55)
            {
                Assert.Equal(highestAsk, bid, 9);
            }
        }

        // Below the pool buyers shade by O(1/N): at most a few thousandths at 200 pairs.
        var shading = Enumerable.Range(1, 45).Select(k => k / 100.0).Max(v => v - equilibrium.Buyers.At(v));
        Assert.InRange(shading, 0.0, 0.01);
    }

    [Fact]
    public void LargeMarketsShadeLikeOneOverN()
    {
        // 1,000 pairs, uniform values: the maximal shading continues the 1/N law of the small markets
        // (0.0077 at 64 pairs, so about 0.0005 here) and no type gains by deviating.
        var market = SolverTestMarkets.UniformExample(1.0);
        var equilibrium = DoubleAuctionEquilibrium.Solve(market.Buyers, market.Sellers, 1000, 1000, PriceRule.Midpoint, typePoints: TypePoints);
        var shade = Math.Max(equilibrium.Buyers.MaximalShading(), equilibrium.Sellers.MaximalShading());
        output.WriteLine($"shading {shade:E3}, residual {equilibrium.Residual:E2}, gain {equilibrium.MaximumGain:E2}");
        Assert.True(equilibrium.Converged, $"gain {equilibrium.MaximumGain}");
        Assert.InRange(shade * 1000, 0.25, 1.0);
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
}

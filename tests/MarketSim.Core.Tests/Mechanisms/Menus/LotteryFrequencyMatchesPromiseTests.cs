using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Random;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Tests.Mechanisms.Menus;

/// <summary>
/// Over many replications (lottery streams), an unrationed lottery option's realised trade frequency
/// equals its promised probability, every chooser of an option trades equally often (uniform
/// selection), and sure promises that must be broken are broken uniformly. Tolerance 4 standard
/// errors of the replication mean (sample sd / sqrt(R)); a mean with sd 0 must be exact.
/// </summary>
public sealed class LotteryFrequencyMatchesPromiseTests
{
    private const int Replications = 4000;

    /// <summary>
    /// Sellers' menu: sure at 0.25, 0.8 at 0.3, 0.3 at 0.6. Cut-offs: sure vs 0.8-lottery at
    /// r = (0.25 - 0.24)/0.2 = 0.05; 0.8 vs 0.3 lottery at (0.24 - 0.18)/0.5 = 0.12; the 0.3 lottery
    /// vs no trade at 0.6. Rates: 5 sellers at 0.01 (sure), 7 at 0.08 (0.8-lottery), 11 at 0.3
    /// (0.3-lottery), 4 at 0.9 (no trade). 100 buyers buy surely at 1.0: sellers are the short side.
    /// </summary>
    [Fact]
    public void UnrationedLotteryOptionsTradeWithTheirPromisedProbability()
    {
        double[] sellerRates = [.. Enumerable.Repeat(0.01, 5), .. Enumerable.Repeat(0.08, 7), .. Enumerable.Repeat(0.3, 11), .. Enumerable.Repeat(0.9, 4)];
        var market = MenuTestMarkets.FromRates(Enumerable.Repeat(2.0, 100).ToArray(), sellerRates);
        var mechanism = new MenuMechanism(
            "menu",
            [new MenuOption(1.0, 1)],
            [new MenuOption(0.25, 1), new MenuOption(0.3, 0.8), new MenuOption(0.6, 0.3)],
            new LumpSumRule(LumpSumPolicy.Realized, Side.Sellers, 0));
        var outcome = new MechanismOutcome();
        var frequencies = new[] { new List<double>(), new List<double>(), new List<double>() };
        var firstOfGroup = new[] { 0, 5, 12 };
        var firstAgentTrades = new[] { new List<double>(), new List<double>(), new List<double>() };
        for (var r = 0; r < Replications; r++)
        {
            outcome.Reset(market.Buyers.Count, market.Sellers.Count);
            var lottery = new RandomStream(StreamKey.ForPurpose(5, r, "lottery:menu"));
            mechanism.Clear(market, ref lottery, outcome);
            var values = outcome.Ledger.ToDictionary(metric => metric.Name, metric => metric.Value);
            for (var k = 0; k < 3; k++)
            {
                Assert.Equal(0.0, values[MenuLedger.OptionMetric(Side.Sellers, k, MenuLedger.Rationed)]);
                frequencies[k].Add(values[MenuLedger.OptionMetric(Side.Sellers, k, MenuLedger.RealizedProbability)]);
                firstAgentTrades[k].Add(outcome.SellerTraded[firstOfGroup[k]]);
            }
        }

        double[] promised = [1.0, 0.8, 0.3];
        for (var k = 0; k < 3; k++)
        {
            AssertWithinFourStandardErrors(promised[k], frequencies[k]);
            AssertWithinFourStandardErrors(promised[k], firstAgentTrades[k]);
        }
    }

    /// <summary>
    /// A price control where 30 sellers (rate 0) want to sell and 12 buyers (rate 1) want to buy at 0.5:
    /// volume 12 every round, 18 broken sure promises, and each seller sells with probability 12/30 = 0.4.
    /// </summary>
    [Fact]
    public void BrokenSurePromisesFallUniformlyOnTheLongSide()
    {
        var market = MenuTestMarkets.FromRates(Enumerable.Repeat(1.0, 12).ToArray(), new double[30]);
        var mechanism = PriceControl.Create("floor", 0.5);
        var outcome = new MechanismOutcome();
        var firstSeller = new List<double>();
        var lastSeller = new List<double>();
        for (var r = 0; r < Replications; r++)
        {
            outcome.Reset(market.Buyers.Count, market.Sellers.Count);
            var lottery = new RandomStream(StreamKey.ForPurpose(6, r, "lottery:floor"));
            mechanism.Clear(market, ref lottery, outcome);
            var values = outcome.Ledger.ToDictionary(metric => metric.Name, metric => metric.Value);
            Assert.Equal(12.0, MenuTestMarkets.Sum(outcome.SellerTraded));
            Assert.Equal(18.0, values["sellers_option_1_rationed"]);
            Assert.Equal(0.0, values["buyers_option_1_rationed"]);
            Assert.Equal(0.4, values["sellers_option_1_realized_probability"], 1e-15);
            firstSeller.Add(outcome.SellerTraded[0]);
            lastSeller.Add(outcome.SellerTraded[29]);
        }

        AssertWithinFourStandardErrors(0.4, firstSeller);
        AssertWithinFourStandardErrors(0.4, lastSeller);
    }

    private static void AssertWithinFourStandardErrors(double expected, List<double> sample)
    {
        var (mean, standardError) = MenuTestMarkets.MeanAndError(sample);
        Assert.True(
            Math.Abs(mean - expected) <= Math.Max(4 * standardError, 1e-12),
            $"mean {mean} vs promised {expected}, se {standardError}");
    }
}

using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Metrics;
using MarketSim.Core.Random;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Replications;

namespace MarketSim.Core.Tests.Mechanisms;

/// <summary>
/// docs/theory.md §2: the finite CE trades k = max{k : b_k &gt;= s_k}, the k best of each side at one price of
/// [max(s_k, b_{k+1}), min(b_k, s_{k+1})], the price clears, k maximises gains from trade.
/// </summary>
public sealed class CompetitiveEquilibriumClearingTests
{
    private const ulong Seed = 20240611;
    private static readonly PriceRule[] Rules = [PriceRule.Midpoint, PriceRule.Low, PriceRule.High];

    /// <summary>300 random markets: sizes 0..8 (brute force checked) and 0..300, with and without ties.</summary>
    [Fact]
    public void ClearsExactlyOnRandomMarkets()
    {
        var checkedByBruteForce = 0;
        for (var marketIndex = 0; marketIndex < 300; marketIndex++)
        {
            var stream = new RandomStream(StreamKey.ForPurpose(Seed, marketIndex, "test:ce-clearing"));
            var small = marketIndex % 2 == 0;
            var maximumSize = small ? 8 : 300;
            var market = CompetitiveEquilibriumMarkets.Draw(
                ref stream, stream.NextInt(maximumSize + 1), stream.NextInt(maximumSize + 1), withTies: marketIndex % 3 == 0);
            var expected = Expected(market);

            foreach (var rule in Rules)
            {
                var outcome = ClearWith(rule, market);
                AssertClears(market, outcome, expected, rule);
            }

            if (small)
            {
                var outcome = ClearWith(PriceRule.Midpoint, market);
                Assert.Equal(BruteForceMaximumGains(market), OutcomeMetrics.TotalGainsFromTrade(market, outcome), 12);
                checkedByBruteForce++;
            }
        }

        Assert.Equal(150, checkedByBruteForce);
    }

    /// <summary>Tied rates: the lower agent index trades (docs/theory.md §2 rule made deterministic).</summary>
    [Fact]
    public void TiesAreBrokenByAgentIndex()
    {
        var market = new MarketInstance(3, 2);
        market.Buyers.Place(0, [0.5, 0.9, 0.9], [1, 1, 1]);
        market.Sellers.Place(0, [0.2, 0.2], [1, 1]);

        // b = 0.9 (agent 1), 0.9 (agent 2), 0.5; s = 0.2, 0.2: k = 2; interval [max(0.2, 0.5), min(0.9)] = [0.5, 0.9].
        var outcome = ClearWith(PriceRule.Midpoint, market);
        Assert.Equal([0.0, 1.0, 1.0], outcome.BuyerTraded.ToArray());
        Assert.Equal([1.0, 1.0], outcome.SellerTraded.ToArray());
        Assert.Equal(0.7, outcome.BuyerPayment[1], 12);

        // One seller only: of the two tied buyers at 0.9 the lower index (1) trades.
        var oneSeller = new MarketInstance(3, 1);
        oneSeller.Buyers.Place(0, [0.9, 0.9, 0.9], [1, 1, 1]);
        oneSeller.Sellers.Place(0, [0.2], [1]);
        var single = ClearWith(PriceRule.Low, oneSeller);
        Assert.Equal([1.0, 0.0, 0.0], single.BuyerTraded.ToArray());
        Assert.Equal(0.9, Ledger(single, "price_low")); // max(s_1, b_2) = 0.9: the tied buyer holds the price up
        Assert.Equal(0.9, Ledger(single, "price_high"));
    }

    /// <summary>Hand example of each rule: b = (0.9, 0.6, 0.3), s = (0.1, 0.4, 0.8): k = 2, [max(0.4, 0.3), min(0.6, 0.8)] = [0.4, 0.6].</summary>
    [Theory]
    [InlineData(PriceRule.Low, 0.4)]
    [InlineData(PriceRule.High, 0.6)]
    [InlineData(PriceRule.Midpoint, 0.5)]
    public void PriceRulePicksItsPointOfTheInterval(PriceRule rule, double price)
    {
        var market = new MarketInstance(3, 3);
        market.Buyers.Place(0, [0.3, 0.9, 0.6], [1, 1, 1]);
        market.Sellers.Place(0, [0.8, 0.4, 0.1], [1, 1, 1]);

        var outcome = ClearWith(rule, market);

        Assert.Equal(price, Ledger(outcome, "price"), 12);
        Assert.Equal(0.4, Ledger(outcome, "price_low"));
        Assert.Equal(0.6, Ledger(outcome, "price_high"));
        Assert.Equal([0.0, 1.0, 1.0], outcome.BuyerTraded.ToArray());
        Assert.Equal([0.0, 1.0, 1.0], outcome.SellerTraded.ToArray());
        Assert.Equal(["price", "price_low", "price_high"], outcome.Ledger.Select(entry => entry.Name));
    }

    /// <summary>k = 0 gives [b_1, s_1]; an empty side gives no price (NaN) and no trade.</summary>
    [Fact]
    public void NoTradeIntervalIsBetweenBestBuyerAndBestSeller()
    {
        var market = new MarketInstance(2, 2);
        market.Buyers.Place(0, [0.2, 0.3], [1, 1]);
        market.Sellers.Place(0, [0.7, 0.5], [1, 1]);
        var noTrade = ClearWith(PriceRule.Midpoint, market);
        Assert.Equal(0.3, Ledger(noTrade, "price_low"));
        Assert.Equal(0.5, Ledger(noTrade, "price_high"));
        Assert.Equal(0.4, Ledger(noTrade, "price"), 12);
        Assert.Equal(0, noTrade.BuyerTraded.ToArray().Sum());

        var noSellers = new MarketInstance(2, 0);
        noSellers.Buyers.Place(0, [0.2, 0.3], [1, 1]);
        var empty = ClearWith(PriceRule.Midpoint, noSellers);
        Assert.True(double.IsNaN(Ledger(empty, "price")));
        Assert.Equal(0, empty.BuyerTraded.ToArray().Sum());
    }

    /// <summary>House rule: no allocation per agent per replication after the first (pooled scratch).</summary>
    [Fact]
    public void ClearingAllocatesNothingAfterWarmUp()
    {
        var stream = new RandomStream(StreamKey.ForPurpose(Seed, 0, "test:ce-allocation"));
        var market = CompetitiveEquilibriumMarkets.Draw(ref stream, 5000, 4000, withTies: false);
        var mechanism = new CompetitiveEquilibrium("ce");
        var outcome = new MechanismOutcome();
        var lottery = new RandomStream(StreamKey.ForPurpose(Seed, 0, "lottery"));
        mechanism.Clear(market, ref lottery, outcome);
        mechanism.Clear(market, ref lottery, outcome);

        var before = GC.GetAllocatedBytesForCurrentThread();
        mechanism.Clear(market, ref lottery, outcome);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 1000, $"allocated {allocated} bytes for 9000 agents");
    }

    [Fact]
    public void FactoryBuildsCompetitiveEquilibriumWithItsRule()
    {
        var mechanism = MechanismFactory.Create(new CompetitiveEquilibriumSpec("ce-low", PriceRule.Low), null!);

        var competitive = Assert.IsType<CompetitiveEquilibrium>(mechanism);
        Assert.Equal("ce-low", competitive.Name);
        Assert.Equal(PriceRule.Low, competitive.PriceRule);
    }

    private static MechanismOutcome ClearWith(PriceRule rule, MarketInstance market)
    {
        var outcome = new MechanismOutcome();
        outcome.Reset(market.Buyers.Count, market.Sellers.Count);
        var lottery = new RandomStream(StreamKey.ForPurpose(Seed, 0, "lottery:ce"));
        new CompetitiveEquilibrium("ce", rule).Clear(market, ref lottery, outcome);
        return outcome;
    }

    private static double Ledger(MechanismOutcome outcome, string name) =>
        outcome.Ledger.Single(entry => entry.Name == name).Value;

    /// <summary>The docs/theory.md §2 definitions, computed independently with stable LINQ sorts (ties by index).</summary>
    private static Expectation Expected(MarketInstance market)
    {
        var buyerRank = Enumerable.Range(0, market.Buyers.Count)
            .OrderByDescending(i => market.Buyers.RateOfSubstitution[i]).ToArray();
        var sellerRank = Enumerable.Range(0, market.Sellers.Count)
            .OrderBy(i => market.Sellers.RateOfSubstitution[i]).ToArray();
        var b = buyerRank.Select(i => market.Buyers.RateOfSubstitution[i]).ToArray();
        var s = sellerRank.Select(i => market.Sellers.RateOfSubstitution[i]).ToArray();
        var k = 0;
        for (var candidate = 1; candidate <= Math.Min(b.Length, s.Length); candidate++)
        {
            if (b[candidate - 1] >= s[candidate - 1])
            {
                k = candidate;
            }
        }

        double low, high;
        if (b.Length == 0 || s.Length == 0)
        {
            (low, high) = (double.NaN, double.NaN);
        }
        else if (k == 0)
        {
            (low, high) = (b[0], s[0]);
        }
        else
        {
            low = k < b.Length ? Math.Max(s[k - 1], b[k]) : s[k - 1];
            high = k < s.Length ? Math.Min(b[k - 1], s[k]) : b[k - 1];
        }

        return new Expectation(k, buyerRank.Take(k).ToHashSet(), sellerRank.Take(k).ToHashSet(), low, high);
    }

    private static void AssertClears(MarketInstance market, MechanismOutcome outcome, Expectation expected, PriceRule rule)
    {
        var price = Ledger(outcome, "price");
        Assert.Equal(expected.Low, Ledger(outcome, "price_low"));
        Assert.Equal(expected.High, Ledger(outcome, "price_high"));
        Assert.Equal(
            rule switch { PriceRule.Low => expected.Low, PriceRule.High => expected.High, _ => 0.5 * (expected.Low + expected.High) },
            price);
        Assert.Equal(expected.Volume, outcome.BuyerTraded.ToArray().Sum());
        Assert.Equal(expected.Volume, outcome.SellerTraded.ToArray().Sum());

        for (var i = 0; i < market.Buyers.Count; i++)
        {
            var trades = expected.Buyers.Contains(i);
            var rate = market.Buyers.RateOfSubstitution[i];
            Assert.Equal(trades ? 1 : 0, outcome.BuyerTraded[i]);
            Assert.Equal(trades ? price : 0, outcome.BuyerPayment[i]);

            // Traders want the good at the price; nobody left out would buy at it (the price clears).
            Assert.True(double.IsNaN(price) || (trades ? rate >= price : rate <= price), $"buyer {i} r={rate} traded={trades} p={price}");
        }

        for (var i = 0; i < market.Sellers.Count; i++)
        {
            var trades = expected.Sellers.Contains(i);
            var rate = market.Sellers.RateOfSubstitution[i];
            Assert.Equal(trades ? 1 : 0, outcome.SellerTraded[i]);
            Assert.Equal(trades ? price : 0, outcome.SellerPayment[i]);
            Assert.True(double.IsNaN(price) || (trades ? rate <= price : rate >= price), $"seller {i} r={rate} traded={trades} p={price}");
        }

        if (market.Buyers.Count > 0 && market.Sellers.Count > 0)
        {
            Assert.True(expected.Low <= expected.High);
        }
        else
        {
            Assert.True(double.IsNaN(price)); // an empty side: no price is determined, nobody trades
            Assert.Equal(0, expected.Volume);
        }
    }

    /// <summary>Maximum of sum(buyers' r) - sum(sellers' r) over all equal-size subsets of each side.</summary>
    private static double BruteForceMaximumGains(MarketInstance market)
    {
        var best = 0.0;
        for (var buyerSet = 0; buyerSet < 1 << market.Buyers.Count; buyerSet++)
        {
            for (var sellerSet = 0; sellerSet < 1 << market.Sellers.Count; sellerSet++)
            {
                if (int.PopCount(buyerSet) != int.PopCount(sellerSet))
                {
                    continue;
                }

                var gains = Sum(market.Buyers.RateOfSubstitution, buyerSet) - Sum(market.Sellers.RateOfSubstitution, sellerSet);
                best = Math.Max(best, gains);
            }
        }

        return best;
    }

    private static double Sum(double[] rates, int set)
    {
        var sum = 0.0;
        for (var i = 0; i < rates.Length; i++)
        {
            if ((set & (1 << i)) != 0)
            {
                sum += rates[i];
            }
        }

        return sum;
    }

    private sealed record Expectation(int Volume, HashSet<int> Buyers, HashSet<int> Sellers, double Low, double High);
}

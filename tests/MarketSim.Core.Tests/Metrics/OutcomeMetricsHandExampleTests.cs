using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Metrics;

namespace MarketSim.Core.Tests.Metrics;

/// <summary>docs/theory.md §5 metrics on hand-made outcomes with lump sums, every number worked out in comments.</summary>
public sealed class OutcomeMetricsHandExampleTests
{
    /// <summary>
    /// Buyers (v^K, v^M): B0 (2, 1) r = 2, B1 (1, 2) r = 0.5. Sellers: S0 (0.5, 1) r = 0.5,
    /// S1 (1, 4) r = 0.25, S2 (3, 1) r = 3. B0 buys paying 1.5; S1 sells receiving 0.5;
    /// L_B = 0.1, L_S = 0.2.
    /// Money-metric utilities: B0 2 - 1.5 + 0.1 = 0.6, B1 0.1, S0 0.2, S1 0.5 - 0.25 + 0.2 = 0.45, S2 0.2.
    /// Welfare (x v^M): 0.6, 0.2, 0.2, 1.8, 0.2: total 3.0, buyers 0.8, sellers 2.2.
    /// Revenue 1.5 - 0.5 = 1; lump sums 2 (0.1) + 3 (0.2) = 0.8; budget surplus 0.2 / 3.
    /// Gini of sorted (0.1, 0.2, 0.2, 0.45, 0.6): 2 (5.9) / (5 x 1.55) - 6/5 = 10/31.
    /// Poorest fifth: ceil(5/5) = 1 agent, the highest v^M = S1: 1.8 / 3.0 = 0.6.
    /// Deciles: poorest first S1 (v^M 4), B1 (2), then the ties at v^M = 1 buyers first: B0, S0, S2;
    /// position k is in decile 10 - floor(10 k / 5): S1 10, B1 8, B0 6, S0 4, S2 2; odd deciles empty.
    /// Reference CE (made up): total welfare 2.4, total gains 3.5.
    /// </summary>
    [Fact]
    public void EveryMetricMatchesTheHandComputation()
    {
        var (market, outcome) = Example(sellerLumpSum: 0.2);
        outcome.Ledger.Add(new MetricValue("promised_lump_sum", 0.25));
        var metrics = new List<MetricValue>();

        OutcomeMetrics.Compute(market, outcome, new ReferenceOutcome(2.4, 3.5), metrics);

        double[] expected =
        [
            1.0, 0.8 / 3, 2.2 / 3, 0.8 / 3, 2.2 / 3, // welfare, by side, shares
            1.75 / 3, 0.5, 1.0 / 3, 1.5, 0.5,        // gains (2 - 0.25), efficiency 1.75/3.5, volume, mean prices
            1.0 / 3, 0.1, 0.2, 0.2 / 3, 0,           // revenue, lump sums, budget surplus, deficit
            10.0 / 31, 0.6, 0.2,                     // Gini, poorest fifth, (3.0 - 2.4)/3
            0.25,                                    // the ledger, appended
            double.NaN, 0.2, double.NaN, 0.2, double.NaN, 0.6, double.NaN, 0.1, double.NaN, 0.45, // deciles 1 .. 10
        ];
        Assert.Equal(
            [.. OutcomeMetrics.StandardNames, "promised_lump_sum", .. OutcomeMetrics.DecileNames],
            metrics.Select(metric => metric.Name));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(
                double.IsNaN(expected[i]) ? double.IsNaN(metrics[i].Value) : Math.Abs(expected[i] - metrics[i].Value) < 1e-12,
                $"{metrics[i].Name}: {metrics[i].Value} != {expected[i]}");
        }

        Assert.Equal(3.0, OutcomeMetrics.TotalWelfare(market, outcome), 12);
        Assert.Equal(1.75, OutcomeMetrics.TotalGainsFromTrade(market, outcome), 12);
    }

    /// <summary>L_S = 0.5: lump sums 0.2 + 1.5 = 1.7 exceed revenue 1: surplus -0.7/3, a deficit.</summary>
    [Fact]
    public void PromisedLumpSumsAboveRevenueAreADeficit()
    {
        var (market, outcome) = Example(sellerLumpSum: 0.5);

        var metrics = Compute(market, outcome);

        Assert.Equal(-0.7 / 3, metrics["budget_surplus"], 12);
        Assert.Equal(1, metrics["deficit"]);
    }

    /// <summary>
    /// Realised split: revenue 1 shared by 3 sellers as 1/3 each leaves a rounding-size surplus
    /// (3 x fl(1/3) != 1 in general), which the 1e-9 relative tolerance does not call a deficit;
    /// a shortfall of 1e-6 per seller is one.
    /// </summary>
    [Fact]
    public void RoundingIsNoDeficitButASmallShortfallIs()
    {
        var (market, balanced) = Example(sellerLumpSum: 0);
        balanced.BuyerLumpSum = 0;
        balanced.SellerLumpSum = 1.0 / 3;
        var (_, short_) = Example(sellerLumpSum: 0);
        short_.BuyerLumpSum = 0;
        short_.SellerLumpSum = (1.0 / 3) + 1e-6;

        Assert.Equal(0, Compute(market, balanced)["deficit"]);
        Assert.Equal(1, Compute(market, short_)["deficit"]);
    }

    /// <summary>
    /// Equal v^M everywhere, 3 buyers + 3 sellers: the poorest fifth is ceil(6/5) = 2 agents,
    /// ties broken buyers first, then by index: B0 and B1. Utilities B (1, 2, 3) via lump sums and
    /// trades, sellers 0: welfare B0 + B1 = 3 of total 6.
    /// </summary>
    [Fact]
    public void PoorestFifthTiesGoToBuyersThenLowerIndex()
    {
        var market = new MarketInstance(3, 3);
        market.Buyers.Place(0, [1, 2, 3], [1, 1, 1]);
        market.Sellers.Place(0, [5, 5, 5], [1, 1, 1]);
        var outcome = new MechanismOutcome();
        outcome.Reset(3, 3);
        outcome.BuyerTraded.Fill(1); // buyers get their v^K for free: utilities 1, 2, 3

        var metrics = Compute(market, outcome);

        Assert.Equal(0.5, metrics["poorest_fifth_welfare_share"], 12);

        // Give the last seller the highest v^M: now it is the first of the fifth, with B0 (welfare 0 + 1).
        market.Sellers.Place(0, [5, 5, 10], [1, 1, 2]);
        Assert.Equal(1.0 / 6, Compute(market, outcome)["poorest_fifth_welfare_share"], 12);
    }

    /// <summary>NaN, never an exception: no trade, a reference without gains, no sellers, zero welfare.</summary>
    [Fact]
    public void UndefinedRatiosAreNaN()
    {
        var market = new MarketInstance(2, 2);
        market.Buyers.Place(0, [0.1, 0.2], [1, 1]);
        market.Sellers.Place(0, [0.5, 0.6], [1, 1]);
        var outcome = new MechanismOutcome();
        outcome.Reset(2, 2);

        var noTrade = Compute(market, outcome, new ReferenceOutcome(0, 0));

        Assert.True(double.IsNaN(noTrade["mean_buyer_price"]));
        Assert.True(double.IsNaN(noTrade["mean_seller_price"]));
        Assert.True(double.IsNaN(noTrade["efficiency"]));
        Assert.True(double.IsNaN(noTrade["buyer_welfare_share"]));
        Assert.True(double.IsNaN(noTrade["gini_money_metric_utility"]));
        Assert.Equal(0, noTrade["welfare"]);
        Assert.Equal(0, noTrade["deficit"]);

        var noSellers = new MarketInstance(2, 0);
        noSellers.Buyers.Place(0, [0.1, 0.2], [1, 1]);
        var empty = new MechanismOutcome();
        empty.Reset(2, 0);
        var perSeller = Compute(noSellers, empty, new ReferenceOutcome(0, 0));
        Assert.True(double.IsNaN(perSeller["welfare"]));
        Assert.True(double.IsNaN(perSeller["volume"]));
        Assert.True(double.IsNaN(perSeller["deficit"]));
    }

    private static (MarketInstance Market, MechanismOutcome Outcome) Example(double sellerLumpSum)
    {
        var market = new MarketInstance(2, 3);
        market.Buyers.Place(0, [2, 1], [1, 2]);
        market.Sellers.Place(0, [0.5, 1, 3], [1, 4, 1]);
        var outcome = new MechanismOutcome();
        outcome.Reset(2, 3);
        outcome.BuyerTraded[0] = 1;
        outcome.BuyerPayment[0] = 1.5;
        outcome.SellerTraded[1] = 1;
        outcome.SellerPayment[1] = 0.5;
        outcome.BuyerLumpSum = 0.1;
        outcome.SellerLumpSum = sellerLumpSum;
        return (market, outcome);
    }

    private static Dictionary<string, double> Compute(
        MarketInstance market, MechanismOutcome outcome, ReferenceOutcome? reference = null)
    {
        var metrics = new List<MetricValue>();
        OutcomeMetrics.Compute(market, outcome, reference ?? new ReferenceOutcome(1, 1), metrics);
        return metrics.ToDictionary(metric => metric.Name, metric => metric.Value);
    }
}

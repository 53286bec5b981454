using System.Buffers;
using MarketSim.Core.Agents;
using MarketSim.Core.Metrics;
using MarketSim.Core.Random;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Strategic;
using MarketSim.Core.Theory;

namespace MarketSim.Core.Mechanisms;

/// <summary>
/// Competitive equilibrium on a finite market (docs/theory.md §2): buyers' rates sorted descending
/// b_1 &gt;= b_2 &gt;= ..., sellers' ascending s_1 &lt;= s_2 &lt;= ...; volume k = max{k : b_k &gt;= s_k};
/// the k highest buyers and the k lowest sellers trade at one price of the clearing interval
/// [max(s_k, b_{k+1}), min(b_k, s_{k+1})] chosen by the <see cref="Scenarios.PriceRule"/>.
/// Equal rates are ranked by agent index (lower index first). No lump sum; budget surplus 0.
/// </summary>
/// <remarks>
/// Stateless: sorting scratch comes from <see cref="ArrayPool{T}.Shared"/>, so one instance may be
/// shared by parallel workers, and after warm-up a call allocates nothing per agent. Inside
/// ReplicationRunner.ClearAll the ranking is the market's shared one (ranked once per replication).
/// </remarks>
public sealed class CompetitiveEquilibrium(string name, PriceRule priceRule = PriceRule.Midpoint, ReportStrategy? reports = null) : ITwoSidedMechanism
{
    public string Name { get; } = name;

    public PriceRule PriceRule { get; } = priceRule;

    /// <summary>
    /// The traders' reports when they play the equilibrium of the finite CE (docs/theory.md §2.4); null
    /// when both sides report their rates. Reports are strictly increasing in the rate, so the ranking is
    /// the rates' ranking; volume and price come from the reports, welfare from the true rates.
    /// </summary>
    public ReportStrategy? Reports { get; } = reports;

    public void Clear(MarketInstance market, ref RandomStream lottery, MechanismOutcome outcome)
    {
        var buyerRates = Reports?.Buyers is null ? market.Buyers.RateOfSubstitution : Reported(market.Buyers.RateOfSubstitution, Reports.BuyerReport);
        var sellerRates = Reports?.Sellers is null ? market.Sellers.RateOfSubstitution : Reported(market.Sellers.RateOfSubstitution, Reports.SellerReport);
        var buyerCount = buyerRates.Length;
        var sellerCount = sellerRates.Length;
        outcome.Reset(buyerCount, sellerCount);

        var shared = market.SharedRateRanking;
        var buyerOrder = shared is null ? ArrayPool<int>.Shared.Rent(buyerCount) : null;
        var sellerOrder = shared is null ? ArrayPool<int>.Shared.Rent(sellerCount) : null;
        try
        {
            ReadOnlySpan<int> buyersRanked;
            ReadOnlySpan<int> sellersRanked;
            if (shared is null)
            {
                RateRanking.Rank(buyerRates, descending: true, buyerOrder.AsSpan(0, buyerCount));
                RateRanking.Rank(sellerRates, descending: false, sellerOrder.AsSpan(0, sellerCount));
                buyersRanked = buyerOrder.AsSpan(0, buyerCount);
                sellersRanked = sellerOrder.AsSpan(0, sellerCount);
            }
            else
            {
                buyersRanked = shared.BuyersDescending(market.Buyers);
                sellersRanked = shared.SellersAscending(market.Sellers);
            }

            var volume = 0;
            var maximum = Math.Min(buyerCount, sellerCount);
            while (volume < maximum && buyerRates[buyersRanked[volume]] >= sellerRates[sellersRanked[volume]])
            {
                volume++;
            }

            var (low, high) = ClearingInterval(buyerRates, buyersRanked, sellerRates, sellersRanked, volume);
            var price = PriceRule switch
            {
                PriceRule.Low => low,
                PriceRule.High => high,
                _ => 0.5 * (low + high),
            };

            var buyerTraded = outcome.BuyerTraded;
            var buyerPayment = outcome.BuyerPayment;
            var sellerTraded = outcome.SellerTraded;
            var sellerPayment = outcome.SellerPayment;
            for (var rank = 0; rank < volume; rank++)
            {
                buyerTraded[buyersRanked[rank]] = 1;
                buyerPayment[buyersRanked[rank]] = price;
                sellerTraded[sellersRanked[rank]] = 1;
                sellerPayment[sellersRanked[rank]] = price;
            }

            // docs/theory.md §5 "prices": the price paid and the interval it was chosen from.
            outcome.Ledger.Add(new MetricValue("price", price));
            outcome.Ledger.Add(new MetricValue("price_low", low));
            outcome.Ledger.Add(new MetricValue("price_high", high));
        }
        finally
        {
            if (buyerOrder is not null)
            {
                ArrayPool<int>.Shared.Return(buyerOrder);
            }

            if (sellerOrder is not null)
            {
                ArrayPool<int>.Shared.Return(sellerOrder);
            }
        }
    }

    private static double[] Reported(double[] rates, Func<double, double> report)
    {
        var reports = new double[rates.Length];
        for (var i = 0; i < rates.Length; i++)
        {
            reports[i] = report(rates[i]);
        }

        return reports;
    }

    public IReadOnlyDictionary<string, double> ContinuumValues(ContinuumMarket market)
    {
        var equilibrium = ContinuumCompetitiveEquilibrium.Solve(market);
        var values = new Dictionary<string, double>
        {
            ["welfare"] = equilibrium.Welfare,
            ["welfare_buyers"] = equilibrium.BuyerWelfare,
            ["welfare_sellers"] = equilibrium.SellerWelfare,
            ["gains_from_trade"] = equilibrium.GainsFromTrade,
            ["efficiency"] = 1, // CE maximises gains from trade: it is its own reference (docs/theory.md §5)
            ["volume"] = equilibrium.Volume,
            ["revenue"] = 0,
            ["lump_sum_buyers"] = 0,
            ["lump_sum_sellers"] = 0,
            ["budget_surplus"] = 0,
            ["deficit"] = 0,
            ["welfare_minus_ce"] = 0,
            ["price"] = equilibrium.Price,
            ["price_low"] = equilibrium.PriceLow,
            ["price_high"] = equilibrium.PriceHigh,
        };
        if (equilibrium.Welfare != 0)
        {
            values["buyer_welfare_share"] = equilibrium.BuyerWelfare / equilibrium.Welfare;
            values["seller_welfare_share"] = equilibrium.SellerWelfare / equilibrium.Welfare;
        }

        if (equilibrium.Volume > 0)
        {
            // Every trade is at p_CE; with no trade the finite mean prices are NaN, so no theory value.
            values["mean_buyer_price"] = equilibrium.Price;
            values["mean_seller_price"] = equilibrium.Price;
        }

        return values;
    }

    /// <summary>
    /// The clearing-price interval for volume k (docs/theory.md §2). A missing b_{k+1} (all buyers trade) or
    /// s_{k+1} (all sellers trade) leaves the other bound alone. With k = 0 it is [b_1, s_1]: every
    /// price between the best buyer and the best seller clears zero trades. With an empty side no
    /// price is determined: both bounds are NaN.
    /// </summary>
    private static (double Low, double High) ClearingInterval(
        double[] buyerRates, ReadOnlySpan<int> buyersRanked, double[] sellerRates, ReadOnlySpan<int> sellersRanked, int volume)
    {
        if (buyersRanked.Length == 0 || sellersRanked.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        if (volume == 0)
        {
            return (buyerRates[buyersRanked[0]], sellerRates[sellersRanked[0]]);
        }

        var lastBuyer = buyerRates[buyersRanked[volume - 1]];
        var lastSeller = sellerRates[sellersRanked[volume - 1]];
        var low = volume < buyersRanked.Length ? Math.Max(lastSeller, buyerRates[buyersRanked[volume]]) : lastSeller;
        var high = volume < sellersRanked.Length ? Math.Min(lastBuyer, sellerRates[sellersRanked[volume]]) : lastBuyer;
        return (low, high);
    }
}

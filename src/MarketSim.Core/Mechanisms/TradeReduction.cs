using System.Buffers;
using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Metrics;
using MarketSim.Core.Random;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;

namespace MarketSim.Core.Mechanisms;

/// <summary>
/// McAfee's (1992) trade-reduction double auction (docs/theory.md §2.3, docs/finite-markets.md), a dominant-strategy
/// incentive-compatible alternative to the finite CE. Rank as CE does (docs/theory.md §2): buyers
/// b_1 &gt;= b_2 &gt;= ..., sellers s_1 &lt;= s_2 &lt;= ..., ties by agent index; k = max{k : b_k &gt;= s_k}.
/// With p_0 = (b_{k+1} + s_{k+1}) / 2 (when both exist): if s_k &lt;= p_0 &lt;= b_k, all k pairs trade at
/// p_0 (budget balanced); otherwise the k-th pair is dropped and k - 1 pairs trade, buyers paying
/// b_k and sellers receiving s_k, a surplus (k - 1)(b_k - s_k) &gt;= 0. No trader's report sets its own
/// price while it trades, and the excluded pair's rates set the prices, hence truth is dominant.
/// At most one trade is lost relative to CE, so efficiency tends to 1 at rate 1/N.
/// The surplus is paid like a wedge's revenue by a <see cref="LumpSumRule"/>: realised (split among the
/// recipient side: a recipient then has a 1/N_r share in a surplus its report moves, an O(1/N)
/// incentive that the tests bound) or promised (the continuum lump sum, 0: the surplus per seller
/// vanishes as N grows, so it is then simply kept).
/// </summary>
public sealed class TradeReduction : ITwoSidedMechanism
{
    public TradeReduction(string name, LumpSumRule lumpSum)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(lumpSum);
        Name = name;
        LumpSum = lumpSum;
    }

    public string Name { get; }

    public LumpSumRule LumpSum { get; }

    /// <summary>The mechanism for <c>trade-reduction: { label, lumpSum, lumpSumTo }</c>; the promised continuum lump sum is 0.</summary>
    public static TradeReduction Create(TradeReductionSpec spec, ContinuumMarket market)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(market);
        return new TradeReduction(spec.Label, new LumpSumRule(spec.LumpSum, LumpSumRule.RecipientOf(spec.LumpSumTo, market), 0.0));
    }

    public void Clear(MarketInstance market, ref RandomStream lottery, MechanismOutcome outcome)
    {
        var buyerRates = market.Buyers.RateOfSubstitution;
        var sellerRates = market.Sellers.RateOfSubstitution;
        var buyerCount = buyerRates.Length;
        var sellerCount = sellerRates.Length;
        outcome.Reset(buyerCount, sellerCount);
        var buyerOrder = ArrayPool<int>.Shared.Rent(Math.Max(buyerCount, 1));
        var sellerOrder = ArrayPool<int>.Shared.Rent(Math.Max(sellerCount, 1));
        try
        {
            var buyers = buyerOrder.AsSpan(0, buyerCount);
            var sellers = sellerOrder.AsSpan(0, sellerCount);
            RateRanking.Rank(buyerRates, descending: true, buyers);
            RateRanking.Rank(sellerRates, descending: false, sellers);
            var result = Outcome(buyerRates, buyers, sellerRates, sellers);
            for (var rank = 0; rank < result.Trades; rank++)
            {
                outcome.BuyerTraded[buyers[rank]] = 1;
                outcome.BuyerPayment[buyers[rank]] = result.BuyerPrice;
                outcome.SellerTraded[sellers[rank]] = 1;
                outcome.SellerPayment[sellers[rank]] = result.SellerPrice;
            }

            // Without a trade the prices are undefined (NaN): the surplus is 0.
            LumpSum.Pay(market, result.Trades > 0 ? result.Trades * (result.BuyerPrice - result.SellerPrice) : 0.0, outcome);
            outcome.Ledger.Add(new MetricValue("reduced", result.Reduced ? 1.0 : 0.0));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buyerOrder);
            ArrayPool<int>.Shared.Return(sellerOrder);
        }
    }

    /// <summary>The trade-reduction rule on ranked rates: trades, buyers' price, sellers' price, whether the k-th pair was dropped.</summary>
    public static (int Trades, double BuyerPrice, double SellerPrice, bool Reduced) Outcome(
        ReadOnlySpan<double> buyerRates, ReadOnlySpan<int> buyersRanked, ReadOnlySpan<double> sellerRates, ReadOnlySpan<int> sellersRanked)
    {
        var maximum = Math.Min(buyersRanked.Length, sellersRanked.Length);
        var k = 0;
        while (k < maximum && buyerRates[buyersRanked[k]] >= sellerRates[sellersRanked[k]])
        {
            k++;
        }

        if (k == 0)
        {
            return (0, double.NaN, double.NaN, false);
        }

        var lastBuyer = buyerRates[buyersRanked[k - 1]];
        var lastSeller = sellerRates[sellersRanked[k - 1]];
        if (k < buyersRanked.Length && k < sellersRanked.Length)
        {
            var candidate = 0.5 * (buyerRates[buyersRanked[k]] + sellerRates[sellersRanked[k]]);
            if (candidate >= lastSeller && candidate <= lastBuyer)
            {
                return (k, candidate, candidate, false);
            }
        }

        return (k - 1, lastBuyer, lastSeller, true);
    }

    /// <summary>
    /// The continuum limit: one trade in N is lost and the surplus per seller vanishes, so the values
    /// are the continuum CE's (docs/theory.md §1.2) with no revenue and no lump sum.
    /// </summary>
    public IReadOnlyDictionary<string, double> ContinuumValues(ContinuumMarket market)
    {
        var equilibrium = ContinuumCompetitiveEquilibrium.Solve(market);
        return new Dictionary<string, double>
        {
            ["welfare"] = equilibrium.Welfare,
            ["welfare_buyers"] = equilibrium.BuyerWelfare,
            ["welfare_sellers"] = equilibrium.SellerWelfare,
            ["gains_from_trade"] = equilibrium.GainsFromTrade,
            ["efficiency"] = 1,
            ["volume"] = equilibrium.Volume,
            ["revenue"] = 0,
            ["lump_sum_buyers"] = 0,
            ["lump_sum_sellers"] = 0,
            ["budget_surplus"] = 0,
            ["welfare_minus_ce"] = 0,
        };
    }
}

using System.Buffers;
using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Numerics;

namespace MarketSim.Core.Metrics;

/// <summary>
/// The metrics of docs/theory.md §5 for one mechanism in one replication. "Per seller" = divided by N_S
/// (NaN when N_S = 0). Nothing throws on degenerate input: an undefined ratio is written as NaN.
/// </summary>
/// <remarks>
/// An agent's money-metric utility is <c>x r - t + L_B</c> (buyer, t paid) or <c>t - x r + L_S</c>
/// (seller, t received); its welfare contribution is v^M times that, i.e. <c>x v^K - t v^M + L_B v^M</c>
/// for a buyer (docs/theory.md §1.1). The Gini and the poorest fifth need one sort of all agents: their scratch
/// comes from <see cref="ArrayPool{T}.Shared"/> (no allocation per call after warm-up, thread-safe).
/// </remarks>
public static class OutcomeMetrics
{
    /// <summary>
    /// A budget surplus below -DeficitTolerance x (money moved per seller) counts as a deficit: realised
    /// lump sums balance the budget up to floating-point rounding of sums over up to ~1e7 agents
    /// (relative error far below 1e-9), while a true deficit of promised lump sums is far above it.
    /// </summary>
    public const double DeficitTolerance = 1e-9;

    /// <summary>The names <see cref="Compute"/> writes before the ledger, in order.</summary>
    public static IReadOnlyList<string> StandardNames { get; } =
    [
        "welfare", "welfare_buyers", "welfare_sellers", "buyer_welfare_share", "seller_welfare_share",
        "gains_from_trade", "efficiency", "volume", "mean_buyer_price", "mean_seller_price", "revenue",
        "lump_sum_buyers", "lump_sum_sellers", "budget_surplus", "deficit", "gini_money_metric_utility",
        "poorest_fifth_welfare_share", "welfare_minus_ce",
    ];

    /// <summary>Number of value-for-money deciles in <see cref="DecileNames"/>.</summary>
    public const int Deciles = 10;

    /// <summary>
    /// The names <see cref="Compute"/> writes after the ledger: <c>money_metric_utility_decile_1</c> (the
    /// richest tenth: lowest v^M) .. <c>_10</c> (the poorest tenth: highest v^M).
    /// </summary>
    public static IReadOnlyList<string> DecileNames { get; } =
        [.. Enumerable.Range(1, Deciles).Select(decile => $"money_metric_utility_decile_{decile}")];

    /// <summary>Total welfare sum_B (x v^K - t v^M) + sum_S (-x v^K + t v^M), lump sums included (not per seller).</summary>
    public static double TotalWelfare(MarketInstance market, MechanismOutcome outcome) =>
        SideTotals(market.Buyers, outcome).Welfare + SideTotals(market.Sellers, outcome).Welfare;

    /// <summary>Total gains from trade in willingness to pay: sum over traders of buyer r minus seller r.</summary>
    public static double TotalGainsFromTrade(MarketInstance market, MechanismOutcome outcome) =>
        SideTotals(market.Buyers, outcome).TradedRate - SideTotals(market.Sellers, outcome).TradedRate;

    /// <summary>
    /// Appends the standard metrics (<see cref="StandardNames"/>, in that order), then the outcome's
    /// ledger, then the value-for-money deciles (<see cref="DecileNames"/>), to <paramref name="into"/>.
    /// </summary>
    /// <remarks>
    /// NaN conventions: shares of welfare when total welfare is 0; efficiency when the reference CE
    /// has no gains from trade; a side's mean price when it has no trade; the Gini when mean
    /// money-metric utility is &lt;= 0 or there are no agents. volume counts sellers' trades (= buyers'
    /// for every mechanism that clears). Poorest fifth: the ceil(0.2 (N_B + N_S)) agents with the
    /// highest v^M, ties broken buyers first, then by agent index.
    /// <para>
    /// Deciles (docs/theory.md §5, inequality): rank all n = N_B + N_S agents from poorest to richest as for the
    /// poorest fifth; the agent at position k (0 = poorest) is in decile 10 - floor(10 k / n), so decile
    /// 10 is the poorest tenth. <c>money_metric_utility_decile_d</c> is the mean money-metric utility
    /// (lump sum included) of the agents of decile d; NaN when the decile is empty (n &lt; 10). The decile
    /// sizes differ by at most one; when 10 divides n they are all n/10 and the mean of the ten decile
    /// means is the mean money-metric utility of all agents, (N_S / n) (gains_from_trade - budget_surplus).
    /// </para>
    /// </remarks>
    public static void Compute(
        MarketInstance market, MechanismOutcome outcome, ReferenceOutcome reference, List<MetricValue> into)
    {
        var buyerCount = market.Buyers.Count;
        var sellerCount = market.Sellers.Count;
        var buyers = SideTotals(market.Buyers, outcome);
        var sellers = SideTotals(market.Sellers, outcome);
        var welfare = buyers.Welfare + sellers.Welfare;
        var gains = buyers.TradedRate - sellers.TradedRate;
        var lumpSums = (buyerCount * outcome.BuyerLumpSum) + (sellerCount * outcome.SellerLumpSum);
        var revenue = buyers.Payments - sellers.Payments;
        var budgetSurplus = PerSeller(revenue - lumpSums, sellerCount);

        // Money moved per seller: the scale of the rounding error of budget_surplus.
        var moneyMoved = PerSeller(
            buyers.Payments + sellers.Payments + (buyerCount * Math.Abs(outcome.BuyerLumpSum))
            + (sellerCount * Math.Abs(outcome.SellerLumpSum)),
            sellerCount);
        var deficit = double.IsNaN(budgetSurplus) ? double.NaN
            : budgetSurplus < -DeficitTolerance * moneyMoved ? 1.0 : 0.0;

        into.Add(new MetricValue("welfare", PerSeller(welfare, sellerCount)));
        into.Add(new MetricValue("welfare_buyers", PerSeller(buyers.Welfare, sellerCount)));
        into.Add(new MetricValue("welfare_sellers", PerSeller(sellers.Welfare, sellerCount)));
        into.Add(new MetricValue("buyer_welfare_share", Ratio(buyers.Welfare, welfare)));
        into.Add(new MetricValue("seller_welfare_share", Ratio(sellers.Welfare, welfare)));
        into.Add(new MetricValue("gains_from_trade", PerSeller(gains, sellerCount)));
        into.Add(new MetricValue("efficiency", Ratio(gains, reference.TotalGainsFromTrade)));
        into.Add(new MetricValue("volume", PerSeller(sellers.Trades, sellerCount)));
        into.Add(new MetricValue("mean_buyer_price", Ratio(buyers.Payments, buyers.Trades)));
        into.Add(new MetricValue("mean_seller_price", Ratio(sellers.Payments, sellers.Trades)));
        into.Add(new MetricValue("revenue", PerSeller(revenue, sellerCount)));
        into.Add(new MetricValue("lump_sum_buyers", outcome.BuyerLumpSum));
        into.Add(new MetricValue("lump_sum_sellers", outcome.SellerLumpSum));
        into.Add(new MetricValue("budget_surplus", budgetSurplus));
        into.Add(new MetricValue("deficit", deficit));
        into.Add(new MetricValue("gini_money_metric_utility", GiniOfMoneyMetricUtility(market, outcome)));
        Span<double> decileMeans = stackalloc double[Deciles];
        var poorestFifthWelfare = RankByValueOfMoney(market, outcome, decileMeans);
        into.Add(new MetricValue("poorest_fifth_welfare_share", Ratio(poorestFifthWelfare, welfare)));
        into.Add(new MetricValue("welfare_minus_ce", PerSeller(welfare - reference.TotalWelfare, sellerCount)));
        into.AddRange(outcome.Ledger);
        for (var decile = 0; decile < Deciles; decile++)
        {
            into.Add(new MetricValue(DecileNames[decile], decileMeans[decile]));
        }
    }

    /// <summary>Decile (1 .. 10, 10 = poorest) of the agent at position k of n, poorest first.</summary>
    internal static int DecileOf(int position, int agents) => Deciles - (int)((long)Deciles * position / agents);

    /// <summary>
    /// Population Gini of <paramref name="values"/> (sorted in place):
    /// G = 2 sum_i i y_(i) / (n sum y) - (n + 1)/n, i = 1..n ascending; [0,0,0,1] gives 0.75.
    /// NaN if n = 0 or the mean is &lt;= 0 (the Gini of a non-positive mean is meaningless). With some
    /// negative values and a positive mean it may exceed 1.
    /// </summary>
    internal static double Gini(Span<double> values)
    {
        var count = values.Length;
        if (count == 0)
        {
            return double.NaN;
        }

        RankOrder.SortValues(values);
        double total = 0;
        double rankWeighted = 0;
        for (var i = 0; i < count; i++)
        {
            total += values[i];
            rankWeighted += (i + 1) * values[i];
        }

        if (!(total > 0))
        {
            return double.NaN;
        }

        return (2 * rankWeighted / (count * total)) - ((count + 1.0) / count);
    }

    /// <summary>Size of the poorest fifth of n agents: ceil(n / 5), in integers (0.2 n is inexact).</summary>
    internal static int PoorestFifthSize(int agents) => (agents + 4) / 5;

    private static double GiniOfMoneyMetricUtility(MarketInstance market, MechanismOutcome outcome)
    {
        var buyerCount = market.Buyers.Count;
        var sellerCount = market.Sellers.Count;
        var buyerBuffer = ArrayPool<double>.Shared.Rent(buyerCount);
        var sellerBuffer = ArrayPool<double>.Shared.Rent(sellerCount);
        try
        {
            // One buffer per side (half the size of one for all agents: they reuse the CE's pooled
            // scratch at 10^6 a side), merged while summing.
            var buyers = buyerBuffer.AsSpan(0, buyerCount);
            for (var i = 0; i < buyerCount; i++)
            {
                buyers[i] = MoneyMetricUtility(market.Buyers, outcome, i);
            }

            var sellers = sellerBuffer.AsSpan(0, sellerCount);
            for (var i = 0; i < sellerCount; i++)
            {
                sellers[i] = MoneyMetricUtility(market.Sellers, outcome, i);
            }

            return Gini(buyers, sellers);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buyerBuffer);
            ArrayPool<double>.Shared.Return(sellerBuffer);
        }
    }

    /// <summary>
    /// <see cref="Gini(Span{double})"/> of the union of two samples (each sorted in place), summing in
    /// the merged ascending order: the same sums in the same order as sorting the union, since equal
    /// values are interchangeable (-0 and +0 change no sum that is used, and NaN gives NaN either way).
    /// </summary>
    internal static double Gini(Span<double> first, Span<double> second)
    {
        var count = first.Length + second.Length;
        if (count == 0)
        {
            return double.NaN;
        }

        RankOrder.SortValues(first);
        RankOrder.SortValues(second);
        double total = 0;
        double rankWeighted = 0;
        int i = 0, j = 0;
        for (var rank = 1; rank <= count; rank++)
        {
            var value = j >= second.Length || (i < first.Length && !(second[j] < first[i])) ? first[i++] : second[j++];
            total += value;
            rankWeighted += rank * value;
        }

        if (!(total > 0))
        {
            return double.NaN;
        }

        return (2 * rankWeighted / (count * total)) - ((count + 1.0) / count);
    }

    /// <summary>
    /// One ranking of all agents by v^M, poorest first (buyers first, then by index, on ties): returns the
    /// welfare of the ceil(0.2 n) poorest and writes each decile's mean money-metric utility into
    /// <paramref name="decileMeans"/> (index d - 1 for decile d).
    /// </summary>
    private static double RankByValueOfMoney(MarketInstance market, MechanismOutcome outcome, Span<double> decileMeans)
    {
        var buyerCount = market.Buyers.Count;
        var count = buyerCount + market.Sellers.Count;
        var poorest = PoorestFifthSize(count);
        var orderBuffer = ArrayPool<int>.Shared.Rent(count);
        try
        {
            // Combined index: buyers 0 .. N_B-1, then sellers; RankOrder breaks ties by it. The deciles
            // need the whole ranking (the poorest fifth is its prefix, summed in rank order).
            var order = orderBuffer.AsSpan(0, count);
            RankOrder.Largest(market.Buyers.ValueOfMoney, market.Sellers.ValueOfMoney, order);
            double welfare = 0;
            Span<double> decileSums = stackalloc double[Deciles];
            Span<int> decileSizes = stackalloc int[Deciles];
            decileSums.Clear();
            decileSizes.Clear();
            for (var rank = 0; rank < count; rank++)
            {
                var agent = order[rank];
                var isBuyer = agent < buyerCount;
                var side = isBuyer ? market.Buyers : market.Sellers;
                var index = isBuyer ? agent : agent - buyerCount;
                var utility = MoneyMetricUtility(side, outcome, index);
                if (rank < poorest)
                {
                    welfare += side.ValueOfMoney[index] * utility;
                }

                var decile = DecileOf(rank, count) - 1;
                decileSums[decile] += utility;
                decileSizes[decile]++;
            }

            for (var decile = 0; decile < Deciles; decile++)
            {
                decileMeans[decile] = decileSizes[decile] > 0 ? decileSums[decile] / decileSizes[decile] : double.NaN;
            }

            return welfare;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(orderBuffer);
        }
    }

    /// <summary>x r - t + L_B for a buyer, t - x r + L_S for a seller (docs/theory.md §1.1, lump sum added).</summary>
    private static double MoneyMetricUtility(SidePopulation side, MechanismOutcome outcome, int agent) =>
        side.Side == Side.Buyers
            ? (outcome.BuyerTraded[agent] * side.RateOfSubstitution[agent]) - outcome.BuyerPayment[agent] + outcome.BuyerLumpSum
            : outcome.SellerPayment[agent] - (outcome.SellerTraded[agent] * side.RateOfSubstitution[agent]) + outcome.SellerLumpSum;

    /// <summary>One pass over a side: welfare (utils, lump sum included), traded rates, trades, payments.</summary>
    private static SideTotal SideTotals(SidePopulation side, MechanismOutcome outcome)
    {
        var isBuyer = side.Side == Side.Buyers;
        ReadOnlySpan<double> traded = isBuyer ? outcome.BuyerTraded : outcome.SellerTraded;
        ReadOnlySpan<double> payment = isBuyer ? outcome.BuyerPayment : outcome.SellerPayment;
        var lumpSum = isBuyer ? outcome.BuyerLumpSum : outcome.SellerLumpSum;

        // A buyer gains the good and pays; a seller gives the good up and receives.
        var direction = isBuyer ? 1.0 : -1.0;
        var good = side.ValueOfGood;
        var money = side.ValueOfMoney;
        var rates = side.RateOfSubstitution;
        double welfare = 0, tradedRate = 0, trades = 0, payments = 0;
        for (var i = 0; i < good.Length; i++)
        {
            welfare += (direction * ((traded[i] * good[i]) - (payment[i] * money[i]))) + (lumpSum * money[i]);
            tradedRate += traded[i] * rates[i];
            trades += traded[i];
            payments += payment[i];
        }

        return new SideTotal(welfare, tradedRate, trades, payments);
    }

    private static double PerSeller(double total, int sellers) => sellers > 0 ? total / sellers : double.NaN;

    private static double Ratio(double numerator, double denominator) =>
        denominator != 0 ? numerator / denominator : double.NaN;

    private readonly record struct SideTotal(double Welfare, double TradedRate, double Trades, double Payments);
}

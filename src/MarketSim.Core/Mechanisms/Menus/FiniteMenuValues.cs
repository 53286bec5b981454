using MarketSim.Core.Agents;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;

namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// A menu mechanism's expected metrics on a finite market (<see cref="FiniteMenuExpectation"/>, docs/theory.md §2.2),
/// keyed by the metric names of the summary (standard metrics and the <see cref="MenuLedger"/>),
/// per seller where the metric is per seller, plus the law of the volume where it is known.
/// Metrics that are ratios of random totals (mean prices, shares, Gini, efficiency, deciles) have
/// no entry.
/// </summary>
public sealed class FiniteMenuValues
{
    private FiniteMenuValues(IReadOnlyDictionary<string, double> values, double[]? volumeLaw, double wedge, double promisedTotal, int recipients, int sellers, bool exact)
    {
        Values = values;
        VolumeLaw = volumeLaw;
        Wedge = wedge;
        PromisedTotal = promisedTotal;
        Recipients = recipients;
        Sellers = sellers;
        IsExact = exact;
    }

    /// <summary>Expected metric values by name.</summary>
    public IReadOnlyDictionary<string, double> Values { get; }

    /// <summary>P(V = v) for the volume V = min(k_B, k_S) (exact sums only; null from the asymptotic expansion).</summary>
    public double[]? VolumeLaw { get; }

    /// <summary>True when the values are exact sums, false when from the asymptotic expansion.</summary>
    public bool IsExact { get; }

    /// <summary>p_B - p_S when each side has one option (revenue = V (p_B - p_S) exactly); NaN otherwise.</summary>
    private double Wedge { get; }

    private double PromisedTotal { get; }

    private int Recipients { get; }

    private int Sellers { get; }

    /// <summary>
    /// Exact P(budget deficit) under promised lump sums when the revenue is a function of the volume
    /// (one option per side): P(V w &lt; N_r L). NaN when unknown.
    /// </summary>
    public double DeficitProbability()
    {
        if (VolumeLaw is null || double.IsNaN(Wedge))
        {
            return double.NaN;
        }

        var probability = 0.0;
        for (var v = 0; v < VolumeLaw.Length; v++)
        {
            if (InDeficit(v))
            {
                probability += VolumeLaw[v];
            }
        }

        return Math.Clamp(probability, 0.0, 1.0);
    }

    /// <summary>
    /// The exact safety margin (Stress SafetyMargin): the (1 - a)-quantile of D = (N_r L - w V) / N_r,
    /// i.e. at V's a-quantile (D decreases in V). NaN when unknown.
    /// </summary>
    public double SafetyMargin(double maxDeficitProbability) =>
        VolumeQuantile(maxDeficitProbability) is var v && v >= 0 && Recipients > 0
            ? (PromisedTotal - (Wedge * v)) / Recipients
            : double.NaN;

    /// <summary>The exact q-quantile of the budget surplus per seller, (w V_q - N_r L) / N_S. NaN when unknown.</summary>
    public double BudgetSurplusQuantile(double level) =>
        VolumeQuantile(level) is var v && v >= 0 && Sellers > 0 ? ((Wedge * v) - PromisedTotal) / Sellers : double.NaN;

    /// <summary>The smallest v with P(V &lt;= v) &gt;= q when the revenue is w V; -1 when unknown.</summary>
    private int VolumeQuantile(double level)
    {
        if (VolumeLaw is null || double.IsNaN(Wedge))
        {
            return -1;
        }

        var cumulative = 0.0;
        for (var v = 0; v < VolumeLaw.Length; v++)
        {
            cumulative += VolumeLaw[v];
            if (cumulative >= level)
            {
                return v;
            }
        }

        return VolumeLaw.Length - 1;
    }

    // Relative slack far above rounding, far below one trade's revenue: the simulation's deficit
    // indicator tolerates 1e-9 x money moved.
    private bool InDeficit(int volume) => (Wedge * volume) - PromisedTotal < -1e-9 * Math.Max(Math.Abs(PromisedTotal), 1.0);

    internal static FiniteMenuValues Assemble(
        FiniteMenuSide buyers,
        FiniteMenuSide sellers,
        LumpSumRule lumpSum,
        ContinuumMarket market,
        SideTrades buyerTrades,
        SideTrades sellerTrades,
        double revenueTimesWeight,
        double[]? volumeLaw,
        bool exact)
    {
        var sellerCount = sellers.Agents;
        double PerSeller(double total) => sellerCount > 0 ? total / sellerCount : double.NaN;
        var values = new Dictionary<string, double>();
        var paid = buyerTrades.Trades.Select((t, o) => t * buyers.Menu.Price(o)).Sum();
        var received = sellerTrades.Trades.Select((t, o) => t * sellers.Menu.Price(o)).Sum();
        var revenue = paid - received;
        var recipientSide = lumpSum.Recipient == Side.Buyers ? buyers : sellers;
        var recipients = recipientSide.Agents;
        var recipientLambda = (lumpSum.Recipient == Side.Buyers ? market.Buyers : market.Sellers).MeanParetoWeight;

        double lumpSumPerAgent, lumpSumWelfare;
        if (lumpSum.Policy == LumpSumPolicy.Promised)
        {
            lumpSumPerAgent = lumpSum.PromisedPerAgent;
            lumpSumWelfare = lumpSumPerAgent * recipients * recipientLambda;
        }
        else
        {
            lumpSumPerAgent = recipients > 0 ? revenue / recipients : 0.0;
            lumpSumWelfare = recipients > 0 ? revenueTimesWeight / recipients : 0.0;
        }

        var welfareBuyers = buyerTrades.Trades.Select((t, o) => t * buyers.TraderWelfare[o]).Sum()
            + (lumpSum.Recipient == Side.Buyers ? lumpSumWelfare : 0.0);
        var welfareSellers = sellerTrades.Trades.Select((t, o) => t * sellers.TraderWelfare[o]).Sum()
            + (lumpSum.Recipient == Side.Sellers ? lumpSumWelfare : 0.0);
        var promisedTotal = lumpSum.Policy == LumpSumPolicy.Promised ? lumpSum.PromisedPerAgent * recipients : 0.0;
        var budgetSurplus = lumpSum.Policy == LumpSumPolicy.Promised || recipients == 0 ? revenue - promisedTotal : 0.0;

        values[MenuLedger.Welfare] = PerSeller(welfareBuyers + welfareSellers);
        values[MenuLedger.WelfareBuyers] = PerSeller(welfareBuyers);
        values[MenuLedger.WelfareSellers] = PerSeller(welfareSellers);
        values[MenuLedger.Volume] = PerSeller(sellerTrades.Trades.Sum());
        values[MenuLedger.Revenue] = PerSeller(revenue);
        values[MenuLedger.LumpSumBuyers] = lumpSum.Recipient == Side.Buyers ? lumpSumPerAgent : 0.0;
        values[MenuLedger.LumpSumSellers] = lumpSum.Recipient == Side.Sellers ? lumpSumPerAgent : 0.0;
        values[MenuLedger.BudgetSurplus] = PerSeller(budgetSurplus);

        foreach (var (side, trades) in new[] { (buyers, buyerTrades), (sellers, sellerTrades) })
        {
            var menu = side.Menu;
            for (var o = 0; o < menu.Count; o++)
            {
                values[MenuLedger.OptionMetric(menu.Side, o, MenuLedger.Price)] = menu.Price(o);
                values[MenuLedger.OptionMetric(menu.Side, o, MenuLedger.PromisedProbability)] = menu.Probability(o);
                if (side.Agents > 0)
                {
                    values[MenuLedger.OptionMetric(menu.Side, o, MenuLedger.ChoiceShare)] = side.ChoiceProbability[o];
                }

                if (double.IsFinite(trades.RealizedProbability[o]))
                {
                    values[MenuLedger.OptionMetric(menu.Side, o, MenuLedger.RealizedProbability)] = trades.RealizedProbability[o];
                }

                values[MenuLedger.OptionMetric(menu.Side, o, MenuLedger.Rationed)] = trades.Slots[o] - trades.Trades[o];
            }
        }

        values[MenuLedger.BuyersExpectedTrades] = PerSeller(buyers.ExpectedTrades);
        values[MenuLedger.SellersExpectedTrades] = PerSeller(sellers.ExpectedTrades);
        values[MenuLedger.LumpSumPromised] = lumpSum.PromisedPerAgent;

        var wedge = buyers.Menu.Count == 1 && sellers.Menu.Count == 1
            ? buyers.Menu.Price(0) - sellers.Menu.Price(0)
            : double.NaN;
        var result = new FiniteMenuValues(values, volumeLaw, wedge, promisedTotal, recipients, sellerCount, exact);
        if (lumpSum.Policy == LumpSumPolicy.Realized && recipients > 0)
        {
            values["deficit"] = 0.0;
        }
        else if (result.DeficitProbability() is var deficit && !double.IsNaN(deficit))
        {
            values["deficit"] = deficit;
        }

        return result;
    }
}

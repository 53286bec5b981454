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
    private readonly Lazy<ISurplusLaw?> surplusLaw;

    private FiniteMenuValues(IReadOnlyDictionary<string, double> values, double[]? volumeLaw, Lazy<ISurplusLaw?> surplusLaw, int recipients, int sellers, bool exact)
    {
        Values = values;
        VolumeLaw = volumeLaw;
        this.surplusLaw = surplusLaw;
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

    private int Recipients { get; }

    private int Sellers { get; }

    /// <summary>
    /// P(budget deficit) under promised lump sums, P(revenue &lt; N_r L), from the exact law of the budget
    /// surplus (<see cref="FiniteSurplusLaw"/>, any menu of up to 3 options a side), or beyond that law's
    /// budget from its normal approximation with the exact mean and variance (<see cref="FiniteSurplusMoments"/>,
    /// docs/theory.md §2.2). NaN from the asymptotic expansion (no states to sum over).
    /// </summary>
    public double DeficitProbability() => surplusLaw.Value?.DeficitProbability() ?? double.NaN;

    /// <summary>True when the deficit probability and quantiles come from the exact law, false from its normal approximation or unknown.</summary>
    public bool SurplusLawIsExact => surplusLaw.Value is FiniteSurplusLaw;

    /// <summary>
    /// The safety margin (Stress SafetyMargin): the (1 - a)-quantile of D = -B / N_r, taken at
    /// the a-quantile of the budget surplus B (D falls as B rises). NaN when unknown.
    /// </summary>
    public double SafetyMargin(double maxDeficitProbability) =>
        surplusLaw.Value is { } law && Recipients > 0 ? -law.Quantile(maxDeficitProbability) / Recipients : double.NaN;

    /// <summary>The q-quantile of the budget surplus per seller, B_q / N_S. NaN when unknown.</summary>
    public double BudgetSurplusQuantile(double level) =>
        surplusLaw.Value is { } law && Sellers > 0 ? law.Quantile(level) / Sellers : double.NaN;

    internal static FiniteMenuValues Assemble(
        FiniteMenuSide buyers,
        FiniteMenuSide sellers,
        LumpSumRule lumpSum,
        ContinuumMarket market,
        SideTrades buyerTrades,
        SideTrades sellerTrades,
        double revenueTimesWeight,
        double[]? volumeLaw,
        Func<double, ISurplusLaw?>? surplusLaw,
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

        var law = new Lazy<ISurplusLaw?>(() => surplusLaw?.Invoke(promisedTotal));
        var result = new FiniteMenuValues(values, volumeLaw, law, recipients, sellerCount, exact);
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

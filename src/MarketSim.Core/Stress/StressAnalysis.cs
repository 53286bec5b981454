using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Metrics;
using MarketSim.Core.Replications;

namespace MarketSim.Core.Stress;

/// <summary>
/// Folds the replications of one population size (run by the ordinary pipeline on the model of
/// <see cref="StressScenario.ForSize"/>) into the stress metrics of <see cref="StressMetrics"/>,
/// per mechanism in scenario order. Pure: a function of the model and the results.
/// </summary>
public static class StressAnalysis
{
    public static IReadOnlyList<StressRow> Analyse(
        MarketModel model, IReadOnlyList<ReplicationResult> results, double maxDeficitProbability)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException("the stress analysis needs at least one replication", nameof(results));
        }

        var rows = new List<StressRow>();
        for (var m = 0; m < model.Mechanisms.Count; m++)
        {
            var mechanism = model.Mechanisms[m];
            var metrics = results.Select(result => ToDictionary(result.Mechanisms[m])).ToArray();
            AnalyseMechanism(model, mechanism.Name, mechanism as MenuMechanism, metrics, maxDeficitProbability, rows);
        }

        return rows;
    }

    private static Dictionary<string, double> ToDictionary(MechanismMetrics metrics)
    {
        var values = new Dictionary<string, double>(metrics.Metrics.Count);
        foreach (var metric in metrics.Metrics)
        {
            values[metric.Name] = metric.Value;
        }

        return values;
    }

    private static void AnalyseMechanism(
        MarketModel model,
        string name,
        MenuMechanism? menu,
        Dictionary<string, double>[] metrics,
        double maxDeficitProbability,
        List<StressRow> rows)
    {
        var n = metrics.Length;
        var sellers = model.SellerCount;
        void Add(string metric, double value, double low, double high, int count) =>
            rows.Add(new StressRow(name, sellers, metric, value, low, high, count));
        void AddSummary(string metric, double[] values)
        {
            var summary = MonteCarloSummary.Summarise(values);
            Add(metric, summary.Mean, summary.ConfidenceLow, summary.ConfidenceHigh, summary.Count);
        }

        var surplus = metrics.Select(values => values["budget_surplus"]).ToArray();
        var deficits = metrics.Count(values => values["deficit"] == 1.0);
        var (deficitLow, deficitHigh) = ProportionInterval.ClopperPearson(deficits, n);
        Add(StressMetrics.DeficitProbability, (double)deficits / n, deficitLow, deficitHigh, n);
        AddSummary(StressMetrics.ExpectedShortfall, metrics.Where(values => values["deficit"] == 1.0).Select(values => -values["budget_surplus"]).ToArray());
        AddSummary(StressMetrics.BudgetSurplusMean, surplus);

        var sorted = surplus.ToArray();
        Array.Sort(sorted);
        foreach (var (metric, level) in new[] { (StressMetrics.BudgetSurplusQuantile01, 0.01), (StressMetrics.BudgetSurplusQuantile05, 0.05) })
        {
            var (value, low, high) = SampleQuantile.Of(sorted, level);
            Add(metric, value, low, high, n);
        }

        var promised = menu?.LumpSum.PromisedPerAgent ?? 0.0;
        Add(StressMetrics.LumpSumPromised, promised, promised, promised, n);

        // Without a lump sum (CE, price control) the "recipient" is the sellers: the margin is then
        // the cut of nothing, i.e. how far the surplus per seller can fall.
        var recipients = model.CountOf(menu?.LumpSum.Recipient ?? Side.Sellers);
        var margin = SafetyMargin.Of(surplus, sellers, Math.Max(recipients, 1), maxDeficitProbability);
        Add(StressMetrics.SafetyMarginPerAgent, margin.Value, margin.Low, margin.High, n);

        if (menu is not null)
        {
            AddOptionRows(model, menu, metrics, Add, AddSummary);
        }

        if (model.ContinuumValuesOf(name).TryGetValue("welfare", out var continuumWelfare))
        {
            AddSummary(StressMetrics.WelfareGap, metrics.Select(values => values["welfare"] - continuumWelfare).ToArray());
        }
    }

    /// <summary>Per option promised vs realised probability; broken sure-trade promises per option and in total.</summary>
    private static void AddOptionRows(
        MarketModel model,
        MenuMechanism menu,
        Dictionary<string, double>[] metrics,
        Action<string, double, double, double, int> add,
        Action<string, double[]> addSummary)
    {
        var brokenTotal = new double[metrics.Length];
        var sureChoosers = new double[metrics.Length];
        var hasSure = false;
        foreach (var side in new[] { Side.Buyers, Side.Sellers })
        {
            var options = side == Side.Buyers ? menu.Buyers : menu.Sellers;
            var agents = model.CountOf(side);
            for (var k = 0; k < options.Count; k++)
            {
                var promisedProbability = options.Probability(k);
                add(MenuLedger.OptionMetric(side, k, MenuLedger.PromisedProbability), promisedProbability, promisedProbability, promisedProbability, metrics.Length);
                addSummary(
                    MenuLedger.OptionMetric(side, k, MenuLedger.RealizedProbability),
                    metrics.Select(values => values[MenuLedger.OptionMetric(side, k, MenuLedger.RealizedProbability)]).ToArray());
                if (!options.IsSure(k))
                {
                    continue;
                }

                hasSure = true;
                var rates = new double[metrics.Length];
                for (var r = 0; r < metrics.Length; r++)
                {
                    // The ledger records the share of choosers; choosers = share x agents of the side.
                    var choosers = Math.Round(metrics[r][MenuLedger.OptionMetric(side, k, MenuLedger.ChoiceShare)] * agents);
                    var rationed = metrics[r][MenuLedger.OptionMetric(side, k, MenuLedger.Rationed)];
                    rates[r] = choosers > 0 ? rationed / choosers : double.NaN;
                    if (choosers > 0)
                    {
                        brokenTotal[r] += rationed;
                        sureChoosers[r] += choosers;
                    }
                }

                addSummary(MenuLedger.OptionMetric(side, k, StressMetrics.OptionBrokenPromiseRate), rates);
            }
        }

        if (hasSure)
        {
            addSummary(
                StressMetrics.BrokenPromiseRate,
                brokenTotal.Select((broken, r) => sureChoosers[r] > 0 ? broken / sureChoosers[r] : double.NaN).ToArray());
        }
    }
}

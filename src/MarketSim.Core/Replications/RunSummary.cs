using MarketSim.Core.Metrics;

namespace MarketSim.Core.Replications;

/// <summary>Folds the replications of a run into the Monte Carlo summary (docs/theory.md §5).</summary>
public static class RunSummary
{
    /// <summary>
    /// One row per (mechanism, metric) in the order the metrics first appear (scenario order, then
    /// each mechanism's fixed metric order), so the summary is a pure function of the results.
    /// </summary>
    public static IReadOnlyList<SummaryRow> Build(
        IReadOnlyList<ReplicationResult> results,
        Func<string, IReadOnlyDictionary<string, double>> continuumValuesOf,
        Func<string, IReadOnlyDictionary<string, double>>? finiteValuesOf = null)
    {
        var order = new List<(string Mechanism, string Metric)>();
        var values = new Dictionary<(string Mechanism, string Metric), List<double>>();
        foreach (var result in results.OrderBy(result => result.Replication))
        {
            foreach (var mechanism in result.Mechanisms)
            {
                foreach (var metric in mechanism.Metrics)
                {
                    var key = (mechanism.Mechanism, metric.Name);
                    if (!values.TryGetValue(key, out var list))
                    {
                        values[key] = list = [];
                        order.Add(key);
                    }

                    list.Add(metric.Value);
                }
            }
        }

        var theories = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        var finiteTheories = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        return order
            .Select(key =>
            {
                if (!theories.TryGetValue(key.Mechanism, out var theory))
                {
                    theories[key.Mechanism] = theory = continuumValuesOf(key.Mechanism);
                }

                if (!finiteTheories.TryGetValue(key.Mechanism, out var finite))
                {
                    finiteTheories[key.Mechanism] = finite = finiteValuesOf?.Invoke(key.Mechanism) ?? new Dictionary<string, double>();
                }

                return new SummaryRow(
                    key.Mechanism,
                    key.Metric,
                    MonteCarloSummary.Summarise(values[key].ToArray()),
                    theory.TryGetValue(key.Metric, out var value) ? value : null,
                    finite.TryGetValue(key.Metric, out var finiteValue) ? finiteValue : null);
            })
            .ToArray();
    }
}

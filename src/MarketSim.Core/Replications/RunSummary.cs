using MarketSim.Core.Metrics;

namespace MarketSim.Core.Replications;

/// <summary>
/// Folds the replications of a run into the Monte Carlo summary (docs/theory.md §5). The replications are fed in
/// replication order, twice (<see cref="TwoPassSummary"/>): a run streams them from its journal on disk,
/// so memory does not grow with the replication count.
/// </summary>
public sealed class RunSummary
{
    private readonly List<(string Mechanism, string Metric)> order = [];
    private readonly Dictionary<(string Mechanism, string Metric), TwoPassSummary> summaries = [];

    /// <summary>
    /// One row per (mechanism, metric) in the order the metrics first appear (scenario order, then
    /// each mechanism's fixed metric order), so the summary is a pure function of the results.
    /// </summary>
    public static IReadOnlyList<SummaryRow> Build(
        IReadOnlyList<ReplicationResult> results,
        Func<string, IReadOnlyDictionary<string, double>> continuumValuesOf,
        Func<string, IReadOnlyDictionary<string, double>>? finiteValuesOf = null)
    {
        var ordered = results.OrderBy(result => result.Replication).ToArray();
        var summary = new RunSummary();
        foreach (var result in ordered)
        {
            summary.AddToMeans(result);
        }

        foreach (var result in ordered)
        {
            summary.AddToSpreads(result);
        }

        return summary.Rows(continuumValuesOf, finiteValuesOf);
    }

    /// <summary>First pass: one replication (in replication order).</summary>
    public void AddToMeans(ReplicationResult result)
    {
        foreach (var mechanism in result.Mechanisms)
        {
            foreach (var metric in mechanism.Metrics)
            {
                var key = (mechanism.Mechanism, metric.Name);
                if (!summaries.TryGetValue(key, out var summary))
                {
                    summaries[key] = summary = new TwoPassSummary();
                    order.Add(key);
                }

                summary.AddToMean(metric.Value);
            }
        }
    }

    /// <summary>Second pass: the same replications again, in the same order.</summary>
    public void AddToSpreads(ReplicationResult result)
    {
        foreach (var mechanism in result.Mechanisms)
        {
            foreach (var metric in mechanism.Metrics)
            {
                summaries[(mechanism.Mechanism, metric.Name)].AddToSpread(metric.Value);
            }
        }
    }

    /// <summary>The summary rows, with the continuum value of each metric where the theory gives one.</summary>
    /// <paramref name="finiteValuesOf"/> gives the exact finite-market expectations (<c>theory_finite</c>,
    /// docs/theory.md §2.2) where the mechanism has them.
    public IReadOnlyList<SummaryRow> Rows(
        Func<string, IReadOnlyDictionary<string, double>> continuumValuesOf,
        Func<string, IReadOnlyDictionary<string, double>>? finiteValuesOf = null)
    {
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
                    summaries[key].Result(),
                    theory.TryGetValue(key.Metric, out var value) ? value : null,
                    finite.TryGetValue(key.Metric, out var finiteValue) ? finiteValue : null);
            })
            .ToArray();
    }
}

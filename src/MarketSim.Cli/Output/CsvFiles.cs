using System.Globalization;
using MarketSim.Core.Replications;

namespace MarketSim.Cli.Output;

/// <summary>
/// The run's tidy CSV files (docs/architecture.md): <c>replications.csv</c>
/// (<c>replication,mechanism,metric,value</c>) and <c>summary.csv</c>
/// (<c>mechanism,metric,mean,sd,se,ci_low,ci_high,n,theory,theory_finite</c>: the continuum value
/// and the exact expectation at the scenario's N, docs/finite-markets.md). Numbers are written in the
/// invariant culture with round-trip precision, so the same run gives the same bytes.
/// </summary>
public static class CsvFiles
{
    public const string Replications = "replications.csv";
    public const string Summary = "summary.csv";
    public const string Equilibrium = "equilibrium.csv";

    /// <summary>
    /// <c>equilibrium.csv</c> (<c>mechanism,side,rate,report,residual,maximum_gain</c>): the bid functions the
    /// traders of each CE mechanism report with under <c>behaviour: equilibrium</c> (docs/theory.md §2.4), one
    /// row per grid type, with the solution's largest first-order residual and deviation gain.
    /// </summary>
    public static void WriteEquilibrium(string path, IEnumerable<(string Mechanism, MarketSim.Core.Strategic.DoubleAuctionEquilibrium Equilibrium)> equilibria) =>
        TableCsvFile.Write(
            path,
            ["mechanism", "side", "rate", "report", "residual", "maximum_gain"],
            equilibria.SelectMany(pair => new[] { ("buyers", pair.Equilibrium.Buyers), ("sellers", pair.Equilibrium.Sellers) }
                .SelectMany(side => side.Item2.Types.Zip(side.Item2.Bids, (rate, report) => (IReadOnlyList<string>)
                    [pair.Mechanism, side.Item1, Number(rate), Number(report), Number(pair.Equilibrium.Residual), Number(pair.Equilibrium.MaximumGain)]))));

    /// <summary>Writes the replications as they are enumerated (in replication order: the caller streams them, nothing is buffered).</summary>
    public static void WriteReplications(string path, IEnumerable<ReplicationResult> results) =>
        TableCsvFile.Write(
            path,
            ["replication", "mechanism", "metric", "value"],
            results.SelectMany(result => result.Mechanisms.SelectMany(mechanism =>
                mechanism.Metrics.Select(metric => (IReadOnlyList<string>)
                    [Integer(result.Replication), mechanism.Mechanism, metric.Name, Number(metric.Value)]))));

    public static void WriteSummary(string path, IEnumerable<SummaryRow> rows) =>
        TableCsvFile.Write(
            path,
            ["mechanism", "metric", "mean", "sd", "se", "ci_low", "ci_high", "n", "theory", "theory_finite"],
            rows.Select(row => (IReadOnlyList<string>)
            [
                row.Mechanism,
                row.Metric,
                Number(row.Statistics.Mean),
                Number(row.Statistics.StandardDeviation),
                Number(row.Statistics.StandardError),
                Number(row.Statistics.ConfidenceLow),
                Number(row.Statistics.ConfidenceHigh),
                Integer(row.Statistics.Count),
                row.Theory is { } theory ? Number(theory) : string.Empty,
                row.TheoryFinite is { } finite ? Number(finite) : string.Empty,
            ]));

    /// <summary>Shortest round-trip form ("R"); NaN and infinities as NaN, Infinity, -Infinity.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);
}

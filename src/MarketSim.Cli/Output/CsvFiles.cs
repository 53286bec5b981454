using System.Globalization;
using CsvHelper;
using MarketSim.Core.Replications;

namespace MarketSim.Cli.Output;

/// <summary>
/// The run's tidy CSV files (ARCHITECTURE.md): <c>replications.csv</c>
/// (<c>replication,mechanism,metric,value</c>) and <c>summary.csv</c>
/// (<c>mechanism,metric,mean,sd,se,ci_low,ci_high,n,theory</c>). Numbers are written in the
/// invariant culture with round-trip precision, so the same run gives the same bytes.
/// </summary>
public static class CsvFiles
{
    public const string Replications = "replications.csv";
    public const string Summary = "summary.csv";

    /// <summary>RFC 4180 quoting with Unix line ends and the invariant culture.</summary>
    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };

    public static void WriteReplications(string path, IEnumerable<ReplicationResult> results) =>
        AtomicFile.Write(path, stream => WriteCsv(stream, ["replication", "mechanism", "metric", "value"], csv =>
        {
            foreach (var result in results.OrderBy(result => result.Replication))
            {
                foreach (var mechanism in result.Mechanisms)
                {
                    foreach (var metric in mechanism.Metrics)
                    {
                        csv.WriteField(result.Replication.ToString(CultureInfo.InvariantCulture));
                        csv.WriteField(mechanism.Mechanism);
                        csv.WriteField(metric.Name);
                        csv.WriteField(Number(metric.Value));
                        csv.EndRecord();
                    }
                }
            }
        }));

    public static void WriteSummary(string path, IEnumerable<SummaryRow> rows) =>
        AtomicFile.Write(path, stream => WriteCsv(stream, ["mechanism", "metric", "mean", "sd", "se", "ci_low", "ci_high", "n", "theory"], csv =>
        {
            foreach (var row in rows)
            {
                var statistics = row.Statistics;
                csv.WriteField(row.Mechanism);
                csv.WriteField(row.Metric);
                csv.WriteField(Number(statistics.Mean));
                csv.WriteField(Number(statistics.StandardDeviation));
                csv.WriteField(Number(statistics.StandardError));
                csv.WriteField(Number(statistics.ConfidenceLow));
                csv.WriteField(Number(statistics.ConfidenceHigh));
                csv.WriteField(statistics.Count.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(row.Theory is { } theory ? Number(theory) : string.Empty);
                csv.EndRecord();
            }
        }));

    /// <summary>Shortest round-trip form ("R"); NaN and infinities as NaN, Infinity, -Infinity.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void WriteCsv(Stream stream, string[] header, Action<CsvWriter> body)
    {
        using var writer = new StreamWriter(stream, leaveOpen: true);
        using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        foreach (var name in header)
        {
            csv.WriteField(name);
        }

        csv.EndRecord();
        body(csv);
        csv.Flush();
    }
}

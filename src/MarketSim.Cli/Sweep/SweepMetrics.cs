using System.Text;
using System.Text.Json.Nodes;
using MarketSim.Core.Replications;

namespace MarketSim.Cli.Sweep;

/// <summary>
/// What <c>sweep</c> records per point. From the solver (the <c>solve --json</c> report): every number
/// of each mechanism's entry (welfare, volume, revenue, multiplier, lump sums; menus left out) and the
/// market diagnostics under the mechanism name <c>diagnostics</c> (booleans as 1/0), names in
/// snake_case joined by '_' (<c>lumpSum.sellers</c> -> <c>lump_sum_sellers</c>). With <c>--simulate</c>:
/// <c>simulated_&lt;metric&gt;</c> (the Monte Carlo mean) and <c>simulated_&lt;metric&gt;_se</c> per metric.
/// </summary>
internal static class SweepMetrics
{
    public const string Diagnostics = "diagnostics";

    public static void FromReport(JsonObject report, List<(string Mechanism, string Metric, double Value)> rows)
    {
        if (report["diagnostics"] is JsonObject diagnostics)
        {
            Flatten(Diagnostics, string.Empty, diagnostics, rows);
        }

        foreach (var mechanism in report["mechanisms"]!.AsArray().OfType<JsonObject>())
        {
            var name = mechanism["name"]!.GetValue<string>();
            foreach (var (key, value) in mechanism)
            {
                if (key is not ("name" or "buyers" or "sellers") && value is not null)
                {
                    Flatten(name, SnakeCase(key), value, rows);
                }
            }
        }
    }

    public static void FromSummary(IEnumerable<SummaryRow> summary, List<(string Mechanism, string Metric, double Value)> rows)
    {
        foreach (var row in summary)
        {
            rows.Add((row.Mechanism, "simulated_" + row.Metric, row.Statistics.Mean));
            rows.Add((row.Mechanism, "simulated_" + row.Metric + "_se", row.Statistics.StandardError));
        }
    }

    private static void Flatten(string mechanism, string prefix, JsonNode node, List<(string, string, double)> rows)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (child is not null)
                    {
                        Flatten(mechanism, prefix.Length == 0 ? SnakeCase(key) : prefix + "_" + SnakeCase(key), child, rows);
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<double>(out var number):
                rows.Add((mechanism, prefix, number));
                break;
            case JsonValue value when value.TryGetValue<bool>(out var flag):
                rows.Add((mechanism, prefix, flag ? 1.0 : 0.0));
                break;
        }
    }

    public static string SnakeCase(string camel)
    {
        var builder = new StringBuilder(camel.Length + 4);
        foreach (var character in camel)
        {
            if (char.IsUpper(character))
            {
                if (builder.Length > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(character));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using MarketSim.Cli.Output;
using MarketSim.Cli.Scenarios;
using MarketSim.Core.Metrics;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;

namespace MarketSim.Cli.Report;

/// <summary>
/// <c>report.html</c>: one self-contained page (inline CSS and SVG, no script, no network) with the
/// welfare of each mechanism, the paired difference to CE, utilities by value-for-money decile, the
/// summary table with CIs and continuum values, and the scenario. A pure function of the scenario and
/// the summary: no timestamps or paths, so identical runs give identical bytes (the manifest has the rest).
/// </summary>
public static class HtmlReport
{
    public const string FileName = "report.html";

    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 64em; color: #222; padding: 0 1em; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; }
        table { border-collapse: collapse; font-size: 0.85em; font-variant-numeric: tabular-nums; }
        th, td { padding: 0.2em 0.7em; text-align: right; border-bottom: 1px solid #eee; }
        th:first-child, td:first-child, th:nth-child(2), td:nth-child(2) { text-align: left; }
        tr.first td { border-top: 2px solid #bbb; }
        pre { background: #f6f6f6; padding: 1em; overflow-x: auto; font-size: 0.85em; }
        p.note { color: #555; font-size: 0.9em; }
        svg { display: block; margin: 1em 0; max-width: 100%; height: auto; }
        svg text { font-family: inherit; fill: #222; }
        svg .title { font-size: 14px; font-weight: 600; }
        svg .tick, svg .legend { font-size: 11px; } svg .label, svg .axis { font-size: 12px; }
        svg .grid { stroke: #e3e3e3; stroke-width: 1; }
        svg .reference { stroke: #555; stroke-width: 1.2; stroke-dasharray: 5 4; }
        svg .theory { fill: none; stroke: #222; stroke-width: 1.6; }
        """;

    public static void Write(string path, LoadedScenario loaded, Scenario scenario, IReadOnlyList<SummaryRow> summary) =>
        AtomicFile.WriteText(path, Build(File.ReadAllText(loaded.File), loaded.Sha256, scenario, summary));

    /// <summary>The page for a scenario (its YAML text and hash, with the run's seed and replications) and its summary.</summary>
    public static string Build(string scenarioYaml, string scenarioSha256, Scenario scenario, IReadOnlyList<SummaryRow> summary)
    {
        var mechanisms = summary.Select(row => row.Mechanism).Distinct().ToArray();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>MarketSim report: {Encode(scenario.Name)}</title>\n<style>\n{Style}</style>\n</head>\n<body>\n");
        html.Append($"<h1>MarketSim report: {Encode(scenario.Name)}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Seed {scenario.Seed}, {scenario.Replications} replications");
        if (scenario.Market is { } market)
        {
            html.Append(CultureInfo.InvariantCulture, $", {market.Sellers} sellers and {market.BuyersPerSeller} buyers per seller");
        }

        html.Append($"; mechanisms: {Encode(string.Join(", ", mechanisms))}. Written by marketsim {Encode(Manifest.ToolVersion)}.</p>\n");
        html.Append("<p class=\"note\">Means over replications with 95% confidence intervals (bars); hollow diamonds are the continuum values of the theory where it gives one. Welfare is per seller (docs/theory.md §5).</p>\n");

        html.Append("<h2>Welfare by mechanism</h2>\n");
        html.Append(IntervalChart.Render("welfare per seller", "welfare", Intervals(summary, mechanisms, "welfare"), reference: null));
        html.Append("<h2>Paired difference to competitive equilibrium</h2>\n");
        html.Append("<p class=\"note\">Welfare minus that of the competitive equilibrium cleared on the same draws (welfare_minus_ce); right of the dashed line the mechanism beats CE.</p>\n");
        html.Append(IntervalChart.Render("welfare minus CE per seller (paired)", "welfare_minus_ce", Intervals(summary, mechanisms, "welfare_minus_ce"), reference: 0));

        html.Append("<h2>Utilities by value-for-money decile</h2>\n");
        html.Append("<p class=\"note\">Agents of both sides ranked by value for money v^M; decile 10 holds the tenth with the highest v^M (the poorest). Each point is the mean over replications of the decile's mean money-metric utility (lump sums included), in money.</p>\n");
        var deciles = mechanisms
            .Select(mechanism => (mechanism, (IReadOnlyList<ChartInterval>)Intervals(summary, [mechanism], OutcomeMetrics.DecileNames)))
            .Where(item => item.Item2.Count > 0)
            .ToArray();
        html.Append(DecileChart.Render("mean money-metric utility by decile of v^M", deciles));

        html.Append("<h2>Summary</h2>\n");
        html.Append("<p class=\"note\">theory is the continuum (N &rarr; &infin;) value; theory_finite is the exact expectation at this scenario's N, which differs because each side's demand is a binomial count and only min(k_B, k_S) trades happen, so a posted mechanism loses about (1/2) sqrt(N/&pi;) trades (docs/finite-markets.md).</p>\n");
        AppendSummaryTable(html, summary);

        html.Append("<h2>Scenario</h2>\n");
        html.Append($"<p class=\"note\">Scenario file SHA-256 {Encode(scenarioSha256)}; seed and replications above are the run's (command-line options override the file).</p>\n");
        html.Append($"<pre>{Encode(scenarioYaml)}</pre>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static List<ChartInterval> Intervals(IReadOnlyList<SummaryRow> summary, IReadOnlyList<string> mechanisms, string metric) =>
        Intervals(summary, mechanisms, [metric]);

    /// <summary>One interval per (mechanism, metric) present in the summary, mechanisms outer.</summary>
    private static List<ChartInterval> Intervals(IReadOnlyList<SummaryRow> summary, IReadOnlyList<string> mechanisms, IReadOnlyList<string> metrics)
    {
        var rows = summary.ToDictionary(row => (row.Mechanism, row.Metric));
        var intervals = new List<ChartInterval>();
        foreach (var mechanism in mechanisms)
        {
            foreach (var metric in metrics)
            {
                if (rows.TryGetValue((mechanism, metric), out var row))
                {
                    var statistics = row.Statistics;
                    intervals.Add(new ChartInterval(mechanism, statistics.Mean, statistics.ConfidenceLow, statistics.ConfidenceHigh, row.Theory));
                }
            }
        }

        return intervals;
    }

    private static void AppendSummaryTable(StringBuilder html, IReadOnlyList<SummaryRow> summary)
    {
        html.Append("<table>\n<thead><tr><th>mechanism</th><th>metric</th><th>mean</th><th>95% CI</th><th>theory</th><th>theory_finite</th><th>sd</th><th>n</th></tr></thead>\n<tbody>\n");
        string? previous = null;
        foreach (var row in summary)
        {
            var statistics = row.Statistics;
            var first = row.Mechanism != previous;
            previous = row.Mechanism;
            html.Append(first ? "<tr class=\"first\">" : "<tr>")
                .Append($"<td>{(first ? Encode(row.Mechanism) : string.Empty)}</td><td>{Encode(row.Metric)}</td>")
                .Append($"<td>{Format(statistics.Mean)}</td><td>[{Format(statistics.ConfidenceLow)}, {Format(statistics.ConfidenceHigh)}]</td>")
                .Append($"<td>{(row.Theory is { } theory ? Format(theory) : string.Empty)}</td>")
                .Append($"<td>{(row.TheoryFinite is { } finite ? Format(finite) : string.Empty)}</td><td>{Format(statistics.StandardDeviation)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{statistics.Count}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

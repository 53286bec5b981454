using System.Globalization;
using MarketSim.Core.Replications;
using Spectre.Console;

namespace MarketSim.Cli.Commands;

/// <summary>The end-of-run table: the headline metrics of each mechanism with their 95% CI and the continuum value.</summary>
internal static class SummaryTable
{
    private static readonly string[] Headline =
        [
            "welfare", "welfare_minus_ce", "efficiency", "volume", "revenue", "budget_surplus", "gini_money_metric_utility", "poorest_fifth_welfare_share",
            // docs/theory.md §3 pairs and docs/theory.md §4 groups
            "realized_gains", "buyer_utility", "seller_utility", "revenue_per_pair", "ex_post_ir_violations",
            "utility_utils", "utility_money", "transfer_sum_max_abs",
        ];

    public static void Show(IAnsiConsole console, string scenario, IReadOnlyList<SummaryRow> rows)
    {
        var table = new Table().Title($"{scenario}: mean over replications, 95% CI, continuum value")
            .AddColumns("mechanism", "metric", "mean", "95% CI", "theory", "n");
        foreach (var row in rows.Where(row => Headline.Contains(row.Metric)))
        {
            var statistics = row.Statistics;
            table.AddRow(
                Markup.Escape(row.Mechanism),
                row.Metric,
                Format(statistics.Mean),
                Markup.Escape($"[{Format(statistics.ConfidenceLow)}, {Format(statistics.ConfidenceHigh)}]"),
                row.Theory is { } theory ? Format(theory) : "",
                statistics.Count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}

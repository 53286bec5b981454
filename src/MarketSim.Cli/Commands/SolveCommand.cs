using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MarketSim.Cli.Scenarios;
using Spectre.Console;

namespace MarketSim.Cli.Commands;

/// <summary>
/// <c>solve &lt;scenario&gt; [--json]</c>: the continuum theory of every mechanism of the scenario. With
/// <c>--json</c>, one JSON object on standard output and nothing else; otherwise readable tables.
/// </summary>
public static class SolveCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static int Execute(string scenarioFile, bool json, IAnsiConsole console, TextWriter output, CancellationToken cancellationToken = default)
    {
        var loaded = ScenarioLoader.Load(scenarioFile);
        var report = SolveReport.Build(loaded.Scenario, cancellationToken);
        if (json)
        {
            output.WriteLine(report.ToJsonString(Indented));
            return ExitCodes.Success;
        }

        Show(console, report);
        return ExitCodes.Success;
    }

    private static void Show(IAnsiConsole console, JsonObject report)
    {
        console.MarkupLineInterpolated($"[bold]{report["scenario"]!.GetValue<string>()}[/]: continuum theory");
        if (report["diagnostics"] is JsonObject diagnostics)
        {
            console.WriteLine("Two-sided market (per unit mass of sellers):");
            var equilibrium = diagnostics["competitiveEquilibrium"]!;
            var lambda = diagnostics["lambda"]!;
            var inequality = diagnostics["sameSideInequality"]!;
            console.WriteLine(
                $"Lambda_B = {Format(lambda["buyers"])}, Lambda_S = {Format(lambda["sellers"])}; " +
                $"p_CE = {Format(equilibrium["price"])}, CE optimal: {equilibrium["optimal"]}; " +
                $"same-side inequality: buyers {inequality["buyers"]}, sellers {inequality["sellers"]}");
        }

        var entries = report["mechanisms"]!.AsArray().OfType<JsonObject>().ToArray();
        ShowTwoSided(console, entries.Where(entry => entry.ContainsKey("volume")).ToArray());
        ShowMultiObject(console, entries.Where(entry => entry.ContainsKey("thresholds")).ToArray());
        ShowAuctions(console, entries.Where(entry => entry.ContainsKey("lumpSums")).ToArray());
    }

    private static void ShowTwoSided(IAnsiConsole console, IReadOnlyList<JsonObject> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumns("mechanism", "class", "welfare", "volume", "revenue", "lump sum (B / S)", "buyers' menu", "sellers' menu");
        foreach (var mechanism in entries)
        {
            table.AddRow(
                Markup.Escape(mechanism["name"]!.GetValue<string>()),
                Markup.Escape(mechanism["class"]?.GetValue<string>() ?? ""),
                Format(mechanism["welfare"]),
                Format(mechanism["volume"]),
                Format(mechanism["revenue"]),
                $"{Format(mechanism["lumpSum"]?["buyers"])} / {Format(mechanism["lumpSum"]?["sellers"])}",
                Markup.Escape(MenuText(mechanism["buyers"]?["menu"])),
                Markup.Escape(MenuText(mechanism["sellers"]?["menu"])));
        }

        console.Write(table);
    }

    /// <summary>Issue 6: thresholds (M, sigma) per side, values per pair.</summary>
    private static void ShowMultiObject(IAnsiConsole console, IReadOnlyList<JsonObject> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var table = new Table().Title("multi-object threshold mechanisms (per pair)")
            .AddColumns("mechanism", "buyer (M, sigma)", "seller (M, sigma)", "worst-type payment (B / S)", "utility (B / S)", "gains", "first best", "efficiency", "frontier vertices");
        foreach (var entry in entries)
        {
            var thresholds = entry["thresholds"]!;
            table.AddRow(
                Markup.Escape(entry["name"]!.GetValue<string>()),
                ThresholdText(thresholds["buyer"]!),
                ThresholdText(thresholds["seller"]!),
                $"{Format(entry["worstTypePayment"]!["buyer"])} / {Format(entry["worstTypePayment"]!["seller"])}",
                $"{Format(entry["utility"]!["buyer"])} / {Format(entry["utility"]!["seller"])}",
                Format(entry["gainsFromTrade"]),
                Format(entry["firstBest"]),
                Format(entry["efficiency"]),
                entry["frontier"]!.AsArray().Count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }

    /// <summary>Issue 7: multiplier, surplus, welfare, lump sums and each player's type thresholds.</summary>
    private static void ShowAuctions(IAnsiConsole console, IReadOnlyList<JsonObject> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var table = new Table().Title("redistributive auctions (per group)")
            .AddColumns("mechanism", "multiplier", "surplus", "welfare", "lump sums", "player thresholds (pool up to, bad below, good above, reserve)");
        foreach (var entry in entries)
        {
            var players = entry["players"]!.AsArray().Select((player, i) =>
                $"{i}: {Threshold(player!["poolUpTo"])}, {Threshold(player["badBelow"])}, {Threshold(player["goodAbove"])}, {Threshold(player["reserve"])}");
            table.AddRow(
                Markup.Escape(entry["name"]!.GetValue<string>()),
                Format(entry["multiplier"]),
                Format(entry["surplus"]),
                Format(entry["welfare"]),
                string.Join(" / ", entry["lumpSums"]!.AsArray().Select(Format)),
                Markup.Escape(string.Join("; ", players)));
        }

        console.Write(table);
    }

    private static string ThresholdText(JsonNode side) => $"{side["M"]}, {Format(side["sigma"])}";

    private static string MenuText(JsonNode? menu) => menu is JsonArray options
        ? string.Join("; ", options.Select(option => $"{Format(option!["price"])} w.p. {Format(option["probability"])}"))
        : "";

    private static string Format(JsonNode? node) =>
        node is null ? "" : node.GetValue<double>().ToString("G5", CultureInfo.InvariantCulture);

    /// <summary>A threshold; null (an empty region) as "-".</summary>
    private static string Threshold(JsonNode? node) => node is null ? "-" : Format(node);
}

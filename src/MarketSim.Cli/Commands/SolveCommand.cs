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

    public static int Execute(string scenarioFile, bool json, IAnsiConsole console, TextWriter output)
    {
        var loaded = ScenarioLoader.Load(scenarioFile);
        var report = SolveReport.Build(loaded.Scenario);
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
        console.MarkupLineInterpolated($"[bold]{report["scenario"]!.GetValue<string>()}[/]: continuum theory (per unit mass of sellers)");
        if (report["diagnostics"] is JsonObject diagnostics)
        {
            var equilibrium = diagnostics["competitiveEquilibrium"]!;
            var lambda = diagnostics["lambda"]!;
            var inequality = diagnostics["sameSideInequality"]!;
            console.WriteLine(
                $"Lambda_B = {Format(lambda["buyers"])}, Lambda_S = {Format(lambda["sellers"])}; " +
                $"p_CE = {Format(equilibrium["price"])}, CE optimal: {equilibrium["optimal"]}; " +
                $"same-side inequality: buyers {inequality["buyers"]}, sellers {inequality["sellers"]}");
        }

        var table = new Table().AddColumns("mechanism", "class", "welfare", "volume", "revenue", "lump sum (B / S)", "buyers' menu", "sellers' menu");
        foreach (var mechanism in report["mechanisms"]!.AsArray().OfType<JsonObject>())
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

    private static string MenuText(JsonNode? menu) => menu is JsonArray options
        ? string.Join("; ", options.Select(option => $"{Format(option!["price"])} w.p. {Format(option["probability"])}"))
        : "";

    private static string Format(JsonNode? node) =>
        node is null ? "" : node.GetValue<double>().ToString("G5", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json;
using MarketSim.Cli.Scenarios;
using MarketSim.Core.MultiObject;
using MarketSim.Core.RedistributiveAuctions;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Solutions;
using MarketSim.Core.Theory.Solver;
using Spectre.Console;

namespace MarketSim.Cli.Commands;

/// <summary>
/// <c>solve &lt;scenario&gt; [--json]</c>: the continuum theory of every mechanism of the scenario
/// (<see cref="ScenarioTheory.Solve"/>, solved once). With <c>--json</c>, one JSON object on standard output
/// and nothing else (<see cref="SolveReport"/>); otherwise readable tables.
/// </summary>
public static class SolveCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static int Execute(string scenarioFile, bool json, IAnsiConsole console, TextWriter output, CancellationToken cancellationToken = default)
    {
        var loaded = ScenarioLoader.Load(scenarioFile);
        var solution = ScenarioTheory.Solve(loaded.Scenario, cancellationToken);
        if (json)
        {
            output.WriteLine(SolveReport.ToJson(solution).ToJsonString(Indented));
            return ExitCodes.Success;
        }

        Show(console, solution);
        return ExitCodes.Success;
    }

    private static void Show(IAnsiConsole console, ScenarioSolution solution)
    {
        console.MarkupLineInterpolated($"[bold]{solution.Scenario}[/]: continuum theory");
        if (solution.Diagnostics is { } diagnostics)
        {
            console.WriteLine("Two-sided market (per unit mass of sellers):");
            console.WriteLine(
                $"Lambda_B = {Format(diagnostics.BuyerMeanParetoWeight)}, Lambda_S = {Format(diagnostics.SellerMeanParetoWeight)}; " +
                $"p_CE = {Format(diagnostics.CompetitiveEquilibriumPrice)}; " +
                $"same-side inequality: buyers {Lower(diagnostics.BuyerInequality)}, sellers {Lower(diagnostics.SellerInequality)}");
            foreach (var line in OptimalityConditionsReport.Lines(diagnostics.Conditions))
            {
                console.WriteLine(line);
            }
        }

        ShowTwoSided(console, solution.Mechanisms.OfType<TwoSidedSolution>().ToArray());
        ShowMultiObject(console, solution.Mechanisms.OfType<MultiObjectSolution>().ToArray());
        ShowAuctions(console, solution.Mechanisms.OfType<RedistributiveAuctionSolution>().ToArray());
    }

    private static void ShowTwoSided(IAnsiConsole console, IReadOnlyList<TwoSidedSolution> mechanisms)
    {
        if (mechanisms.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumns("mechanism", "class", "form", "welfare", "volume", "revenue", "lump sum (B / S)", "buyers' menu", "sellers' menu");
        foreach (var mechanism in mechanisms)
        {
            table.AddRow(
                Markup.Escape(mechanism.Name),
                Markup.Escape(mechanism.Class ?? ""),
                Markup.Escape(mechanism.Form is { } form ? MechanismFormNames.Key(form) : ""),
                Format(mechanism.Welfare),
                Format(mechanism.Volume),
                Format(mechanism.Revenue),
                $"{Format(mechanism.LumpSum.Buyers)} / {Format(mechanism.LumpSum.Sellers)}",
                Markup.Escape(MenuText(mechanism.BuyerMenu)),
                Markup.Escape(MenuText(mechanism.SellerMenu)));
        }

        console.Write(table);
    }

    /// <summary>Issue 6: thresholds (M, sigma) per side, values per pair.</summary>
    private static void ShowMultiObject(IAnsiConsole console, IReadOnlyList<MultiObjectSolution> mechanisms)
    {
        if (mechanisms.Count == 0)
        {
            return;
        }

        var table = new Table().Title("multi-object threshold mechanisms (per pair)")
            .AddColumns("mechanism", "buyer (M, sigma)", "seller (M, sigma)", "worst-type payment (B / S)", "utility (B / S)", "gains", "first best", "efficiency", "frontier vertices");
        foreach (var mechanism in mechanisms)
        {
            table.AddRow(
                Markup.Escape(mechanism.Name),
                ThresholdText(mechanism.Thresholds.Buyer),
                ThresholdText(mechanism.Thresholds.Seller),
                $"{Format(mechanism.WorstTypePayment.Buyer)} / {Format(mechanism.WorstTypePayment.Seller)}",
                $"{Format(mechanism.Utility.Buyer)} / {Format(mechanism.Utility.Seller)}",
                Format(mechanism.GainsFromTrade),
                Format(mechanism.FirstBest),
                Format(mechanism.Efficiency),
                mechanism.Frontier.Count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }

    /// <summary>Issue 7: multiplier, surplus, welfare, lump sums and each player's type thresholds.</summary>
    private static void ShowAuctions(IAnsiConsole console, IReadOnlyList<RedistributiveAuctionSolution> mechanisms)
    {
        if (mechanisms.Count == 0)
        {
            return;
        }

        var table = new Table().Title("redistributive auctions (per group)")
            .AddColumns("mechanism", "multiplier", "surplus", "welfare", "lump sums", "player thresholds (pool up to, bad below, good above, reserve)");
        foreach (var mechanism in mechanisms)
        {
            var players = mechanism.Players.Select((player, i) =>
                $"{i}: {Threshold(player.PoolUpTo)}, {Threshold(player.BadBelow)}, {Threshold(player.GoodAbove)}, {Threshold(player.Reserve)}");
            table.AddRow(
                Markup.Escape(mechanism.Name),
                Format(mechanism.Multiplier),
                Format(mechanism.Surplus),
                Format(mechanism.Welfare),
                string.Join(" / ", mechanism.LumpSums.Select(Format)),
                Markup.Escape(string.Join("; ", players)));
        }

        console.Write(table);
    }

    private static string ThresholdText(ThresholdForm side) => $"{side.M.ToString(CultureInfo.InvariantCulture)}, {Format(side.Sigma)}";

    private static string MenuText(IEnumerable<MenuOption> menu) =>
        string.Join("; ", menu.Select(option => $"{Format(option.Price)} w.p. {Format(option.Probability)}"));

    private static string Format(double value) => SolveReport.Format(value);

    /// <summary>A threshold; null (an empty region) as "-".</summary>
    private static string Threshold(double? value) => value is { } number ? Format(number) : "-";

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}

using System.Diagnostics;
using MarketSim.Cli.Figures;
using MarketSim.Cli.Output;
using MarketSim.Cli.Scenarios;
using Spectre.Console;

namespace MarketSim.Cli.Commands;

/// <summary>
/// <c>figure &lt;name|all&gt; [--out DIR]</c>: draws a figure of the papers (PNG), with the tidy CSV
/// behind it and a manifest, into DIR (default <c>output/figures/&lt;name&gt;/</c>; with <c>all</c>,
/// one sub-folder per figure under DIR).
/// </summary>
internal static class FigureCommand
{
    public static int Execute(string name, string? outputFolder, FigureOptions options, string convergenceScenario, bool force, IAnsiConsole console)
    {
        var catalog = FigureCatalog.Create(convergenceScenario);
        IReadOnlyList<IFigure> selected = name == FigureCatalog.All
            ? catalog
            : catalog.Where(figure => figure.Name == name).ToArray() is { Length: 1 } one
                ? one
                : throw new InvalidInputException("(command line)", "figure", $"unknown figure '{name}'; expected one of: {string.Join(", ", catalog.Select(f => f.Name))}, all");
        if (options.MapGridSize < 2 || options.ConvergenceReplications < 1)
        {
            throw new InvalidInputException("(command line)", "--grid/--replications", "--grid must be at least 2 and --replications at least 1");
        }

        if (selected.Any(figure => figure is ConvergenceFigure))
        {
            ConvergenceFigure.CheckScenario(convergenceScenario);
        }

        string FolderOf(IFigure figure) => outputFolder is null
            ? Path.Combine("output", "figures", figure.Name)
            : name == FigureCatalog.All ? Path.Combine(outputFolder, figure.Name) : outputFolder;

        // Every folder is checked before the first figure is drawn: a refusal leaves nothing half done.
        foreach (var figure in selected)
        {
            OutputFolder.Claim(FolderOf(figure), "figure " + figure.Name, null, force);
        }

        foreach (var figure in selected)
        {
            var folder = FolderOf(figure);
            var startedAt = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var result = figure.Render(options);
            var timings = new Dictionary<string, double>(result.Timings) { ["compute"] = clock.Elapsed.TotalSeconds };
            var files = FigureWriter.Write(folder, figure, result, startedAt, timings);
            console.MarkupLineInterpolated($"[bold]{figure.Name}[/] ({figure.Description}): wrote {folder}: {string.Join(", ", files)} ({clock.Elapsed.TotalSeconds:0.0} s).");
        }

        return ExitCodes.Success;
    }
}

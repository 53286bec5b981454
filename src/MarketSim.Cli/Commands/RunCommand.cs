using System.Diagnostics;
using MarketSim.Cli.Output;
using MarketSim.Cli.Scenarios;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Running;
using Spectre.Console;

namespace MarketSim.Cli.Commands;

/// <summary>
/// <c>run</c>: Monte Carlo simulation of a scenario through the actor pipeline, then
/// <c>replications.csv</c>, <c>summary.csv</c> and <c>manifest.json</c> in the output folder.
/// </summary>
public static class RunCommand
{
    /// <summary>Runs shorter than this show no progress bar.</summary>
    private static readonly TimeSpan ProgressDelay = TimeSpan.FromSeconds(1);

    public static async Task<int> ExecuteAsync(RunOptions options, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var timings = new Dictionary<string, double>();

        var loaded = ScenarioLoader.Load(options.ScenarioFile);
        var scenario = loaded.Scenario with
        {
            Seed = options.Seed ?? loaded.Scenario.Seed,
            Replications = options.Replications ?? loaded.Scenario.Replications,
        };
        // In a cluster the coordinator works only when asked to (--workers): README "Cluster".
        var workers = options.Workers ?? (options.Cluster is null ? Environment.ProcessorCount : 0);
        CheckOption("--replications", scenario.Replications);
        if (options.Cluster is null || options.Workers is not null)
        {
            CheckOption("--workers", workers);
        }
        if (options.CohortSize is { } cohortSize)
        {
            CheckOption("--cohort-size", cohortSize);
        }

        var folder = options.OutputFolder ?? Path.Combine("output", scenario.Name);
        var model = new MarketModel(scenario);
        timings["load"] = clock.Elapsed.TotalSeconds;

        var simulationStart = clock.Elapsed;
        var results = options.Cluster is { } cluster
            ? await ClusterCoordination.RunAsync(loaded, scenario, model, cluster, workers, console, cancellationToken)
            : await SimulateWithProgressAsync(
                model, new SimulationOptions(scenario.Replications, workers, options.CohortSize), console, cancellationToken);
        timings["simulate"] = (clock.Elapsed - simulationStart).TotalSeconds;

        var writeStart = clock.Elapsed;
        var summary = RunSummary.Build(results, model.ContinuumValuesOf);
        Directory.CreateDirectory(folder);
        CsvFiles.WriteReplications(Path.Combine(folder, CsvFiles.Replications), results);
        CsvFiles.WriteSummary(Path.Combine(folder, CsvFiles.Summary), summary);
        timings["write"] = (clock.Elapsed - writeStart).TotalSeconds;
        timings["wall"] = clock.Elapsed.TotalSeconds;
        Manifest.Create("run", loaded, scenario.Seed, scenario.Replications, workers, startedAt, timings, folder,
            [CsvFiles.Replications, CsvFiles.Summary]).Write(folder);

        SummaryTable.Show(console, scenario.Name, summary);
        console.MarkupLineInterpolated($"Wrote [bold]{folder}[/]: {CsvFiles.Replications}, {CsvFiles.Summary}, {Manifest.FileName} ({clock.Elapsed.TotalSeconds:0.0} s).");
        return ExitCodes.Success;
    }

    private static void CheckOption(string option, int value)
    {
        if (value < 1)
        {
            throw new InvalidInputException("(command line)", option, $"must be at least 1 (found {value})");
        }
    }

    /// <summary>Runs the simulation; if it lasts longer than a second and the console is interactive, shows a progress bar.</summary>
    private static async Task<IReadOnlyList<ReplicationResult>> SimulateWithProgressAsync(
        MarketModel model, SimulationOptions options, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var completed = 0;
        var simulation = SimulationRunner.RunAsync(model, options, _ => Interlocked.Increment(ref completed), cancellationToken);
        var finishedQuickly = await Task.WhenAny(simulation, Task.Delay(ProgressDelay, CancellationToken.None)) == simulation;
        if (finishedQuickly || !console.Profile.Capabilities.Interactive)
        {
            return await simulation;
        }

        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"replications of {model.Scenario.Name}", maxValue: options.Replications);
                while (!simulation.IsCompleted)
                {
                    task.Value = Volatile.Read(ref completed);
                    await Task.WhenAny(simulation, Task.Delay(100, CancellationToken.None));
                }

                task.Value = Volatile.Read(ref completed);
            });
        return await simulation;
    }
}

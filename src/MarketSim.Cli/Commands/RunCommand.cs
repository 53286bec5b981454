using MarketSim.Cli.Options;
using System.Diagnostics;
using MarketSim.Cli.Output;
using MarketSim.Cli.Report;
using MarketSim.Cli.Resume;
using MarketSim.Cli.Scenarios;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Running;
using Spectre.Console;
using MarketSim.Simulation;

namespace MarketSim.Cli.Commands;

/// <summary>
/// <c>run</c>: Monte Carlo simulation of a scenario through the actor pipeline, then
/// <c>replications.csv</c>, <c>summary.csv</c>, <c>report.html</c> and <c>manifest.json</c> in the
/// output folder. Finished replications go to a journal as they complete, so an interrupted run
/// continues with <c>--resume</c> (docs/running.md).
/// </summary>
public static class RunCommand
{
    public static Task<int> ExecuteAsync(RunOptions options, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken) =>
        ExecuteAsync(options, console, error, SimulationRunner.RunAsync, cancellationToken);

    /// <summary>As the public overload, with the simulation as a seam (tests make a replication fail through it).</summary>
    internal static async Task<int> ExecuteAsync(
        RunOptions options,
        IAnsiConsole console,
        TextWriter error,
        Func<MarketModel, SimulationOptions, Action<ReplicationResult>?, CancellationToken, Task<IReadOnlyList<ReplicationResult>>> simulate,
        CancellationToken cancellationToken)
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
        // In a cluster the coordinator works only when asked to (--workers): docs/cluster.md.
        var workers = options.Workers ?? (options.Cluster is null ? Environment.ProcessorCount : 0);
        CheckOption("--replications", scenario.Replications, InputLimits.MaxReplications);
        if (options.Cluster is null || options.Workers is not null)
        {
            CheckOption("--workers", workers, int.MaxValue);
        }
        if (options.CohortSize is { } cohortSize)
        {
            CheckOption("--cohort-size", cohortSize, int.MaxValue);
        }

        if (options.Cluster is { } clusterToCheck)
        {
            ClusterCoordination.CheckOptions(clusterToCheck); // a taken port: exit 2 before anything is written
        }

        // Admission control, then the model (which solves the continuum), then the folder: a run that
        // cannot fit or whose numbers overflow is refused before anything is allocated or written.
        MemoryAdmission.Check(loaded.File, scenario, Math.Min(Math.Max(workers, 1), scenario.Replications), options.MaxMemoryBytes);
        var model = ModelChecks.Build(loaded, scenario);
        var folder = options.OutputFolder ?? Path.Combine("output", scenario.Name);
        OutputFolder.Claim(folder, "run", loaded.File, options.Force);
        var header = JournalHeader.For(loaded.Sha256, scenario.Seed, scenario.Replications, Manifest.ToolVersion);
        var (journal, _) = JournaledWork.Open(options.Resume, folder, header, error); // the journal on disk holds the earlier units; memory holds none
        timings["load"] = clock.Elapsed.TotalSeconds;

        var simulationStart = clock.Elapsed;
        var missing = journal.Missing;
        var simulation = new SimulationOptions(scenario.Replications, workers, options.CohortSize) { ReplicationsToRun = missing, KeepResults = false };
        using (journal)
        {
            try
            {
                var completed = await journal.RunAsync(
                    async () =>
                    {
                        if (options.Cluster is { } cluster)
                        {
                            // A cluster run (docs/cluster.md) is journaled alike: the coordinator hands out only the
                            // replications the journal lacks and journals each accepted result as it arrives.
                            if (journal.AlreadyDone == 0)
                            {
                                ClusterProvenance.Remove(folder); // an earlier, abandoned run's workers did nothing for this one
                            }

                            await ClusterCoordination.RunAsync(
                                loaded, scenario, model, cluster, workers, missing, folder, journal.Append, console, error, cancellationToken);
                        }
                        else
                        {
                            await SimulateWithProgressAsync(model, simulation, journal, simulate, console, cancellationToken);
                        }
                    },
                    "replications",
                    options.ResumeCommandLine(),
                    error,
                    cancellationToken);
                if (!completed)
                {
                    return ExitCodes.Interrupted;
                }
            }
            catch (ReplicationFailedException failure)
            {
                journal.Dispose();
                var log = InternalErrorLog.Write(folder, failure);
                await error.WriteLineAsync($"internal error: replication {failure.Replication} failed; details in {log}");
                if (journal.Kept == 0)
                {
                    journal.Finish(); // nothing worth resuming
                }
                else
                {
                    await error.WriteLineAsync(
                        $"{(journal.Kept == 1 ? "the replication" : "the " + Counted.Of(journal.Kept, "replication"))} finished before it {(journal.Kept == 1 ? "is" : "are")} kept in {journal.Path}; once the cause is fixed, continue with:\n  {options.ResumeCommandLine()}");
                }

                return ExitCodes.Failure;
            }
        }

        timings["simulate"] = (clock.Elapsed - simulationStart).TotalSeconds;

        var writeStart = clock.Elapsed;
        // Two passes over the journal on disk, in replication order: the first writes replications.csv and
        // the means, the second the spreads (TwoPassSummary), so memory holds one replication at a time.
        var journaled = JournalInOrder.Index(journal.Path, scenario.Replications);
        var running = new RunSummary();
        CsvFiles.WriteReplications(Path.Combine(folder, CsvFiles.Replications), journaled.Units().Select(result =>
        {
            running.AddToMeans(result);
            return result;
        }));
        foreach (var result in journaled.Units())
        {
            running.AddToSpreads(result);
        }

        var summary = running.Rows(model.ContinuumValuesOf, model.FiniteValuesOf);
        CsvFiles.WriteSummary(Path.Combine(folder, CsvFiles.Summary), summary);
        HtmlReport.Write(Path.Combine(folder, HtmlReport.FileName), loaded, scenario, summary);
        List<string> written = [CsvFiles.Replications, CsvFiles.Summary, HtmlReport.FileName];
        if (model.Equilibria.Count > 0)
        {
            CsvFiles.WriteEquilibrium(Path.Combine(folder, CsvFiles.Equilibrium), model.Equilibria);
            written.Add(CsvFiles.Equilibrium);
        }

        timings["write"] = (clock.Elapsed - writeStart).TotalSeconds;
        timings["wall"] = clock.Elapsed.TotalSeconds;
        var manifest = Manifest.Create("run", loaded, scenario.Seed, scenario.Replications, workers, startedAt, timings, folder, written);
        if (options.Cluster is not null)
        {
            manifest = manifest with
            {
                ClusterWorkers = ClusterProvenance.Summarise(
                    ClusterProvenance.PathIn(folder), Enumerable.Range(0, scenario.Replications).ToHashSet()),
            };
            ClusterProvenance.Remove(folder);
        }

        manifest.Write(folder);
        journal.Finish(); // only now: every output is complete

        SummaryTable.Show(console, scenario.Name, summary);
        console.MarkupLineInterpolated(
            $"Wrote [bold]{folder}[/]: {string.Join(", ", written)}, {Manifest.FileName} ({clock.Elapsed.TotalSeconds:0.0} s).");
        return ExitCodes.Success;
    }

    private static void CheckOption(string option, int value, int maximum)
    {
        if (value < 1)
        {
            throw new InvalidInputException("(command line)", option, $"must be at least 1 (found {value})");
        }

        if (value > maximum)
        {
            throw new InvalidInputException("(command line)", option, $"must be at most {maximum} (found {value}): see the limits in docs/running.md");
        }
    }

    /// <summary>
    /// Runs the missing replications, journaling each as it completes; if it lasts longer than a second
    /// and the console is interactive, shows replications done, rate and ETA (nothing otherwise).
    /// </summary>
    private static async Task SimulateWithProgressAsync(
        MarketModel model,
        SimulationOptions options,
        JournaledWork journal,
        Func<MarketModel, SimulationOptions, Action<ReplicationResult>?, CancellationToken, Task<IReadOnlyList<ReplicationResult>>> simulate,
        IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        var completed = journal.AlreadyDone;
        var simulation = simulate(
            model,
            options,
            result =>
            {
                journal.Append(result);
                Interlocked.Increment(ref completed);
            },
            cancellationToken);
        await DelayedProgress.TrackAsync(
            console, simulation, $"replications of {Markup.Escape(model.Scenario.Name)}", options.Replications, () => Volatile.Read(ref completed), "rep");
        await simulation;
    }
}

using MarketSim.Cli.Options;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using MarketSim.Cli.Output;
using MarketSim.Cli.Resume;
using MarketSim.Cli.Scenarios;
using MarketSim.Cli.Sweep;
using MarketSim.Core.Replications;
using MarketSim.Core.Solutions;
using MarketSim.Core.Scenarios;
using MarketSim.Simulation.Running;
using Spectre.Console;
using YamlDotNet.RepresentationModel;
using MarketSim.Simulation;

namespace MarketSim.Cli.Commands;

/// <summary>
/// <c>sweep &lt;scenario&gt; --set &lt;path&gt;=&lt;from&gt;:&lt;to&gt;:&lt;step&gt; ... [--sample latin-hypercube:N] [--simulate] [--out DIR]</c>:
/// per point, the scenario with the fields set (edited in the YAML tree, re-validated by
/// <see cref="ScenarioLoader.LoadNodes"/>), solved and, with <c>--simulate</c>, simulated in process.
/// Writes one tidy <c>sweep.csv</c> (<c>point,&lt;fields...&gt;,mechanism,metric,value</c>; the rows are
/// <see cref="SweepMetrics"/>'s: continuum theory, <c>theory_finite_*</c>, <c>simulated_*</c>) and the manifest
/// into DIR (default <c>output/sweeps/&lt;scenario name&gt;/</c>). Points are computed in parallel into
/// fixed slots and written in point order: the same inputs give the same bytes. Each finished point goes
/// to the journal of <c>run</c> (Resume/ReplicationJournal) as it completes, so an interrupted sweep
/// continues with <c>--resume</c> and writes the same bytes (docs/running.md).
/// </summary>
internal static class SweepCommand
{
    public const string FileName = "sweep.csv";
    private const string LatinHypercube = "latin-hypercube:";

    public static Task<int> ExecuteAsync(SweepOptions options, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken) =>
        ExecuteAsync(options, console, error, DelayedProgress.Delay, cancellationToken);

    /// <summary>As the other overload, with the delay before the progress bar as a seam (tests show it at once).</summary>
    public static async Task<int> ExecuteAsync(
        SweepOptions options, IAnsiConsole console, TextWriter error, TimeSpan progressDelay, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var file = options.ScenarioFile;
        if (!File.Exists(file))
        {
            throw new InvalidInputException(file, "(file)", "file not found");
        }

        var bytes = File.ReadAllBytes(file);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var original = ScenarioLoader.LoadNodes(file, ScenarioLoader.ParseNodes(file, text), sha256);
        if (options.Sets.Count == 0)
        {
            throw new InvalidInputException("(command line)", "--set", "name at least one field to sweep: --set <field.path>=<from>:<to>:<step>");
        }

        var axes = options.Sets.Select(SweepAxis.Parse).ToArray();
        if (axes.Select(axis => axis.Path).Distinct().Count() != axes.Length)
        {
            throw new InvalidInputException("(command line)", "--set", "each field may be swept once");
        }

        var points = Design(options.Sample, axes, original.Scenario.Seed);
        LoadedScenario Point(int index)
        {
            var root = ScenarioLoader.ParseNodes(file, text);
            for (var k = 0; k < axes.Length; k++)
            {
                ScenarioFieldPath.SetNumber(file, root, axes[k].Path, points[index][k]);
            }

            try
            {
                return ScenarioLoader.LoadNodes(file, root, sha256);
            }
            catch (InvalidInputException invalid)
            {
                var values = string.Join(", ", axes.Select((axis, k) => $"{axis.Path} = {ScenarioFieldPath.Format(points[index][k])}"));
                throw new InvalidInputException(file, invalid.FieldPath, $"{invalid.Reason} (sweep point {index}: --set {values})");
            }
        }

        // Validate every point before computing any (invalid input: exit 2, nothing written).
        var scenarios = Enumerable.Range(0, points.Count).Select(Point).ToArray();
        // With --simulate each point's model (which runs the solver) is built here to be checked, and kept:
        // the point's theory is read off it and its replications run on it, so the solver runs once per point.
        var models = new MarketModel?[points.Count];
        if (options.Simulate)
        {
            // Points are simulated in process, one per core at a time: admit the largest.
            var largest = scenarios.MaxBy(point => MemoryAdmission.PerReplication(point.Scenario))!;
            MemoryAdmission.Check(file, largest.Scenario, Environment.ProcessorCount, options.MaxMemoryBytes);
            for (var index = 0; index < scenarios.Length; index++)
            {
                models[index] = ModelChecks.Build(scenarios[index], scenarios[index].Scenario);
            }
        }

        var folder = options.OutputFolder ?? Path.Combine("output", "sweeps", original.Scenario.Name);
        OutputFolder.Claim(folder, "sweep", file, options.Force);
        var journalHeader = JournalHeader.ForSweep(
            sha256, original.Scenario.Seed, points.Count, SweepDesign.Describe(axes, options.Sample, options.Simulate), Manifest.ToolVersion);
        var (journal, earlier) = JournaledWork.Open(options.Resume, folder, journalHeader, error);

        var results = new SweepPointResult[points.Count];
        foreach (var unit in earlier)
        {
            results[unit.Replication] = SweepPointResult.FromJournal(unit, points[unit.Replication]);
            models[unit.Replication] = null; // done earlier: its model is not needed
        }

        var missing = journal.Missing;
        var completed = journal.AlreadyDone;
        using (journal)
        {
            var work = ComputeAsync(missing, index =>
            {
                var result = Compute(index, points[index], scenarios[index].Scenario, models[index]);
                models[index] = null;
                journal.Append(result.ToJournal());
                results[index] = result;
                Interlocked.Increment(ref completed);
            }, cancellationToken);
            var finished = await journal.RunAsync(
                () => DelayedProgress.TrackAsync(
                    console, work, $"points of {Markup.Escape(original.Scenario.Name)}", points.Count, () => Volatile.Read(ref completed), "pt", progressDelay),
                "sweep points",
                options.ResumeCommandLine(),
                error,
                cancellationToken);
            if (!finished)
            {
                return ExitCodes.Interrupted;
            }
        }

        Directory.CreateDirectory(folder);
        string[] header = ["point", .. axes.Select(axis => axis.Path), "mechanism", "metric", "value"];
        TableCsvFile.Write(Path.Combine(folder, FileName), header, results.SelectMany(result => result.Rows.Select(row => (IReadOnlyList<string>)
        [
            result.Point.ToString(CultureInfo.InvariantCulture),
            .. result.Values.Select(CsvFiles.Number),
            row.Mechanism,
            row.Metric,
            CsvFiles.Number(row.Value),
        ])));
        var timings = new Dictionary<string, double> { ["wall"] = clock.Elapsed.TotalSeconds };
        Manifest.Create("sweep", original, original.Scenario.Seed, options.Simulate ? original.Scenario.Replications : 0,
            Environment.ProcessorCount, startedAt, timings, folder, [FileName]).Write(folder);
        journal.Finish(); // only now: every output is complete
        console.MarkupLineInterpolated($"Swept [bold]{original.Scenario.Name}[/] over {Counted.Of(points.Count, "point")} ({string.Join(", ", axes.Select(a => a.Path))}): wrote {folder}: {FileName}, {Manifest.FileName} ({clock.Elapsed.TotalSeconds:0.0} s).");
        return ExitCodes.Success;
    }

    /// <summary>
    /// Computes the points on one dedicated thread per core, each taking the next point until none is
    /// left, the token is cancelled (points in flight finish and are journaled) or a point fails (the
    /// others stop; its exception is rethrown). Dedicated threads, not the thread pool: the progress bar
    /// and System.CommandLine's cancellation must not wait for a pool thread while every core computes.
    /// </summary>
    private static async Task ComputeAsync(int[] missing, Action<int> compute, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;
        void Worker()
        {
            int k;
            while (!stop.IsCancellationRequested && (k = Interlocked.Increment(ref next)) < missing.Length)
            {
                try
                {
                    compute(missing[k]);
                }
                catch
                {
                    stop.Cancel();
                    throw;
                }
            }
        }

        var workers = Enumerable.Range(0, Math.Min(Environment.ProcessorCount, missing.Length))
            .Select(_ => Task.Factory.StartNew(Worker, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            await Task.WhenAll(workers);
        }
        catch
        {
            // Task.WhenAll rethrows only the first worker's exception: rethrow the failure itself.
            if (workers.Select(worker => worker.Exception?.InnerException).FirstOrDefault(exception => exception is not null) is { } failure)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }

            throw;
        }

        if (Volatile.Read(ref next) < missing.Length - 1)
        {
            cancellationToken.ThrowIfCancellationRequested(); // stopped with points left, not merely cancelled after the last
        }
    }

    /// <summary>
    /// One point's rows: the theory (continuum, and the posted mechanisms' exact finite-market expectations) and,
    /// with a <paramref name="model"/> (<c>--simulate</c>), the Monte Carlo summary. The theory of a simulated
    /// point is read off its model, which was solved when it was built.
    /// </summary>
    private static SweepPointResult Compute(int index, double[] values, Scenario scenario, MarketModel? model)
    {
        var rows = new List<(string Mechanism, string Metric, double Value)>();
        if (model is null)
        {
            var (solution, finite) = ScenarioTheory.SolveWithFiniteMarket(scenario);
            SweepMetrics.FromSolution(solution, finite, rows);
        }
        else
        {
            SweepMetrics.FromSolution(ScenarioTheory.Solve(model), ScenarioTheory.FiniteMarket(model), rows);
            SweepMetrics.FromSummary(RunSummary.Build(SimulationRunner.RunInProcess(model, scenario.Replications), model.ContinuumValuesOf), rows);
        }

        return new SweepPointResult(index, values, rows);
    }

    private static IReadOnlyList<double[]> Design(string? sample, IReadOnlyList<SweepAxis> axes, ulong seed)
    {
        if (sample is null)
        {
            return SweepDesign.Grid(axes);
        }

        if (!sample.StartsWith(LatinHypercube, StringComparison.Ordinal)
            || !long.TryParse(sample[LatinHypercube.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw new InvalidInputException("(command line)", "--sample", $"'{sample}': expected latin-hypercube:N with N >= 1");
        }

        if (count > InputLimits.MaxSweepPoints)
        {
            throw new InvalidInputException("(command line)", "--sample", $"latin-hypercube:{count} asks for more than the limit of {InputLimits.MaxSweepPoints} points");
        }

        return SweepDesign.LatinHypercube(axes, (int)count, seed);
    }
}

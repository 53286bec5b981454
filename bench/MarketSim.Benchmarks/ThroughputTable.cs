using System.Diagnostics;
using System.Globalization;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using MarketSim.Simulation.Running;
using MarketSim.Simulation;

namespace MarketSim.Benchmarks;

/// <summary>
/// The documented table (docs/benchmarks.md): each case is run once to warm up (JIT, tiering) and
/// then timed with a Stopwatch; allocations are GC.GetTotalAllocatedBytes over the timed run; the
/// ratio compares agents per second with the bare loop on the same market size and mechanisms.
/// </summary>
internal static class ThroughputTable
{
    private sealed record Row(string Case, int PerSide, int Replications, double Seconds, long Allocated, double? Reference)
    {
        public double AgentsPerSecond => 2.0 * PerSide * Replications / Seconds;
    }

    public static async Task RunAsync(TextWriter output, bool quick)
    {
        var small = 10_000;
        var large = quick ? 100_000 : 1_000_000;
        var many = quick ? 100 : 1_000;
        var workers = Environment.ProcessorCount;
        var rows = new List<Row>();

        var bareSmall = Measure("bare loop (reference), CE", small, many, CompetitiveEquilibrium(), model => Bare(model, many));
        rows.Add(bareSmall);
        rows.Add(await MeasureAsync("actor pipeline, 1 replication, CE", small, 1, CompetitiveEquilibrium(),
            model => Actors(model, 1, 1), bareSmall));
        rows.Add(await MeasureAsync($"actor pipeline, {workers} workers, CE", small, many, CompetitiveEquilibrium(),
            model => Actors(model, many, workers), bareSmall));

        var bareLarge = Measure("bare loop, 1 replication, CE", large, 1, CompetitiveEquilibrium(), model => Bare(model, 1));
        rows.Add(bareLarge);
        rows.Add(await MeasureAsync("actor pipeline, 1 replication, CE", large, 1, CompetitiveEquilibrium(),
            model => Actors(model, 1, workers), bareLarge));
        rows.Add(Measure("bare loop, 1 replication, CE + wedge", large, 1, BenchmarkScenarios.CompetitiveEquilibriumAndWedge,
            model => Bare(model, 1), bareLarge));

        var bareThree = Measure("bare loop, CE + wedge + floor", small, many, BenchmarkScenarios.ThreeMechanisms,
            model => Bare(model, many), bareSmall);
        rows.Add(bareThree);
        rows.Add(await MeasureAsync($"actor pipeline, {workers} workers, CE + wedge + floor", small, many,
            BenchmarkScenarios.ThreeMechanisms, model => Actors(model, many, workers), bareThree));

        output.WriteLine($"MarketSim throughput ({Environment.ProcessorCount} cores, .NET {Environment.Version}); ratio = agents/s over the bare loop's on the same size and mechanisms.");
        output.WriteLine();
        output.WriteLine("| case | agents/side | replications | seconds | agents/s | ratio | allocated MB |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            var ratio = row.Reference is { } reference ? (row.AgentsPerSecond / reference).ToString("0.00", CultureInfo.InvariantCulture) : "1 (ref)";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Case} | {row.PerSide:N0} | {row.Replications:N0} | {row.Seconds:0.000} | {row.AgentsPerSecond:0.00e0} | {ratio} | {row.Allocated / 1e6:0.0} |"));
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB (all cases; run --peak-memory for the 10^6 market alone)"));
    }

    private static MechanismSpec[] CompetitiveEquilibrium() => BenchmarkScenarios.CompetitiveEquilibriumOnly;

    private static Task Bare(MarketModel model, int replications)
    {
        SimulationRunner.RunInProcess(model, replications);
        return Task.CompletedTask;
    }

    private static Task Actors(MarketModel model, int replications, int workers) =>
        SimulationRunner.RunAsync(model, new SimulationOptions(replications, workers));

    private static Row Measure(
        string name, int perSide, int replications, MechanismSpec[] mechanisms, Func<MarketModel, Task> run, Row? reference = null) =>
        MeasureAsync(name, perSide, replications, mechanisms, run, reference).GetAwaiter().GetResult();

    private static async Task<Row> MeasureAsync(
        string name, int perSide, int replications, MechanismSpec[] mechanisms, Func<MarketModel, Task> run, Row? reference = null)
    {
        var model = new MarketModel(BenchmarkScenarios.UniformExample(perSide, replications, mechanisms));
        await run(model); // warm-up
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await run(model);
        var seconds = clock.Elapsed.TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Console.Error.WriteLine($"  {name}: {seconds:0.000} s");
        return new Row(name, perSide, replications, seconds, allocated, reference?.AgentsPerSecond);
    }
}

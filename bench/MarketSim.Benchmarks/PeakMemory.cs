using System.Diagnostics;
using System.Globalization;
using MarketSim.Core.Replications;

namespace MarketSim.Benchmarks;

/// <summary>
/// Peak memory of one 10^6-per-side replication (CE + the wedge, with metrics) in a fresh process,
/// so the peak working set is this case's and nothing else's (the runtime itself is included).
/// </summary>
internal static class PeakMemory
{
    public static void Run(TextWriter output)
    {
        const int perSide = 1_000_000;
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        var clock = Stopwatch.StartNew();
        var model = new MarketModel(BenchmarkScenarios.UniformExample(perSide, 1, BenchmarkScenarios.CompetitiveEquilibriumAndWedge));
        var workspace = new ReplicationWorkspace(model);
        var result = ReplicationRunner.Run(model, 0, workspace);
        var seconds = clock.Elapsed.TotalSeconds;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"10^6 sellers + 10^6 buyers, CE + wedge, metrics, first (cold) run: {seconds:0.000} s; {result.Mechanisms.Count} mechanisms measured"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak working set {process.PeakWorkingSet64 / 1e6:0} MB (at start {before / 1e6:0} MB); GC heap now {GC.GetTotalMemory(false) / 1e6:0} MB; allocated {GC.GetTotalAllocatedBytes(true) / 1e6:0} MB in total"));
        GC.KeepAlive(workspace);
    }
}

using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MarketSim.Cli.Tests.Resume;

/// <summary>Shared by the resume tests: a scenario slow enough to interrupt, journals, byte comparison, child processes.</summary>
internal static class ResumeRuns
{
    /// <summary>
    /// Enough replications that a test which signals after a few are journaled still finds most of them
    /// unfinished on a loaded two-core CI machine (40 were once all done before the kill landed).
    /// </summary>
    public const int Replications = 200;

    public static readonly string[] Outputs = ["replications.csv", "summary.csv", "report.html"];

    /// <summary>
    /// The quickstart economy (000 Section 2, m = 2) with 1500 sellers: a replication takes 5-20 ms on
    /// one worker, so a run of <see cref="Replications"/> can be stopped part-way by watching its journal.
    /// </summary>
    public static readonly string SlowScenario = $$"""
        name: resume-test
        seed: 2026
        replications: {{Replications}}
        market: { sellers: 1500, buyersPerSeller: 1.0 }
        buyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }
        sellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }
        mechanisms:
          - competitive-equilibrium
          - price-wedge: { buyerPrice: 0.5, sellerPrice: 0.25, lumpSumTo: sellers }
          - price-control: { price: 0.4, label: price-floor }
        """;

    /// <summary>Runs <see cref="SlowScenario"/> uninterrupted once: the outputs every resumed run must reproduce.</summary>
    public static async Task<string> ReferenceRun(CliHarness cli)
    {
        var scenario = cli.WriteScenario("reference.yaml", SlowScenario);
        var folder = cli.PathOf("reference");
        var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", folder, "--workers", "2");
        Assert.True(exitCode == 0, error);
        return folder;
    }

    public static string JournalOf(string folder) => Path.Combine(folder, ".partial", "journal");

    /// <summary>Records in a journal (complete lines after the header), read while it may still be written.</summary>
    public static int RecordsIn(string folder)
    {
        var path = JournalOf(folder);
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var newlines = 0;
            int value;
            while ((value = stream.ReadByte()) >= 0)
            {
                newlines += value == '\n' ? 1 : 0;
            }

            return Math.Max(0, newlines - 1);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public static async Task WaitForRecords(string folder, int count, Task running, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (RecordsIn(folder) < count)
        {
            Assert.False(running.IsCompleted, $"the run ended before {count} replications were journaled");
            Assert.True(clock.Elapsed < timeout, $"fewer than {count} replications journaled after {timeout}");
            await Task.Delay(5);
        }
    }

    public static void AssertSameOutputs(string expectedFolder, string actualFolder)
    {
        foreach (var file in Outputs)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(expectedFolder, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actualFolder, file))),
                $"{file} differs from the uninterrupted run");
        }
    }

    public static void AssertNoOutputs(string folder)
    {
        foreach (var file in Outputs.Append("manifest.json"))
        {
            Assert.False(File.Exists(Path.Combine(folder, file)), $"an interrupted run wrote {file}");
        }
    }

    /// <summary><c>dotnet marketsim.dll ...</c>: the real tool in its own process (copied next to the tests).</summary>
    public static Process StartTool(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "marketsim.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>POSIX kill(2): sends a signal (SIGINT = 2), as Ctrl-C in a terminal does.</summary>
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static extern int SendSignal(int pid, int signal);

    public const int SigInt = 2;
}

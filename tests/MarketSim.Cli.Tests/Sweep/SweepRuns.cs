using System.Security.Cryptography;
using MarketSim.Cli.Output;
using MarketSim.Cli.Resume;
using MarketSim.Cli.Sweep;
using MarketSim.Cli.Tests.Resume;

namespace MarketSim.Cli.Tests.Sweep;

/// <summary>Shared by the sweep resume tests: a sweep slow enough to interrupt, its journal header, the outputs to compare.</summary>
internal static class SweepRuns
{
    /// <summary>1.5, 1.6, ..., 2.6: twelve points.</summary>
    public const string Set = "sellers.money.constant=1.5:2.6:0.1";

    public const int Points = 12;

    /// <summary>
    /// The quickstart economy (000 Section 2) with 1500 sellers and 20 replications: with --simulate a
    /// point takes about 0.1 s on one core, so a sweep of twelve can be stopped part-way by watching its journal.
    /// </summary>
    public const string Scenario = """
        name: sweep-resume-test
        seed: 2026
        replications: 20
        market: { sellers: 1500, buyersPerSeller: 1.0 }
        buyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }
        sellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }
        mechanisms:
          - competitive-equilibrium
          - price-wedge: { buyerPrice: 0.5, sellerPrice: 0.25, lumpSumTo: sellers }
          - price-control: { price: 0.4, label: price-floor }
        """;

    public static string[] Arguments(string scenario, string folder) => ["sweep", scenario, "--set", Set, "--simulate", "--out", folder];

    /// <summary>The header `sweep <see cref="Arguments"/>` writes, for tests that forge a journal.</summary>
    public static JournalHeader HeaderFor(string scenario) => JournalHeader.ForSweep(
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(scenario))),
        2026,
        Points,
        SweepDesign.Describe([SweepAxis.Parse(Set)], sample: null, simulate: true),
        Manifest.ToolVersion);

    public static string CsvOf(string folder) => Path.Combine(folder, "sweep.csv");

    public static void AssertNoOutputs(string folder)
    {
        Assert.False(File.Exists(CsvOf(folder)), "an interrupted sweep wrote sweep.csv");
        Assert.False(File.Exists(Path.Combine(folder, "manifest.json")), "an interrupted sweep wrote manifest.json");
    }

    public static void AssertSameCsv(byte[] expected, string folder) =>
        Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(CsvOf(folder))), "sweep.csv differs from the uninterrupted sweep's");

    public static string JournalOf(string folder) => ResumeRuns.JournalOf(folder);
}

/// <summary>The uninterrupted sweep's sweep.csv, computed once per test class.</summary>
public sealed class ReferenceSweep : IAsyncLifetime
{
    private readonly CliHarness cli = new();

    public byte[] Csv { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var scenario = cli.WriteScenario("reference.yaml", SweepRuns.Scenario);
        var folder = cli.PathOf("reference");
        var (exitCode, _, error) = await cli.RunAsync(SweepRuns.Arguments(scenario, folder));
        Assert.True(exitCode == 0, error);
        Assert.False(Directory.Exists(Path.Combine(folder, ".partial")), "a finished sweep removes its journal");
        Csv = File.ReadAllBytes(SweepRuns.CsvOf(folder));
    }

    public Task DisposeAsync()
    {
        cli.Dispose();
        return Task.CompletedTask;
    }
}

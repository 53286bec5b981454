using MarketSim.Cli.Output;
using MarketSim.Cli.Resume;
using MarketSim.Cli.Scenarios;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Running;
using MarketSim.Simulation;

namespace MarketSim.Cli.Tests.Resume;

/// <summary>A small, fast scenario and journals built from its replications, for the journal tests.</summary>
internal static class SmallRuns
{
    public const int Replications = 8;

    public const string Scenario = """
        name: small
        seed: 5
        replications: 8
        market: { sellers: 150, buyersPerSeller: 1.0 }
        buyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }
        sellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }
        mechanisms:
          - competitive-equilibrium
          - price-wedge: { buyerPrice: 0.5, sellerPrice: 0.25, lumpSumTo: sellers }
        """;

    /// <summary>The journal header of a plain `run` of <paramref name="scenarioFile"/>.</summary>
    public static JournalHeader HeaderFor(string scenarioFile, ulong? seed = null, int? replications = null)
    {
        var loaded = ScenarioLoader.Load(scenarioFile);
        return JournalHeader.For(
            loaded.Sha256, seed ?? loaded.Scenario.Seed, replications ?? loaded.Scenario.Replications, Manifest.ToolVersion);
    }

    /// <summary>The bare-loop results of replications 0 .. count-1: what `run` journals for them.</summary>
    public static IReadOnlyList<ReplicationResult> FirstReplications(string scenarioFile, int count) =>
        SimulationRunner.RunInProcess(new MarketModel(ScenarioLoader.Load(scenarioFile).Scenario), count);

    /// <summary>Writes a journal holding the given replications, as an interrupted run would have left it.</summary>
    public static string WriteJournal(string folder, JournalHeader header, IEnumerable<ReplicationResult> results)
    {
        var path = ReplicationJournal.PathIn(folder);
        using var journal = ReplicationJournal.Create(path, header);
        foreach (var result in results)
        {
            journal.Append(result);
        }

        return path;
    }

    public static async Task<string> ReferenceRun(CliHarness cli, string scenario)
    {
        var folder = cli.PathOf("reference");
        var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", folder, "--workers", "2");
        Assert.True(exitCode == 0, error);
        return folder;
    }
}

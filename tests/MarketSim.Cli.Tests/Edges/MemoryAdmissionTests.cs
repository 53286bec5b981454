using MarketSim.Cli.Options;
using MarketSim.Cli.Commands;
using MarketSim.Cli.Scenarios;

namespace MarketSim.Cli.Tests.Edges;

/// <summary>
/// Admission control (issue 13): a run's memory is estimated before anything is allocated (agents x
/// sides x arrays, per mechanism, per replication in flight) and a run that does not fit is refused with
/// exit 2 naming the field, the estimate and the limit; --max-memory sets the limit.
/// </summary>
public sealed class MemoryAdmissionTests
{
    /// <summary>
    /// Against the machine's own limit (GC.GetGCMemoryInfo): 10^8 sellers and buyers on 64 lanes need
    /// terabytes. Checked directly, never through a run: should the check fail, nothing is allocated.
    /// </summary>
    [Fact]
    public void AMarketTooBigForTheMachineIsRefusedNamingTheFieldTheEstimateAndTheLimit()
    {
        using var cli = new CliHarness();
        var file = cli.WriteScenario("huge.yaml", EdgeScenarios.With("sellers: 50,", "sellers: 100000000,"));
        var scenario = ScenarioLoader.Load(file).Scenario;
        var refusal = Assert.Throws<InvalidInputException>(() => MemoryAdmission.Check(file, scenario, 64, maxMemory: null));
        Assert.Equal("market.sellers", refusal.FieldPath);
        Assert.Contains("TB of memory", refusal.Reason);
        Assert.Contains("available to this process", refusal.Reason);
        Assert.Contains(ByteSize.Format(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes), refusal.Reason);
    }

    /// <summary>The estimate grows with the agents and the replications in flight, per two-sided mechanism.</summary>
    [Fact]
    public void TheEstimateIsLinearInAgentsAndMechanisms()
    {
        var small = ScenarioLoaderText(EdgeScenarios.Quickstart);
        var tenTimes = ScenarioLoaderText(EdgeScenarios.With("sellers: 50,", "sellers: 500,"));
        Assert.Equal(10 * MemoryAdmission.PerReplication(small), MemoryAdmission.PerReplication(tenTimes));
        var oneMechanism = small with { Mechanisms = [small.Mechanisms[0]] };
        // 100 agents: 64 bytes each, plus 24 per mechanism with the reference (3 versus 2).
        Assert.Equal(100 * 24, MemoryAdmission.PerReplication(small) - MemoryAdmission.PerReplication(oneMechanism));
    }

    /// <summary>--max-memory lowers (or raises) the limit: the same small run is refused under 100 MB and admitted under 4 GB.</summary>
    [Fact]
    public async Task MaxMemoryOverridesTheAvailableMemory()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("edge.yaml", EdgeScenarios.Quickstart);
        var (refused, _, error) = await cli.RunAsync("run", scenario, "--out", cli.PathOf("low"), "--max-memory", "100M");
        Assert.True(refused == 2, error);
        EdgeScenarios.AssertPlainError(error);
        Assert.Contains("more than the limit of 100 MB set by --max-memory", error);
        Assert.False(Directory.Exists(cli.PathOf("low")));

        var (admitted, _, messages) = await cli.RunAsync("run", scenario, "--out", cli.PathOf("high"), "--max-memory", "4G", "--workers", "1");
        Assert.True(admitted == 0, messages);
    }

    private static Core.Scenarios.Scenario ScenarioLoaderText(string yaml) => ScenarioLoader.LoadText("edge.yaml", yaml).Scenario;
}

using MarketSim.Cli.Commands;
using MarketSim.Cli.Sweep;
using Spectre.Console.Testing;

namespace MarketSim.Cli.Tests.Sweep;

/// <summary>
/// Issue 5: on an interactive console a sweep longer than a second shows points done out of the total,
/// their rate and the ETA (the column of `run`, counting points); on a non-interactive one nothing but
/// the closing line.
/// </summary>
public sealed class SweepProgressShowsPointsRateAndEtaTests
{
    /// <summary>Twelve points of 40 replications of 1500 sellers: one to two seconds on two cores, so the bar appears.</summary>
    [Fact]
    public async Task InteractiveConsoleShowsPointsDoneRateAndEta()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("sweep.yaml", SweepRuns.Scenario.Replace("replications: 20", "replications: 40", StringComparison.Ordinal));
        var console = new TestConsole().Width(200).Interactive();

        var exitCode = await SweepCommand.ExecuteAsync(
            new SweepOptions(scenario, [SweepRuns.Set], Sample: null, Simulate: true, OutputFolder: cli.PathOf("out")),
            console,
            new StringWriter(),
            CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Matches($@"{SweepRuns.Points}/{SweepRuns.Points}  \d+\.\d pt/s  ETA \d\d:\d\d", console.Output);
        Assert.Contains("points of sweep-resume-test", console.Output);
    }

    [Fact]
    public async Task NonInteractiveConsoleShowsNoBar()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("sweep.yaml", SweepRuns.Scenario);
        var console = new TestConsole().Width(200);

        var exitCode = await SweepCommand.ExecuteAsync(
            new SweepOptions(scenario, ["sellers.money.constant=1.5:1.8:0.1"], Sample: null, Simulate: true, OutputFolder: cli.PathOf("out")),
            console,
            new StringWriter(),
            CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("pt/s", console.Output);
        Assert.StartsWith("Swept sweep-resume-test over 4 points", console.Output);
    }
}

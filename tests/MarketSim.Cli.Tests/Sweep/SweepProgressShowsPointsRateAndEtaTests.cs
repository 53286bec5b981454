using MarketSim.Cli.Options;
using MarketSim.Cli.Commands;
using MarketSim.Cli.Sweep;
using Spectre.Console.Testing;

namespace MarketSim.Cli.Tests.Sweep;

/// <summary>
/// Issue 5: on an interactive console a sweep shows points done out of the total, their rate and the
/// ETA (the column of `run`, counting points) once it has lasted longer than the delay (1 s; a test
/// seam sets it to zero so the check does not depend on this machine's speed); a sweep shorter than
/// the delay, or on a non-interactive console, shows no bar.
/// </summary>
public sealed class SweepProgressShowsPointsRateAndEtaTests
{
    [Fact]
    public async Task InteractiveConsoleShowsPointsDoneRateAndEta()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("sweep.yaml", SweepRuns.Scenario);
        var console = new TestConsole().Width(200).Interactive();

        var exitCode = await SweepCommand.ExecuteAsync(
            new SweepOptions(scenario, ["sellers.money.constant=1.5:1.8:0.1"], Sample: null, Simulate: true, OutputFolder: cli.PathOf("out")),
            console,
            new StringWriter(),
            TimeSpan.Zero,
            CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"4/4  \d+\.\d pt/s  ETA \d\d:\d\d", console.Output);
        Assert.Contains("points of sweep-resume-test", console.Output);
    }

    /// <summary>Two solver-only points take milliseconds: far less than the 1 s delay, so no bar even on an interactive console.</summary>
    [Fact]
    public async Task ShortSweepShowsNoBarEvenWhenInteractive()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("sweep.yaml", SweepRuns.Scenario);
        var console = new TestConsole().Width(200).Interactive();

        var exitCode = await SweepCommand.ExecuteAsync(
            new SweepOptions(scenario, ["sellers.money.constant=1.5:1.6:0.1"], Sample: null, Simulate: false, OutputFolder: cli.PathOf("out")),
            console,
            new StringWriter(),
            CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("pt/s", console.Output);
        Assert.StartsWith("Swept sweep-resume-test over 2 points", console.Output);
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
            TimeSpan.Zero,
            CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("pt/s", console.Output);
        Assert.StartsWith("Swept sweep-resume-test over 4 points", console.Output);
    }
}

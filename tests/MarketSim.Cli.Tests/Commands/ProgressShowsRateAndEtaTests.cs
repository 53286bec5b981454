using MarketSim.Cli.Options;
using MarketSim.Cli.Commands;
using MarketSim.Simulation.Running;
using Spectre.Console.Testing;
using MarketSim.Simulation;

namespace MarketSim.Cli.Tests.Commands;

/// <summary>
/// Issue 5: on an interactive console a run longer than a second shows replications done, their rate
/// and the ETA; on a non-interactive one `run` prints nothing but the final table (the SIGINT test
/// checks a child process's empty stdout on interruption).
/// </summary>
public sealed class ProgressShowsRateAndEtaTests
{
    /// <summary>80 replications of 2000 sellers on one worker, each reported 25 ms late: about two seconds, so the bar appears whatever the machine's speed.</summary>
    private const string Scenario = """
        name: progress-test
        seed: 1
        replications: 80
        market: { sellers: 2000, buyersPerSeller: 1.0 }
        buyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }
        sellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }
        mechanisms:
          - competitive-equilibrium
          - price-wedge: { buyerPrice: 0.5, sellerPrice: 0.25, lumpSumTo: sellers }
        """;

    [Fact]
    public async Task InteractiveConsoleShowsDoneRateAndEta()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("progress.yaml", Scenario);
        var console = new TestConsole().Width(200).Interactive();

        var exitCode = await RunCommand.ExecuteAsync(
            new RunOptions(scenario, OutputFolder: cli.PathOf("out"), Workers: 1),
            console,
            new StringWriter(),
            (model, simulation, onCompleted, token) => SimulationRunner.RunAsync(
                model,
                simulation,
                result =>
                {
                    Thread.Sleep(25);
                    onCompleted?.Invoke(result);
                },
                token),
            CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"80/80  \d+\.\d rep/s  ETA \d\d:\d\d", console.Output);
        Assert.Contains("replications of progress-test", console.Output);
    }
}

using MarketSim.Cli.Options;
using MarketSim.Cli.Commands;
using MarketSim.Cli.Resume;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Running;
using Spectre.Console.Testing;
using MarketSim.Simulation;

namespace MarketSim.Cli.Tests.Resume;

/// <summary>
/// Issue 3: a mechanism failing in one replication does not kill the other replications' results.
/// `run` exits 1 naming the replication, the journal keeps every replication finished before it, bit
/// for bit, and a resume completes the run with the uninterrupted output. The failure enters through
/// RunCommand's simulation seam: the real actor run, whose replication 3 fails as a mechanism would
/// (ReplicationFailedException; the Simulation tests make a real mechanism throw in the actors).
/// </summary>
public sealed class FailingReplicationKeepsTheJournalTests
{
    private const int Failing = 3;

    [Fact]
    public async Task FinishedReplicationsSurviveAFailureAndAResumeCompletesTheRun()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("small.yaml", SmallRuns.Scenario);
        var folder = cli.PathOf("failed");
        var error = new StringWriter();

        var exitCode = await RunCommand.ExecuteAsync(
            new RunOptions(scenario, OutputFolder: folder, Workers: 1),
            new TestConsole(),
            error,
            (model, options, onCompleted, cancellationToken) => SimulationRunner.RunAsync(
                model,
                options,
                result =>
                {
                    if (result.Replication == Failing)
                    {
                        throw new ReplicationFailedException(Failing, new ArgumentException("menu option probability 1.5 is outside (0, 1]"));
                    }

                    onCompleted?.Invoke(result);
                },
                cancellationToken),
            CancellationToken.None);

        Assert.Equal(1, exitCode);
        // An internal fault: one plain sentence naming the log; the cause (with its stack trace) is in the log.
        Assert.Contains($"internal error: replication {Failing} failed; details in {Path.Combine(folder, "marketsim-error.log")}", error.ToString());
        Assert.Contains("menu option probability 1.5 is outside (0, 1]", File.ReadAllText(Path.Combine(folder, "marketsim-error.log")));
        Assert.Contains($"the {Failing} replications finished before it are kept in {ResumeRuns.JournalOf(folder)}", error.ToString());
        ResumeRuns.AssertNoOutputs(folder);

        // One worker runs in order: exactly 0 .. 2 were journaled, each equal to the bare loop to the last bit.
        var kept = ReplicationJournal.Read(ResumeRuns.JournalOf(folder));
        Assert.NotNull(kept);
        Assert.Equal(0, kept.DiscardedBytes);
        AssertBitwiseEqual(SmallRuns.FirstReplications(scenario, Failing), kept.Results);

        var (resumed, _, messages) = await cli.RunAsync("run", scenario, "--out", folder, "--resume");
        Assert.True(resumed == 0, messages);
        Assert.Contains($"resuming: {Failing} of {SmallRuns.Replications}", messages);
        ResumeRuns.AssertSameOutputs(await SmallRuns.ReferenceRun(cli, scenario), folder);
    }

    private static void AssertBitwiseEqual(IReadOnlyList<ReplicationResult> expected, IReadOnlyList<ReplicationResult> actual)
    {
        Assert.Equal(expected.Select(result => result.Replication), actual.Select(result => result.Replication));
        for (var r = 0; r < expected.Count; r++)
        {
            var want = expected[r].Mechanisms.SelectMany(mechanism => mechanism.Metrics.Select(metric => (mechanism.Mechanism, metric.Name, BitConverter.DoubleToInt64Bits(metric.Value))));
            var got = actual[r].Mechanisms.SelectMany(mechanism => mechanism.Metrics.Select(metric => (mechanism.Mechanism, metric.Name, BitConverter.DoubleToInt64Bits(metric.Value))));
            Assert.Equal(want, got);
        }
    }
}

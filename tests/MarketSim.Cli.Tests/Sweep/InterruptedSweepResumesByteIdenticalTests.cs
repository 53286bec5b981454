using System.Diagnostics;
using MarketSim.Cli.Tests.Resume;

namespace MarketSim.Cli.Tests.Sweep;

/// <summary>
/// Issue 5: an interrupted `sweep` (Ctrl-C, kill) keeps its finished points in the journal and
/// `--resume` ends with a sweep.csv byte-identical to the uninterrupted sweep's. Each test stops a
/// twelve-point `--simulate` sweep after a few points were journaled, resumes it and compares bytes.
/// </summary>
public sealed class InterruptedSweepResumesByteIdenticalTests(ReferenceSweep reference) : IClassFixture<ReferenceSweep>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The in-process path of Ctrl-C: the cancellation token System.CommandLine hands to `sweep`.</summary>
    [Fact]
    public async Task CancelledSweepExits130SaysHowToResumeAndTheResumeIsByteIdentical()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("sweep.yaml", SweepRuns.Scenario);
        var folder = cli.PathOf("cancelled");
        using var cancellation = new CancellationTokenSource();
        var sweep = cli.RunAsync(cancellation.Token, SweepRuns.Arguments(scenario, folder));
        await ResumeRuns.WaitForRecords(folder, 2, sweep, Patience);
        var clock = Stopwatch.StartNew();
        cancellation.Cancel();

        var (exitCode, _, error) = await sweep.WaitAsync(Patience);

        Assert.True(exitCode == 130, error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {clock.Elapsed}"); // points in flight finish: about 0.2 s each
        var journaled = ResumeRuns.RecordsIn(folder);
        Assert.InRange(journaled, 2, SweepRuns.Points - 1);
        Assert.Contains($"interrupted: {journaled} of {SweepRuns.Points} sweep points are kept in {SweepRuns.JournalOf(folder)}", error);
        SweepRuns.AssertNoOutputs(folder);
        var command = $"marketsim sweep {scenario} --set {SweepRuns.Set} --simulate --out {folder} --resume";
        Assert.Contains("resume with:\n  " + command, error);

        // The printed command itself finishes the sweep.
        var (resumed, _, messages) = await cli.RunAsync(command.Split(' ').Skip(1).ToArray());
        Assert.True(resumed == 0, messages);
        Assert.Contains($"resuming: {journaled} of {SweepRuns.Points} points already done", messages);
        SweepRuns.AssertSameCsv(reference.Csv, folder);
        Assert.False(Directory.Exists(Path.Combine(folder, ".partial")), "a finished resume removes its journal");
    }

    /// <summary>Ctrl-C (a real SIGINT to the tool): exit 130, the journal kept, nothing on stdout, the resume command on stderr.</summary>
    [Fact]
    public async Task CtrlCToTheToolExits130AndItsResumeIsByteIdentical()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // POSIX signals; the in-process test above covers the cancellation path everywhere
        }

        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("sweep.yaml", SweepRuns.Scenario);
        var folder = cli.PathOf("interrupted");
        string error;
        using (var tool = ResumeRuns.StartTool(SweepRuns.Arguments(scenario, folder)))
        {
            var errorText = tool.StandardError.ReadToEndAsync();
            var outputText = tool.StandardOutput.ReadToEndAsync();
            await ResumeRuns.WaitForRecords(folder, 2, tool.WaitForExitAsync(), Patience);
            Assert.Equal(0, ResumeRuns.SendSignal(tool.Id, ResumeRuns.SigInt));
            await tool.WaitForExitAsync().WaitAsync(Patience);
            error = await errorText;
            Assert.True(tool.ExitCode == 130, $"exit {tool.ExitCode}: {error}");
            Assert.Equal(string.Empty, await outputText); // not interactive: no progress bar
        }

        var journaled = ResumeRuns.RecordsIn(folder);
        Assert.Contains($"interrupted: {journaled} of {SweepRuns.Points} sweep points are kept", error);
        Assert.Contains($"resume with:\n  marketsim sweep {scenario} --set {SweepRuns.Set} --simulate --out {folder} --resume", error);
        SweepRuns.AssertNoOutputs(folder);

        var (resumed, _, messages) = await cli.RunAsync([.. SweepRuns.Arguments(scenario, folder), "--resume"]);
        Assert.True(resumed == 0, messages);
        Assert.Contains($"resuming: {journaled} of {SweepRuns.Points} points already done", messages);
        SweepRuns.AssertSameCsv(reference.Csv, folder);
    }

    /// <summary>kill -9 of the real tool: no chance to clean up; the journal alone carries the finished points.</summary>
    [Fact]
    public async Task KilledSweepProcessResumesToTheUninterruptedCsv()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("sweep.yaml", SweepRuns.Scenario);
        var folder = cli.PathOf("killed");
        using (var tool = ResumeRuns.StartTool(SweepRuns.Arguments(scenario, folder)))
        {
            await ResumeRuns.WaitForRecords(folder, 3, tool.WaitForExitAsync(), Patience);
            tool.Kill(); // SIGKILL on Unix
            await tool.WaitForExitAsync();
        }

        var journaled = ResumeRuns.RecordsIn(folder);
        Assert.InRange(journaled, 3, SweepRuns.Points - 1);
        SweepRuns.AssertNoOutputs(folder);

        var (resumed, _, messages) = await cli.RunAsync([.. SweepRuns.Arguments(scenario, folder), "--resume"]);
        Assert.True(resumed == 0, messages);
        // A kill may tear the last record: it is dropped and that point computed again.
        Assert.Matches($@"resuming: \d+ of {SweepRuns.Points} points already done", messages);
        SweepRuns.AssertSameCsv(reference.Csv, folder);
        Assert.False(Directory.Exists(Path.Combine(folder, ".partial")), "a finished resume removes its journal");
    }
}

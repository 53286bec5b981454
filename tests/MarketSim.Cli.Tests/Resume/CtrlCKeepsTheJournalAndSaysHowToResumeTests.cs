using System.Diagnostics;

namespace MarketSim.Cli.Tests.Resume;

/// <summary>
/// Ctrl-C stops a run cleanly (issue 5): the simulation is cancelled, the journal of finished
/// replications is kept, no output file is written, the command that resumes is printed and the exit
/// code is 130 (128 + SIGINT).
/// </summary>
public sealed class CtrlCKeepsTheJournalAndSaysHowToResumeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Ctrl-C (a real SIGINT to the tool): it stops the actors, keeps the journal, prints the command
    /// that resumes and exits 130; that very command then finishes the run.
    /// </summary>
    [Fact]
    public async Task CtrlCExits130AndPrintsTheCommandThatResumes()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // POSIX signals; the in-process test below covers the cancellation path everywhere
        }

        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("resume.yaml", ResumeRuns.SlowScenario);
        var folder = cli.PathOf("interrupted");
        string error;
        using (var tool = ResumeRuns.StartTool("run", scenario, "--out", folder, "--workers", "1"))
        {
            var errorText = tool.StandardError.ReadToEndAsync();
            var outputText = tool.StandardOutput.ReadToEndAsync();
            await ResumeRuns.WaitForRecords(folder, 3, tool.WaitForExitAsync(), Patience);
            Assert.Equal(0, ResumeRuns.SendSignal(tool.Id, ResumeRuns.SigInt));
            await tool.WaitForExitAsync().WaitAsync(Patience);
            error = await errorText;
            Assert.True(tool.ExitCode == 130, $"exit {tool.ExitCode}: {error}");
            Assert.Equal(string.Empty, await outputText); // nothing on stdout: not interactive
        }

        var journaled = ResumeRuns.RecordsIn(folder);
        Assert.InRange(journaled, 3, ResumeRuns.Replications - 1);
        Assert.Contains($"interrupted: {journaled} of {ResumeRuns.Replications} replications are kept", error);
        ResumeRuns.AssertNoOutputs(folder);
        var command = $"marketsim run {scenario} --out {folder} --workers 1 --resume";
        Assert.Contains("resume with:\n  " + command, error);

        var (resumed, _, resumeMessages) = await cli.RunAsync(command.Split(' ').Skip(1).ToArray());
        Assert.True(resumed == 0, resumeMessages);
        ResumeRuns.AssertSameOutputs(await ResumeRuns.ReferenceRun(cli), folder);
    }

    /// <summary>The in-process path of Ctrl-C: the cancellation token System.CommandLine hands to `run`.</summary>
    [Fact]
    public async Task CancelledTokenStopsTheRunWithExit130AndKeepsTheJournal()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("resume.yaml", ResumeRuns.SlowScenario);
        var folder = cli.PathOf("cancelled");
        using var cancellation = new CancellationTokenSource();
        var run = cli.RunAsync(cancellation.Token, "run", scenario, "--out", folder, "--workers", "1");
        await ResumeRuns.WaitForRecords(folder, 2, run, Patience);
        var clock = Stopwatch.StartNew();
        cancellation.Cancel();

        var (exitCode, _, error) = await run.WaitAsync(Patience);

        Assert.True(exitCode == 130, error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {clock.Elapsed}");
        Assert.Contains($"resume with:\n  marketsim run {scenario} --out {folder} --workers 1 --resume", error);
        Assert.InRange(ResumeRuns.RecordsIn(folder), 2, ResumeRuns.Replications - 1);
        ResumeRuns.AssertNoOutputs(folder);
    }
}

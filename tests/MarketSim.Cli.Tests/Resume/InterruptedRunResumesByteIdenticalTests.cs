namespace MarketSim.Cli.Tests.Resume;

/// <summary>
/// Issue 5 acceptance: "a test kills a run mid-way and resumes it: identical output". Each test stops a
/// 40-replication run after a few replications were journaled, resumes it, and compares
/// replications.csv, summary.csv and report.html byte for byte with an uninterrupted run.
/// </summary>
public sealed class InterruptedRunResumesByteIdenticalTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>kill -9 of the real tool: no chance to clean up; the journal alone carries the finished work.</summary>
    [Fact]
    public async Task KilledProcessResumesToTheUninterruptedOutput()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("resume.yaml", ResumeRuns.SlowScenario);
        var killed = cli.PathOf("killed");
        using (var tool = ResumeRuns.StartTool("run", scenario, "--out", killed, "--workers", "1"))
        {
            await ResumeRuns.WaitForRecords(killed, 3, tool.WaitForExitAsync(), Patience);
            tool.Kill(); // SIGKILL on Unix
            await tool.WaitForExitAsync();
        }

        var journaled = ResumeRuns.RecordsIn(killed);
        Assert.InRange(journaled, 3, ResumeRuns.Replications - 1);
        ResumeRuns.AssertNoOutputs(killed);

        var (resumed, _, resumeMessages) = await cli.RunAsync("run", scenario, "--out", killed, "--workers", "2", "--resume");
        Assert.True(resumed == 0, resumeMessages);
        Assert.Contains($"resuming: {journaled} of {ResumeRuns.Replications} replications already done", resumeMessages);

        ResumeRuns.AssertSameOutputs(await ResumeRuns.ReferenceRun(cli), killed);
        Assert.False(Directory.Exists(Path.Combine(killed, ".partial")), "a finished resume removes its journal");
    }
}

namespace MarketSim.Cli.Tests.Resume;

/// <summary>
/// A journal is bound to its run (scenario file hash, seed, replication count, tool version): `--resume`
/// refuses any other with exit 2 and a message saying what differs, writing nothing and leaving the
/// journal as it was. Without `--resume` a run starts over, saying so.
/// </summary>
public sealed class ResumeRefusesAnotherRunsJournalTests
{
    [Theory]
    [InlineData("seed", "seed 6, now 5")]
    [InlineData("replications", "9 replications, now 8")]
    [InlineData("scenario", "(the scenario changed)")]
    public async Task ResumeRefusesAJournalOfADifferentRun(string difference, string message)
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("small.yaml", SmallRuns.Scenario);
        var other = cli.WriteScenario("other.yaml", SmallRuns.Scenario.Replace("sellers: 150", "sellers: 151", StringComparison.Ordinal));
        var header = difference switch
        {
            "seed" => SmallRuns.HeaderFor(scenario, seed: 6),
            "replications" => SmallRuns.HeaderFor(scenario, replications: 9),
            _ => SmallRuns.HeaderFor(other),
        };
        var folder = cli.PathOf("out");
        var path = SmallRuns.WriteJournal(folder, header, SmallRuns.FirstReplications(scenario, 2));
        var before = File.ReadAllBytes(path);

        var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", folder, "--resume");

        Assert.Equal(2, exitCode);
        Assert.Contains("the journal belongs to a different run", error);
        Assert.Contains(message, error);
        Assert.Contains(path, error);
        Assert.Equal(before, File.ReadAllBytes(path));
        ResumeRuns.AssertNoOutputs(folder);
    }

    [Fact]
    public async Task ResumeRefusesAFileThatIsNoJournal()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("small.yaml", SmallRuns.Scenario);
        var folder = cli.PathOf("out");
        Directory.CreateDirectory(Path.Combine(folder, ".partial"));
        File.WriteAllText(ResumeRuns.JournalOf(folder), "replication,mechanism\n0,ce\n");

        var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", folder, "--resume");

        Assert.Equal(2, exitCode);
        Assert.Contains("not a MarketSim journal", error);
    }

    [Fact]
    public async Task WithoutResumeAnOldJournalIsReplacedAndTheRunStartsOver()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("small.yaml", SmallRuns.Scenario);
        var folder = cli.PathOf("out");
        // A journal of another seed: resuming it would be wrong, starting over is right.
        SmallRuns.WriteJournal(folder, SmallRuns.HeaderFor(scenario, seed: 6), SmallRuns.FirstReplications(scenario, 3));

        var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", folder);

        Assert.True(exitCode == 0, error);
        Assert.Contains("journal is at", error);
        Assert.Contains("(3 replications done); starting over. Add --resume to continue it instead.", error);
        ResumeRuns.AssertSameOutputs(await SmallRuns.ReferenceRun(cli, scenario), folder);
        Assert.False(Directory.Exists(Path.Combine(folder, ".partial")));
    }

    [Fact]
    public async Task ResumeWithoutAJournalRunsEverythingAndSaysSo()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("small.yaml", SmallRuns.Scenario);
        var folder = cli.PathOf("out");

        var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", folder, "--resume");

        Assert.True(exitCode == 0, error);
        Assert.Contains("nothing to resume", error);
        ResumeRuns.AssertSameOutputs(await SmallRuns.ReferenceRun(cli, scenario), folder);
    }

    [Fact]
    public void TheResumeCommandRepeatsTheGivenOptionsQuotedForTheShell()
    {
        var options = new MarketSim.Cli.Options.RunOptions("my scenarios/a.yaml", Replications: 50, Seed: 7, OutputFolder: "out/it's", Workers: 3);

        Assert.Equal(
            "marketsim run 'my scenarios/a.yaml' --replications 50 --seed 7 --out 'out/it'\\''s' --workers 3 --resume",
            options.ResumeCommandLine());
    }
}

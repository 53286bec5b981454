using MarketSim.Cli.Resume;
using MarketSim.Cli.Sweep;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Replications;

namespace MarketSim.Cli.Tests.Sweep;

/// <summary>
/// A sweep's journal is bound to its sweep (scenario file hash, seed, --set, --sample, --simulate, point
/// count, tool version; and to being a sweep's): `sweep --resume` refuses any other with exit 2 and a
/// message saying what differs, computing and writing nothing and leaving the journal as it was.
/// </summary>
public sealed class SweepResumeRefusesAnotherJournalTests
{
    [Theory]
    [InlineData("set", "sweep '--set sellers.money.constant=1.5:2.6:0.2 --simulate', now '--set sellers.money.constant=1.5:2.6:0.1 --simulate'")]
    [InlineData("sample", "--sample latin-hypercube:12 --simulate', now")]
    [InlineData("simulate", "sweep '--set sellers.money.constant=1.5:2.6:0.1', now")]
    [InlineData("seed", "seed 7, now 2026")]
    [InlineData("scenario", "(the scenario changed)")]
    [InlineData("version", "tool version 0.0.0-elsewhere, now")]
    [InlineData("run", "it is the journal of a run, this is a sweep")]
    public async Task ResumeRefusesAJournalOfADifferentSweep(string difference, string message)
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("sweep.yaml", SweepRuns.Scenario);
        var other = cli.WriteScenario("other.yaml", SweepRuns.Scenario.Replace("sellers: 1500", "sellers: 1501", StringComparison.Ordinal));
        var right = SweepRuns.HeaderFor(scenario);
        var header = difference switch
        {
            "set" => right with { Design = "--set sellers.money.constant=1.5:2.6:0.2 --simulate" },
            "sample" => right with { Design = "--set sellers.money.constant=1.5:2.6:0.1 --sample latin-hypercube:12 --simulate" },
            "simulate" => right with { Design = SweepDesign.Describe([SweepAxis.Parse(SweepRuns.Set)], null, simulate: false) },
            "seed" => right with { Seed = 7 },
            "scenario" => SweepRuns.HeaderFor(other),
            "version" => right with { ToolVersion = "0.0.0-elsewhere" },
            _ => JournalHeader.For(right.ScenarioSha256, right.Seed, right.Count, right.ToolVersion),
        };
        var folder = cli.PathOf("out");
        var path = ReplicationJournal.PathIn(folder);
        using (var journal = ReplicationJournal.Create(path, header))
        {
            journal.Append(new ReplicationResult(0, [new MechanismMetrics("competitive-equilibrium", [new MetricValue("welfare", 0.25)])]));
        }

        var before = File.ReadAllBytes(path);

        var (exitCode, _, error) = await cli.RunAsync([.. SweepRuns.Arguments(scenario, folder), "--resume"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("the journal belongs to a different sweep", error);
        Assert.Contains(message, error);
        Assert.Contains(path, error);
        Assert.Equal(before, File.ReadAllBytes(path));
        SweepRuns.AssertNoOutputs(folder);
    }

    /// <summary>The control: the forged header of the very same sweep is accepted, and its journaled point is used as stored.</summary>
    [Fact]
    public async Task ResumeAcceptsTheSameSweepsJournalAndUsesItsPoints()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("sweep.yaml", SweepRuns.Scenario);
        var folder = cli.PathOf("out");
        var arguments = new[] { "sweep", scenario, "--set", "sellers.money.constant=1.5:1.6:0.1", "--out", folder };
        var header = SweepRuns.HeaderFor(scenario) with
        {
            Count = 2,
            Design = SweepDesign.Describe([SweepAxis.Parse("sellers.money.constant=1.5:1.6:0.1")], null, simulate: false),
        };
        using (var journal = ReplicationJournal.Create(ReplicationJournal.PathIn(folder), header))
        {
            // A marker no solver gives: if the resume recomputed point 1 instead of using the journal, it would be missing.
            journal.Append(new ReplicationResult(1, [new MechanismMetrics("journaled", [new MetricValue("marker", -0.0)])]));
        }

        var (exitCode, _, error) = await cli.RunAsync([.. arguments, "--resume"]);

        Assert.True(exitCode == 0, error);
        Assert.Contains("resuming: 1 of 2 points already done", error);
        var lines = File.ReadAllLines(SweepRuns.CsvOf(folder));
        Assert.Equal("1,1.6,journaled,marker,-0", lines[^1]);
        Assert.Contains(lines, line => line.StartsWith("0,1.5,competitive-equilibrium,welfare,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("1,1.6,competitive-equilibrium", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutResumeAnOldJournalIsReplacedAndTheSweepStartsOver()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("sweep.yaml", SweepRuns.Scenario);
        var folder = cli.PathOf("out");
        var header = SweepRuns.HeaderFor(scenario) with { Seed = 7 };
        using (var journal = ReplicationJournal.Create(ReplicationJournal.PathIn(folder), header))
        {
            journal.Append(new ReplicationResult(0, [new MechanismMetrics("journaled", [new MetricValue("marker", 1.0)])]));
        }

        var (exitCode, _, error) = await cli.RunAsync("sweep", scenario, "--set", "sellers.money.constant=1.5:1.6:0.1", "--out", folder);

        Assert.True(exitCode == 0, error);
        Assert.Contains("an interrupted sweep's journal is at", error);
        Assert.Contains("(1 point done); starting over. Add --resume to continue it instead.", error);
        Assert.DoesNotContain("journaled", File.ReadAllText(SweepRuns.CsvOf(folder)));
        Assert.False(Directory.Exists(Path.Combine(folder, ".partial")));
    }
}

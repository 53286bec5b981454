namespace MarketSim.Cli.Tests.Edges;

/// <summary>
/// Never destroy results (issue 13): run, sweep, stress and figure refuse a folder holding another
/// scenario's or another command's results unless --force, which removes the old files instead of
/// mixing them in; a dead run's temporary files are cleaned on the next run in that folder.
/// </summary>
public sealed class OutputFoldersAreNeverDestroyedTests
{
    [Fact]
    public async Task AnotherScenariosResultsAreKeptUnlessForced()
    {
        using var cli = new CliHarness();
        var first = cli.WriteScenario("first.yaml", EdgeScenarios.Quickstart);
        var second = cli.WriteScenario("second.yaml", EdgeScenarios.With("seed: 2026", "seed: 7"));
        var folder = cli.PathOf("results");
        Assert.Equal(0, (await cli.RunAsync("run", first, "--out", folder, "--workers", "1")).ExitCode);
        var before = File.ReadAllBytes(Path.Combine(folder, "replications.csv"));

        var (refused, _, error) = await cli.RunAsync("run", second, "--out", folder, "--workers", "1");
        Assert.True(refused == 2, error);
        EdgeScenarios.AssertPlainError(error);
        Assert.Contains("first.yaml", error);
        Assert.Contains("--force", error);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(folder, "replications.csv")));

        // The same scenario again is a plain rerun (same bytes), not a refusal.
        Assert.Equal(0, (await cli.RunAsync("run", first, "--out", folder, "--workers", "1")).ExitCode);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(folder, "replications.csv")));

        var (forced, _, messages) = await cli.RunAsync("run", second, "--out", folder, "--workers", "1", "--force");
        Assert.True(forced == 0, messages);
        Assert.NotEqual(before, File.ReadAllBytes(Path.Combine(folder, "replications.csv")));
        Assert.Contains("second.yaml", File.ReadAllText(Path.Combine(folder, "manifest.json")));
    }

    /// <summary>Another command's results (stress) are refused; forced, its files are removed, not left beside the run's.</summary>
    [Fact]
    public async Task AnotherCommandsFilesAreRemovedNotMixed()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("edge.yaml", EdgeScenarios.Quickstart);
        var folder = cli.PathOf("results");
        var (stress, _, stressError) = await cli.RunAsync("stress", scenario, "--out", folder, "--sizes", "10", "--replications", "20", "--workers", "1");
        Assert.True(stress == 0, stressError);
        Assert.True(File.Exists(Path.Combine(folder, "stress.csv")));

        var (refused, _, error) = await cli.RunAsync("run", scenario, "--out", folder, "--workers", "1");
        Assert.True(refused == 2, error);
        Assert.Contains("'stress'", error);
        Assert.True(File.Exists(Path.Combine(folder, "stress.csv")));

        var (forced, _, messages) = await cli.RunAsync("run", scenario, "--out", folder, "--workers", "1", "--force");
        Assert.True(forced == 0, messages);
        Assert.Equal(
            ["manifest.json", "replications.csv", "report.html", "summary.csv"],
            Directory.EnumerateFileSystemEntries(folder).Select(path => Path.GetFileName(path)!).Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>kill -9 during the write phase leaves .replications.csv.&lt;pid&gt;.tmp: the next run in the folder removes it.</summary>
    [Fact]
    public async Task ADeadRunsTemporaryFilesAreCleanedOnTheNextRun()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("edge.yaml", EdgeScenarios.Quickstart);
        var folder = cli.PathOf("results");
        Directory.CreateDirectory(folder);
        // A process id no process has: the maximum pid on Linux is at most 2^22.
        var stale = Path.Combine(folder, ".replications.csv.9999999.tmp");
        File.WriteAllText(stale, "replication,mechanism,metric,value\n0,competitive-equi");
        var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", folder, "--workers", "1");
        Assert.True(exitCode == 0, error);
        Assert.False(File.Exists(stale), "the dead run's temporary file is still there");
    }
}

using System.Globalization;
using System.Text.Json;

namespace MarketSim.Cli.Tests.Commands;

/// <summary>
/// `run` end to end (issue "Foundation", acceptance): the three files, byte-identical output for the
/// same scenario and seed whatever the worker count, and a manifest that describes the run.
/// </summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task QuickstartWritesReplicationsSummaryAndManifest()
    {
        using var cli = new CliHarness();
        var folder = cli.PathOf("quickstart");

        var (exitCode, output, error) = await cli.RunAsync("run", RepositoryPaths.Scenario("quickstart.yaml"), "--out", folder);

        Assert.True(exitCode == 0, error);
        Assert.Contains("welfare", output);
        var replications = File.ReadAllLines(Path.Combine(folder, "replications.csv"));
        Assert.Equal("replication,mechanism,metric,value", replications[0]);
        var summary = File.ReadAllLines(Path.Combine(folder, "summary.csv"));
        Assert.Equal("mechanism,metric,mean,sd,se,ci_low,ci_high,n,theory,theory_finite", summary[0]);
        Assert.Contains(summary, line => line.StartsWith("competitive-equilibrium,welfare,", StringComparison.Ordinal));

        // The wedge's exact finite-N welfare lies below its continuum value 1/2 (the min(k_B, k_S) shortfall);
        // CE has no finite theory (docs/finite-markets.md). The report shows both columns.
        var wedge = summary.Single(line => line.StartsWith("price-wedge,welfare,", StringComparison.Ordinal)).Split(',');
        Assert.InRange(double.Parse(wedge[9], CultureInfo.InvariantCulture), 0.49, 0.4999);
        Assert.Equal("0.5", wedge[8]);
        Assert.EndsWith(",", summary.Single(line => line.StartsWith("competitive-equilibrium,welfare,", StringComparison.Ordinal)));
        var report = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("<th>theory</th><th>theory_finite</th>", report);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal(64, root.GetProperty("scenario").GetProperty("sha256").GetString()!.Length);
        Assert.True(root.GetProperty("timingsSeconds").GetProperty("wall").GetDouble() > 0);
        var files = root.GetProperty("files").EnumerateArray().Select(file => file.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(new[] { "replications.csv", "summary.csv", "report.html" }, files);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(folder, ".*"));
        Assert.False(Directory.Exists(Path.Combine(folder, ".partial")), "a finished run removes its journal");
    }

    [Fact]
    public async Task SameSeedGivesByteIdenticalCsvWhateverTheWorkerCount()
    {
        using var cli = new CliHarness();
        var scenario = RepositoryPaths.Scenario("quickstart.yaml");
        var runs = new[] { ("a", "1"), ("b", "2"), ("c", "2") };
        foreach (var (name, workers) in runs)
        {
            var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", cli.PathOf(name), "--workers", workers, "--replications", "12");
            Assert.True(exitCode == 0, error);
        }

        foreach (var file in new[] { "replications.csv", "summary.csv" })
        {
            var reference = File.ReadAllBytes(Path.Combine(cli.PathOf("a"), file));
            Assert.Equal(reference, File.ReadAllBytes(Path.Combine(cli.PathOf("b"), file)));
            Assert.Equal(reference, File.ReadAllBytes(Path.Combine(cli.PathOf("c"), file)));
        }
    }

    [Fact]
    public async Task DifferentSeedsGiveDifferentDraws()
    {
        using var cli = new CliHarness();
        var scenario = RepositoryPaths.Scenario("quickstart.yaml");
        foreach (var seed in new[] { "1", "2" })
        {
            var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", cli.PathOf(seed), "--seed", seed, "--replications", "3");
            Assert.True(exitCode == 0, error);
        }

        Assert.NotEqual(
            File.ReadAllBytes(Path.Combine(cli.PathOf("1"), "replications.csv")),
            File.ReadAllBytes(Path.Combine(cli.PathOf("2"), "replications.csv")));
    }

    [Fact]
    public async Task CommandLineOverridesReachTheManifestAndTheReplicationCount()
    {
        using var cli = new CliHarness();
        var folder = cli.PathOf("o");
        var (exitCode, _, error) = await cli.RunAsync("run", RepositoryPaths.Scenario("quickstart.yaml"), "--out", folder, "--replications", "5", "--seed", "99");
        Assert.True(exitCode == 0, error);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        Assert.Equal(99UL, manifest.RootElement.GetProperty("seed").GetUInt64());
        Assert.Equal(5, manifest.RootElement.GetProperty("replications").GetInt32());
        var replicationNumbers = File.ReadLines(Path.Combine(folder, "replications.csv")).Skip(1)
            .Select(line => int.Parse(line.Split(',')[0], CultureInfo.InvariantCulture)).Distinct().ToArray();
        Assert.Equal([0, 1, 2, 3, 4], replicationNumbers);
    }
}

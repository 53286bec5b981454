using System.Globalization;
using System.Text.Json;

namespace MarketSim.Cli.Tests.Commands;

/// <summary>
/// `stress` end to end (issue 8): stress.csv, margin-fit.csv, entry.csv and the manifest, the same
/// bytes whatever the worker count, and exit 2 with the field named on bad input.
/// </summary>
public sealed class StressCommandTests
{
    private static readonly string[] Small = ["--sizes", "40,20", "--replications", "30", "--entry"];

    [Fact]
    public async Task StressSection2WritesTidyFilesAndManifest()
    {
        using var cli = new CliHarness();
        var folder = cli.PathOf("stress");

        var (exitCode, output, error) = await cli.RunAsync(
            ["stress", RepositoryPaths.Scenario("stress-section2.yaml"), "--out", folder, .. Small]);

        Assert.True(exitCode == 0, error);
        Assert.Contains("safety margin", output);
        var stress = File.ReadAllLines(Path.Combine(folder, "stress.csv"));
        Assert.Equal("mechanism,sellers,metric,value,ci_low,ci_high,n", stress[0]);

        // Sizes run in increasing order; CE never runs a deficit; the paper's wedge promises 1/8 (docs/theory.md §1.4).
        var cells = stress.Skip(1).Select(line => line.Split(',')).ToArray();
        Assert.Equal("20", cells[0][1]);
        Assert.Contains(cells, cell => cell[0] == "competitive-equilibrium" && cell[2] == "deficit_probability" && cell[3] == "0");
        Assert.Contains(cells, cell => cell[0] == "paper-wedge" && cell[1] == "40" && cell[2] == "lump_sum_promised" && cell[3] == "0.125");
        Assert.Contains(cells, cell => cell[0] == "paper-wedge" && cell[2] == "sellers_option_1_broken_promise_rate");
        Assert.All(cells.Where(cell => cell[2] == "deficit_probability"), cell =>
            Assert.InRange(double.Parse(cell[3], CultureInfo.InvariantCulture), 0.0, 1.0));

        Assert.Equal("mechanism,intercept,exponent,ci_low,ci_high,points", File.ReadLines(Path.Combine(folder, "margin-fit.csv")).First());
        var entry = File.ReadAllLines(Path.Combine(folder, "entry.csv"));
        Assert.Equal("mechanism,round,buyers,sellers,buyer_entrants,seller_entrants,non_trading_entrants,lump_sum_paid,revenue,budget_surplus,welfare", entry[0]);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        Assert.Equal("stress", manifest.RootElement.GetProperty("command").GetString());
        Assert.Equal(60, manifest.RootElement.GetProperty("replications").GetInt32()); // 30 per size, two sizes
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().Select(file => file.GetProperty("name").GetString()!).ToArray();
        string[] pictures = ["deficit-probability.png", "budget-surplus-q05.png", "broken-promises.png", "welfare-gap.png", "safety-margin.png", "entry-budget-surplus.png"];
        Assert.Equal(new[] { "stress.csv", "margin-fit.csv", "stress-theory.csv", "entry.csv" }.Concat(pictures), files);

        // The exact finite-N curves: the wedge's deficit probability P(min(k_B, k_S) < N/2), k_j ~ Bin(N, 1/2).
        var theory = File.ReadAllLines(Path.Combine(folder, "stress-theory.csv"));
        Assert.Equal(stress[0], theory[0]);
        var deficit = theory.Skip(1).Select(line => line.Split(',')).Single(cell => cell[0] == "paper-wedge" && cell[1] == "20" && cell[2] == "deficit_probability");
        var below = MathNet.Numerics.Distributions.Binomial.CDF(0.5, 20, 9);
        Assert.Equal(1 - ((1 - below) * (1 - below)), double.Parse(deficit[3], CultureInfo.InvariantCulture), 1e-10);
        foreach (var picture in pictures)
        {
            // Each plot against N decodes at the house size (Figures/PlotImages).
            using var bitmap = SkiaSharp.SKBitmap.Decode(Path.Combine(folder, picture));
            Assert.Equal((900, 600), (bitmap.Width, bitmap.Height));
        }
    }

    [Fact]
    public async Task SameSeedGivesIdenticalBytesWhateverTheWorkerCount()
    {
        using var cli = new CliHarness();
        var scenario = RepositoryPaths.Scenario("stress-section2.yaml");
        foreach (var (name, workers) in new[] { ("a", "1"), ("b", "2") })
        {
            var (exitCode, _, error) = await cli.RunAsync(["stress", scenario, "--out", cli.PathOf(name), "--workers", workers, .. Small]);
            Assert.True(exitCode == 0, error);
        }

        foreach (var file in new[] { "stress.csv", "margin-fit.csv", "stress-theory.csv", "entry.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(cli.PathOf("a"), file)), File.ReadAllBytes(Path.Combine(cli.PathOf("b"), file)));
        }
    }

    [Theory]
    [InlineData("--sizes", "10,zero", "--sizes")]
    [InlineData("--sizes", "0", "--sizes")]
    [InlineData("--max-deficit-probability", "1.5", "--max-deficit-probability")]
    [InlineData("--replications", "0", "--replications")]
    public async Task BadOptionsExitTwoNamingTheOption(string option, string value, string named)
    {
        using var cli = new CliHarness();
        var (exitCode, _, error) = await cli.RunAsync("stress", RepositoryPaths.Scenario("stress-section2.yaml"), option, value, "--out", cli.PathOf("x"));
        Assert.Equal(2, exitCode);
        Assert.Contains(named, error);
        Assert.False(Directory.Exists(cli.PathOf("x")));
    }

    [Fact]
    public async Task EntryWithoutAnEntryBlockExitsTwo()
    {
        using var cli = new CliHarness();
        var (exitCode, _, error) = await cli.RunAsync("stress", RepositoryPaths.Scenario("paper-section2.yaml"), "--entry", "--sizes", "10", "--out", cli.PathOf("x"));
        Assert.Equal(2, exitCode);
        Assert.Contains("entry", error);
    }

    [Theory]
    [InlineData("entry: { pool: 0 }", "entry.pool")]
    [InlineData("entry: { pool: 10, cost: -1 }", "entry.cost")]
    [InlineData("entry: { pool: 10, rounds: 0 }", "entry.rounds")]
    [InlineData("entry: { pool: 10, side: everyone }", "entry.side")]
    [InlineData("entry: { pool: 10, arrivals: 3 }", "entry.arrivals")]
    [InlineData("entry: { cost: 0.1 }", "entry.pool")]
    public async Task InvalidEntryBlockNamesTheField(string entry, string field)
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("bad-entry.yaml", string.Join("\n",
            "market: { sellers: 10 }",
            "buyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }",
            "sellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }",
            "mechanisms: [competitive-equilibrium]",
            entry));
        var (exitCode, _, error) = await cli.RunAsync("stress", scenario, "--sizes", "10", "--out", cli.PathOf("x"));
        Assert.Equal(2, exitCode);
        Assert.Contains(field, error);
    }
}

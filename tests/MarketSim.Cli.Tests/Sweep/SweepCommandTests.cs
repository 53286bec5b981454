using System.Globalization;

namespace MarketSim.Cli.Tests.Sweep;

/// <summary>
/// `sweep` end to end (issue 5): the grid's points, the values really set at the dotted path (the
/// solver's diagnostics report them back), the tidy CSV, exit 2 naming a bad path, Latin hypercube
/// stratification, and byte-identical output for the same inputs.
/// </summary>
public sealed class SweepCommandTests
{
    // 000 Section 2's uniform example with sellers' v^M = m: Lambda_S = m, and p_CE = 1/(1+mu... ) = 1/(1+m) at mu = 1 (docs/theory.md §1.4).
    private const string Uniform = """
        name: sweep-uniform
        seed: 11
        replications: 3
        market: { sellers: 60, buyersPerSeller: 1.0 }
        buyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }
        sellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }
        mechanisms:
          - competitive-equilibrium
          - price-wedge: { buyerPrice: 0.5, sellerPrice: 0.25, lumpSum: realized, lumpSumTo: sellers }
        """;

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string[][] Rows(string file) => File.ReadAllLines(file).Skip(1).Select(line => line.Split(',')).ToArray();

    [Fact]
    public async Task GridHasEveryCombinationAndTheValuesAreSetAtThePath()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("uniform.yaml", Uniform);
        var folder = cli.PathOf("out");
        var (exitCode, _, error) = await cli.RunAsync(
            "sweep", scenario, "--set", "sellers.money.constant=1.5:2.5:0.5", "--set", "market.buyersPerSeller=0.5:1:0.5", "--out", folder);
        Assert.True(exitCode == 0, error);

        var lines = File.ReadAllLines(Path.Combine(folder, "sweep.csv"));
        Assert.Equal("point,sellers.money.constant,market.buyersPerSeller,mechanism,metric,value", lines[0]);
        var rows = Rows(Path.Combine(folder, "sweep.csv"));
        var points = rows.Select(row => (row[0], row[1], row[2])).Distinct().ToArray();
        Assert.Equal(3 * 2, points.Length); // 3 values of m x 2 of mu; the first --set varies slowest
        Assert.Equal([("0", "1.5", "0.5"), ("1", "1.5", "1"), ("2", "2", "0.5"), ("3", "2", "1"), ("4", "2.5", "0.5"), ("5", "2.5", "1")], points);
        foreach (var row in rows.Where(row => row[3] == "diagnostics" && row[4] == "lambda_sellers"))
        {
            Assert.Equal(Number(row[1]), Number(row[5]), 12); // Lambda_S = E[v^M] = m (docs/theory.md §1.1)
        }

        foreach (var row in rows.Where(row => row[3] == "diagnostics" && row[4] == "competitive_equilibrium_price" && row[2] == "1"))
        {
            Assert.Equal(1 / (1 + Number(row[1])), Number(row[5]), 6); // p_CE = 1/(1+m) at mu = 1 (docs/theory.md §1.4)
        }

        Assert.Contains(rows, row => row[3] == "price-wedge" && row[4] == "lump_sum_sellers");
        Assert.Contains(rows, row => row[3] == "competitive-equilibrium" && row[4] == "welfare");
        Assert.True(File.Exists(Path.Combine(folder, "manifest.json")));
    }

    [Fact]
    public async Task OnePointIsCountedInTheSingular()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("uniform.yaml", Uniform);
        var (exitCode, output, error) = await cli.RunAsync("sweep", scenario, "--set", "sellers.money.constant=2:2:1", "--out", cli.PathOf("one"));
        Assert.True(exitCode == 0, error);
        Assert.Contains("Swept sweep-uniform over 1 point (sellers.money.constant)", output);

        (exitCode, output, error) = await cli.RunAsync("sweep", scenario, "--set", "sellers.money.constant=2:3:1", "--out", cli.PathOf("two"));
        Assert.True(exitCode == 0, error);
        Assert.Contains("Swept sweep-uniform over 2 points (sellers.money.constant)", output);
    }

    [Theory]
    [InlineData("sellers.money.constnat=1:2:1", "sellers.money")]
    [InlineData("nothing.here=1:2:1", "nothing.here")]
    [InlineData("mechanisms[5].price-wedge.buyerPrice=0.4:0.6:0.1", "mechanisms[5].price-wedge.buyerPrice")]
    [InlineData("name=1:2:1", "name")]
    public async Task UnknownOrNonNumericPathExitsTwoNamingIt(string set, string path)
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("uniform.yaml", Uniform);
        var (exitCode, _, error) = await cli.RunAsync("sweep", scenario, "--set", set, "--out", cli.PathOf("out"));
        Assert.Equal(2, exitCode);
        Assert.Contains(path, error);
        Assert.False(File.Exists(Path.Combine(cli.PathOf("out"), "sweep.csv")));
    }

    [Fact]
    public async Task ValuesThatBreakTheScenarioExitTwoBeforeAnythingIsWritten()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("uniform.yaml", Uniform);
        var (exitCode, _, error) = await cli.RunAsync("sweep", scenario, "--set", "market.buyersPerSeller=-1:1:1", "--out", cli.PathOf("out"));
        Assert.Equal(2, exitCode);
        Assert.Contains("market.buyersPerSeller", error); // the loader's own check, with the sweep point named
        Assert.False(Directory.Exists(cli.PathOf("out")));
    }

    [Fact]
    public async Task LatinHypercubeHitsEveryStratumOncePerDimension()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("uniform.yaml", Uniform);
        const int count = 7;
        var (exitCode, _, error) = await cli.RunAsync(
            "sweep", scenario, "--set", "sellers.money.constant=1:3", "--set", "sellers.good.uniform[1]=0.6:1", "--sample", $"latin-hypercube:{count}", "--out", cli.PathOf("lhs"));
        Assert.True(exitCode == 0, error);

        var points = Rows(Path.Combine(cli.PathOf("lhs"), "sweep.csv")).Select(row => (Point: row[0], M: Number(row[1]), Upper: Number(row[2]))).Distinct().ToArray();
        Assert.Equal(count, points.Length);
        Assert.Equal(Enumerable.Range(0, count), points.Select(p => (int)Math.Floor((p.M - 1) / 2 * count)).Order());
        Assert.Equal(Enumerable.Range(0, count), points.Select(p => (int)Math.Floor((p.Upper - 0.6) / 0.4 * count)).Order());
    }

    [Fact]
    public async Task SameInputsGiveByteIdenticalCsvWithSimulation()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("uniform.yaml", Uniform);
        foreach (var name in new[] { "a", "b" })
        {
            var (exitCode, _, error) = await cli.RunAsync(
                "sweep", scenario, "--set", "sellers.money.constant=2:3:1", "--sample", "latin-hypercube:3", "--simulate", "--out", cli.PathOf(name));
            Assert.True(exitCode == 0, error);
        }

        var first = File.ReadAllBytes(Path.Combine(cli.PathOf("a"), "sweep.csv"));
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(cli.PathOf("b"), "sweep.csv")));
        var rows = Rows(Path.Combine(cli.PathOf("a"), "sweep.csv"));
        // --simulate: the Monte Carlo mean of each metric next to the solver's numbers.
        Assert.Contains(rows, row => row[2] == "competitive-equilibrium" && row[3] == "simulated_welfare");
        Assert.Contains(rows, row => row[2] == "price-wedge" && row[3] == "simulated_budget_surplus");
    }
}

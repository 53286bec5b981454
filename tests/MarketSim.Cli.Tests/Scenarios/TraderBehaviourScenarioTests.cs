using System.Globalization;
using System.Text.Json;
using MarketSim.Cli.Scenarios;
using MarketSim.Core.Scenarios;

namespace MarketSim.Cli.Tests.Scenarios;

/// <summary>
/// The scenario key <c>behaviour: truthful | equilibrium</c> of a side (docs/theory.md §2.4): parsed per
/// side (default truthful), refused with exit code 2 where it is not defined, and under
/// <c>equilibrium</c> the CE is cleared on the equilibrium reports (shading on both sides can only lose
/// trades: efficiency at most 1 in every replication) with the bid functions in <c>equilibrium.csv</c>.
/// </summary>
public sealed class TraderBehaviourScenarioTests
{
    private static string Scenario(string buyerBehaviour, string sellerBehaviour, int sellers = 5, string mechanisms = "  - competitive-equilibrium\n", int sellerMoney = 1) => $$"""
        name: strategic
        seed: 3
        replications: 200
        market: { sellers: {{sellers}}, buyersPerSeller: 1.0 }
        buyers:  { good: { uniform: [0, 1] }, money: { constant: 1 }{{buyerBehaviour}} }
        sellers: { good: { uniform: [0, 1] }, money: { constant: {{sellerMoney}} }{{sellerBehaviour}} }
        mechanisms:
        {{mechanisms}}
        """;

    [Fact]
    public void BehaviourIsParsedPerSideAndDefaultsToTruthful()
    {
        var truthful = ScenarioLoader.LoadText("s.yaml", Scenario(string.Empty, string.Empty)).Scenario;
        Assert.Equal(TraderBehaviour.Truthful, truthful.BuyerBehaviour);
        Assert.Equal(TraderBehaviour.Truthful, truthful.SellerBehaviour);
        var mixed = ScenarioLoader.LoadText("s.yaml", Scenario(", behaviour: equilibrium", ", behaviour: truthful")).Scenario;
        Assert.Equal(TraderBehaviour.Equilibrium, mixed.BuyerBehaviour);
        Assert.Equal(TraderBehaviour.Truthful, mixed.SellerBehaviour);
    }

    [Theory]
    [InlineData(", behaviour: strategic", 5, "  - competitive-equilibrium\n", 1, "behaviour")]
    [InlineData(", behaviour: equilibrium", 5, "  - price-control: { price: 0.4 }\n", 1, "competitive-equilibrium")]
    [InlineData(", behaviour: equilibrium", 20_000, "  - competitive-equilibrium\n", 1, "at most")]
    // Section 2's laws with 2 sellers: high buyers pool on the highest ask and high sellers crowd beneath
    // that pool, a two-sided pool the solver does not represent (docs/theory.md §2.4).
    [InlineData(", behaviour: equilibrium", 2, "  - competitive-equilibrium\n", 2, "was not found")]
    public async Task EquilibriumIsRefusedWhereItIsNotDefined(string behaviour, int sellers, string mechanisms, int sellerMoney, string reason)
    {
        using var cli = new CliHarness();
        var path = cli.WriteScenario("bad.yaml", Scenario(behaviour, string.Empty, sellers, mechanisms, sellerMoney));
        var folder = cli.PathOf("out");
        var (exitCode, _, error) = await cli.RunAsync("run", path, "--out", folder);
        Assert.Equal(2, exitCode);
        Assert.Contains("bad.yaml", error);
        Assert.Contains(reason, error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(Path.Combine(folder, "summary.csv")));
    }

    [Fact]
    public async Task EquilibriumReportsAreClearedAndTheBidFunctionsWritten()
    {
        using var cli = new CliHarness();
        var path = cli.WriteScenario("eq.yaml", Scenario(", behaviour: equilibrium", ", behaviour: equilibrium"));
        var folder = cli.PathOf("out");
        var (exitCode, _, error) = await cli.RunAsync("run", path, "--out", folder);
        Assert.True(exitCode == 0, error);

        var rows = File.ReadAllLines(Path.Combine(folder, "equilibrium.csv"));
        Assert.Equal("mechanism,side,rate,report,residual,maximum_gain", rows[0]);
        var cells = rows.Skip(1).Select(row => row.Split(',')).ToArray();
        Assert.Contains(cells, row => row[1] == "buyers");
        Assert.Contains(cells, row => row[1] == "sellers");
        foreach (var row in cells)
        {
            var rate = double.Parse(row[2], CultureInfo.InvariantCulture);
            var report = double.Parse(row[3], CultureInfo.InvariantCulture);
            // Buyers shade down, sellers up (docs/theory.md §2.4), up to the grid's error where trade starts.
            Assert.True(row[1] == "buyers" ? report <= rate + 1e-3 : report >= rate - 1e-3, string.Join(',', row));
            // The deviation check of an accepted equilibrium of 5 pairs (against truth a type gains about 5e-3).
            Assert.True(double.Parse(row[5], CultureInfo.InvariantCulture) < 5e-5, string.Join(',', row));
        }

        Assert.True(cells.Max(row => Math.Abs(double.Parse(row[3], CultureInfo.InvariantCulture) - double.Parse(row[2], CultureInfo.InvariantCulture))) > 0.02);

        // Shading on both sides can only lose trades against the truthful reference CE: efficiency <= 1
        // in every replication, and strictly below 1 on average.
        var efficiency = File.ReadAllLines(Path.Combine(folder, "replications.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(row => row[1] == "competitive-equilibrium" && row[2] == "efficiency")
            .Select(row => double.Parse(row[3], CultureInfo.InvariantCulture))
            .Where(value => !double.IsNaN(value))
            .ToArray();
        Assert.NotEmpty(efficiency);
        Assert.All(efficiency, value => Assert.True(value <= 1 + 1e-12, $"efficiency {value}"));
        Assert.True(efficiency.Average() < 0.99, $"mean efficiency {efficiency.Average()}");

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().Select(file => file.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(new[] { "replications.csv", "summary.csv", "report.html", "equilibrium.csv" }, files);
    }
}

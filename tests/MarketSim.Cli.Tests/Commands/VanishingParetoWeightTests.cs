using System.Text.Json;

namespace MarketSim.Cli.Tests.Commands;

/// <summary>
/// Issue 15 item 5: <c>weight: { polynomial: [48, -24, 3] }</c> on <c>rate: { uniform: [3, 4] }</c>, i.e.
/// lambda_B(r) = 3 (4 - r)^2, is zero at the richest buyer r = 4 and positive inside (001 Theorem 7; docs/theory.md
/// §1.5). <c>solve</c> and <c>run</c> accept it; weights that are negative or vanish inside the support exit 2
/// naming the file, the field and the reason.
/// </summary>
public sealed class VanishingParetoWeightTests
{
    private const string Market = """
        market: { sellers: 200, buyersPerSeller: 1.0 }
        buyers:  { rate: { uniform: [3, 4] }, weight: { polynomial: [48, -24, 3] } }
        sellers: { rate: { uniform: [3, 4] }, weight: { polynomial: [1] } }
        """;

    [Fact]
    public async Task SolveAndRunAcceptAWeightThatVanishesAtTheRichestBuyer()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("vanishing.yaml", $"name: vanishing\nreplications: 3\n{Market}\nmechanisms: [competitive-equilibrium, optimal, optimal-no-lump-sum]\n");

        var (exitCode, output, error) = await cli.RunAsync("solve", scenario, "--json");
        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        // Lambda_B = 3 E[(4 - r)^2] = 1. CE at p = 3.5: sellers int_3^3.5 (3.5 - r) dr = 1/8, buyers
        // int_3.5^4 3 (4 - r)^2 (r - 3.5) dr = 3 int_0^0.5 s^2 (0.5 - s) ds = 1/64: W_CE = 0.140625.
        Assert.Equal(1.0, json.RootElement.GetProperty("diagnostics").GetProperty("lambda").GetProperty("buyers").GetDouble(), 1e-12);
        var entries = json.RootElement.GetProperty("mechanisms").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        double competitive = entries["competitive-equilibrium"].GetProperty("welfare").GetDouble();
        Assert.Equal(0.140625, competitive, 1e-9);
        foreach (var name in new[] { "optimal", "optimal-no-lump-sum" })
        {
            double welfare = entries[name].GetProperty("welfare").GetDouble();
            Assert.True(double.IsFinite(welfare));
            // CE's price 3.5 lies inside both supports, so CE is feasible in both regimes: no optimum is below it.
            Assert.True(welfare >= competitive - 1e-12, $"{name}: {welfare} < CE {competitive}");
        }

        var folder = cli.PathOf("out");
        (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", folder);
        Assert.True(exitCode == 0, error);
        var summary = File.ReadAllLines(Path.Combine(folder, "summary.csv"));
        Assert.Contains(summary, line => line.StartsWith("optimal,welfare,", StringComparison.Ordinal));
        Assert.DoesNotContain(summary, line => line.Contains("NaN", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[3, 4.5]", "[48, -24, 3]", "inside")]   // 3 (4 - r)^2 vanishes at r = 4 inside [3, 4.5]
    [InlineData("[0, 1]", "[1, -2]", "positive inside")] // 1 - 2r is negative above 1/2
    [InlineData("[0, 1]", "[-0.01, 1]", "positive inside")] // negative at the bottom end
    public async Task WeightsNegativeOrZeroInsideExitTwoNamingFileFieldAndReason(string support, string polynomial, string reason)
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("bad.yaml",
            $"name: bad\nmarket: {{ sellers: 50, buyersPerSeller: 1.0 }}\nbuyers:  {{ rate: {{ uniform: {support} }}, weight: {{ polynomial: {polynomial} }} }}\n" +
            "sellers: { rate: { uniform: [0, 1] }, weight: { polynomial: [1] } }\nmechanisms: [optimal]\n");
        foreach (var arguments in new[] { new[] { "solve", scenario, "--json" }, ["run", scenario, "--out", cli.PathOf("out")] })
        {
            var (exitCode, _, error) = await cli.RunAsync(arguments);
            Assert.Equal(2, exitCode);
            var message = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(scenario, message);
            Assert.Contains("buyers.weight", message);
            Assert.Contains(reason, message);
            Assert.DoesNotContain("   at ", error);
            Assert.False(Directory.Exists(cli.PathOf("out")));
        }
    }
}

using System.Text.Json;

namespace MarketSim.Cli.Tests.Commands;

/// <summary>
/// `solve --json` on 000 Section 2's example (m = 2): one JSON object in docs/architecture.md's shape with
/// the numbers of docs/theory.md §1.4 (issue "Solver" acceptance).
/// </summary>
public sealed class SolveCommandTests
{
    [Fact]
    public async Task JsonHasTheArchitectureShapeAndTheSection2Numbers()
    {
        using var cli = new CliHarness();
        var (exitCode, output, error) = await cli.RunAsync("solve", RepositoryPaths.Scenario("paper-section2.yaml"), "--json");
        Assert.True(exitCode == 0, error);

        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal("paper-section2", root.GetProperty("scenario").GetString());
        var diagnostics = root.GetProperty("diagnostics");
        Assert.Equal(1.0, diagnostics.GetProperty("lambda").GetProperty("buyers").GetDouble(), 1e-12);
        Assert.Equal(2.0, diagnostics.GetProperty("lambda").GetProperty("sellers").GetDouble(), 1e-12);
        Assert.Equal(1.0 / 3, diagnostics.GetProperty("competitiveEquilibrium").GetProperty("price").GetDouble(), 1e-9);
        Assert.False(diagnostics.GetProperty("competitiveEquilibrium").GetProperty("optimal").GetBoolean());
        Assert.Equal("none", diagnostics.GetProperty("sameSideInequality").GetProperty("buyers").GetString());
        Assert.Equal("none", diagnostics.GetProperty("sameSideInequality").GetProperty("sellers").GetString());

        var mechanisms = root.GetProperty("mechanisms").EnumerateArray().ToDictionary(entry => entry.GetProperty("name").GetString()!);
        Assert.Equal(["competitive-equilibrium", "price-wedge", "price-floor", "optimal", "optimal-no-lump-sum"], mechanisms.Keys);
        foreach (var entry in mechanisms.Values)
        {
            foreach (var key in new[] { "welfare", "volume", "revenue", "lumpSum", "buyers", "sellers" })
            {
                Assert.True(entry.TryGetProperty(key, out _), $"{entry.GetProperty("name")} lacks {key}");
            }
        }

        // docs/theory.md §1.4, m = 2 with lump sums: p_B = 1/2, p_S = 1/(2m) = 1/4, lump sum (m-1)/(4m) = 1/8 to sellers, welfare m/4.
        var optimal = mechanisms["optimal"];
        Assert.Equal(0.5, optimal.GetProperty("welfare").GetDouble(), 1e-4);
        Assert.Equal(0.125, optimal.GetProperty("lumpSum").GetProperty("sellers").GetDouble(), 1e-3);
        Assert.Equal(0.0, optimal.GetProperty("lumpSum").GetProperty("buyers").GetDouble(), 1e-12);
        Assert.Equal(0.5, Assert.Single(optimal.GetProperty("buyers").GetProperty("menu").EnumerateArray()).GetProperty("price").GetDouble(), 1e-3);
        Assert.Equal(0.25, Assert.Single(optimal.GetProperty("sellers").GetProperty("menu").EnumerateArray()).GetProperty("price").GetDouble(), 1e-3);
        Assert.Equal(2.0, optimal.GetProperty("multiplier").GetDouble(), 1e-9);
        Assert.Equal("wedge-with-lump-sum", optimal.GetProperty("class").GetString());

        // No lump sums, 1/3 <= m <= 3: a single price p* = p_CE = 1/3 and CE's welfare 4/9.
        var noLumpSum = mechanisms["optimal-no-lump-sum"];
        Assert.Equal(4.0 / 9, noLumpSum.GetProperty("welfare").GetDouble(), 1e-4);
        Assert.Equal(1.0 / 3, Assert.Single(noLumpSum.GetProperty("sellers").GetProperty("menu").EnumerateArray()).GetProperty("price").GetDouble(), 1e-3);

        // The posted wedge's continuum value equals the optimum's; the floor's is 0.42 (see PaperSection2Tests).
        Assert.Equal(0.5, mechanisms["price-wedge"].GetProperty("welfare").GetDouble(), 1e-12);
        Assert.Equal(0.42, mechanisms["price-floor"].GetProperty("welfare").GetDouble(), 1e-12);
    }

    [Fact]
    public async Task ReadableTableNamesEveryMechanism()
    {
        using var cli = new CliHarness();
        var (exitCode, output, error) = await cli.RunAsync("solve", RepositoryPaths.Scenario("paper-section2.yaml"));
        Assert.True(exitCode == 0, error);
        Assert.Contains("p_CE = 0.33333", output);
        Assert.Contains("wedge-with-lump-sum", output);
    }

    [Fact]
    public async Task InvalidScenarioExitsTwoAndPrintsNoJson()
    {
        using var cli = new CliHarness();
        var file = cli.WriteScenario("bad.yaml", "name: bad\nmechanisms: []");
        var (exitCode, output, error) = await cli.RunAsync("solve", file, "--json");
        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output.Trim());
        Assert.Contains("mechanisms", error);
    }
}

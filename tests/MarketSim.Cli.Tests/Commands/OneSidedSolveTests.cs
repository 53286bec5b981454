using System.Text.Json;

namespace MarketSim.Cli.Tests.Commands;

/// <summary>
/// <c>oneSided: { side, quantity, revenue }</c> (001 Section 3, 002 slides): <c>solve --json</c> reports the
/// optimal menu, its welfare and class; a budget that cannot do the job exits 2 naming the field.
/// </summary>
public sealed class OneSidedSolveTests
{
    private const string Sellers = "sellers: { rate: { uniform: [0, 1] }, weight: { polynomial: [1.05, -2, 1] } }";

    [Fact]
    public async Task SolveReportsTheRationedSellerPriceThatSpendsTheBudget()
    {
        // lambda(r) = (1 - r)^2 + 0.05 on U[0, 1] (high inequality). Unconstrained, sellers would be rationed at
        // 0.233 > Q; with R = 0.03 < 0.15 x 0.233 the budget binds: one price R/Q = 0.2, at which G(0.2) = 0.2
        // want to sell, each with probability Q/0.2 = 0.75; nothing is left for a lump sum.
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("one-sided.yaml", $"name: one-sided\n{Sellers}\noneSided: {{ side: sellers, quantity: 0.15, revenue: 0.03 }}\n");
        var (exitCode, output, error) = await cli.RunAsync("solve", scenario, "--json");
        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var oneSided = json.RootElement.GetProperty("oneSided");
        Assert.Equal("rationing-at-single-price", oneSided.GetProperty("class").GetString());
        Assert.Equal("high", oneSided.GetProperty("sameSideInequality").GetString());
        var option = Assert.Single(oneSided.GetProperty("options").EnumerateArray().ToArray());
        Assert.Equal(0.2, option.GetProperty("price").GetDouble(), 1e-3);
        Assert.Equal(0.75, option.GetProperty("probability").GetDouble(), 1e-3);
        Assert.Equal(0, oneSided.GetProperty("lumpSum").GetDouble(), 1e-9);
        Assert.Equal(0.15, oneSided.GetProperty("competitivePrice").GetDouble(), 1e-12);
    }

    [Theory]
    [InlineData("oneSided: { side: sellers, quantity: 0.5, revenue: 0.1 }", "oneSided.revenue", "cannot buy")]
    [InlineData("oneSided: { side: sellers, quantity: 1.5, revenue: 0.1 }", "oneSided.quantity", "strictly between 0 and 1")]
    [InlineData("oneSided: { side: buyers, quantity: 0.5, revenue: 0.1 }", "oneSided.side", "'buyers' law")]
    [InlineData("oneSided: { side: traders, quantity: 0.5, revenue: 0.1 }", "oneSided.side", "sellers")]
    public async Task BadOneSidedProblemsExitTwoNamingTheField(string line, string field, string reason)
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("bad.yaml", $"name: bad\n{Sellers}\n{line}\n");
        var (exitCode, _, error) = await cli.RunAsync("solve", scenario, "--json");
        Assert.Equal(2, exitCode);
        Assert.Contains(field, error);
        Assert.Contains(reason, error);
        Assert.DoesNotContain("   at ", error);
    }
}

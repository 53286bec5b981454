using System.Globalization;
using System.Text.Json;

namespace MarketSim.Cli.Tests.Scenarios;

/// <summary>
/// Issue 12 through the command line: lognormal laws solve (they used to hang), joint data
/// (<c>joint: { empirical: pairs.csv }</c>) solves with the rows' means as Lambda, and a law the theory cannot
/// use or a malformed data file is exit 2 with one sentence naming file, field and reason.
/// </summary>
public sealed class GeneralLawScenarioTests
{
    private const string Mechanisms = "mechanisms: [ competitive-equilibrium, optimal ]\n";

    [Fact]
    public async Task LognormalMoneyOnBothSidesSolves()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("lognormal.yaml",
            "market: { sellers: 100 }\n" +
            "buyers:  { good: { uniform: [0, 1] }, money: { lognormal: { mu: 0, sigma: 0.3 } } }\n" +
            "sellers: { good: { lognormal: { mu: -1, sigma: 0.5 } }, money: { lognormal: { mu: 0.5, sigma: 0.4 } } }\n" + Mechanisms);
        var (exitCode, output, error) = await cli.RunAsync("solve", scenario, "--json");
        Assert.True(exitCode == 0, error);
        using var document = JsonDocument.Parse(output);
        var lambda = document.RootElement.GetProperty("diagnostics").GetProperty("lambda");
        Assert.Equal(Math.Exp(0.045), lambda.GetProperty("buyers").GetDouble(), 1e-12); // E[v^M] = e^(mu + sigma^2/2)
        Assert.Equal(Math.Exp(0.58), lambda.GetProperty("sellers").GetDouble(), 1e-12);
        var welfare = document.RootElement.GetProperty("mechanisms").EnumerateArray().Select(m => m.GetProperty("welfare").GetDouble()).ToArray();
        Assert.True(welfare[1] >= welfare[0] - 1e-6, $"optimal {welfare[1]} < CE {welfare[0]}");
    }

    [Fact]
    public async Task ShippedJointDataScenarioSolvesWithTheRowsMeans()
    {
        using var cli = new CliHarness();
        var (exitCode, output, error) = await cli.RunAsync("solve", RepositoryPaths.Scenario("joint-data.yaml"), "--json");
        Assert.True(exitCode == 0, error);
        var rows = File.ReadAllLines(RepositoryPaths.Scenario("data/buyers-survey.csv")).Skip(1)
            .Select(line => double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(400, rows.Length);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(rows.Average(), document.RootElement.GetProperty("diagnostics").GetProperty("lambda").GetProperty("buyers").GetDouble(), 1e-12);
        var welfare = document.RootElement.GetProperty("mechanisms").EnumerateArray().ToDictionary(
            m => m.GetProperty("name").GetString()!, m => m.GetProperty("welfare").GetDouble());
        Assert.True(welfare["optimal"] >= welfare["competitive-equilibrium"] - 1e-6);
    }

    [Theory]
    [InlineData("good,wealth\n1,2\n", "pairs.csv has no 'money' column")]
    [InlineData("good,money\n1,2\n0.5,-1\n", "pairs.csv line 3: money '-1' is not a finite positive number")]
    [InlineData("good,money\n", "pairs.csv holds no rows")]
    public async Task MalformedJointDataIsExitTwoNamingTheFileAndTheRow(string csv, string reason)
    {
        using var cli = new CliHarness();
        File.WriteAllText(cli.PathOf("pairs.csv"), csv);
        var scenario = cli.WriteScenario("joint.yaml",
            "market: { sellers: 100 }\nbuyers: { joint: { empirical: pairs.csv } }\nsellers: { good: { uniform: [0, 1] }, money: { constant: 1 } }\n" + Mechanisms);
        var (exitCode, _, error) = await cli.RunAsync("solve", scenario);
        Assert.Equal(2, exitCode);
        Assert.Contains("buyers.joint.empirical", error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public async Task InfiniteMeanValueOfMoneyIsExitTwoWithTheReason()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("heavy.yaml",
            "market: { sellers: 100 }\nbuyers: { good: { uniform: [0, 1] }, money: { constant: 1 } }\n" +
            "sellers: { good: { uniform: [0, 1] }, money: { pareto: { scale: 1, shape: 0.8 } } }\n" + Mechanisms);
        var (exitCode, _, error) = await cli.RunAsync("solve", scenario);
        Assert.Equal(2, exitCode);
        Assert.Contains("heavy.yaml: sellers", error);
        Assert.Contains("E[v^M]", error);
        Assert.DoesNotContain("   at ", error); // no stack trace
    }
}

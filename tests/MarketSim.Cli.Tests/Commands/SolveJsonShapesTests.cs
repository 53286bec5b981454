using System.Text.Json;

namespace MarketSim.Cli.Tests.Commands;

/// <summary>
/// `solve --json` for the mechanisms with their own populations prints exactly the shapes of issue 6
/// (multi-object threshold) and issue 7 (redistributive auction), in scenario order, and the readable
/// form shows a row per mechanism.
/// </summary>
public sealed class SolveJsonShapesTests
{
    [Fact]
    public async Task MultiObjectEntryHasIssueSixKeysAndThePaperNumbers()
    {
        using var cli = new CliHarness();
        var (exitCode, output, error) = await cli.RunAsync("solve", RepositoryPaths.Scenario("multi-object-paper.yaml"), "--json");
        Assert.True(exitCode == 0, error);

        using var json = JsonDocument.Parse(output);
        var entries = json.RootElement.GetProperty("mechanisms").EnumerateArray().ToArray();
        Assert.Equal(["threshold-ex-ante", "threshold-ex-post"], entries.Select(entry => entry.GetProperty("name").GetString()));
        var entry = entries[0];
        Assert.Equal(
            ["name", "thresholds", "worstTypePayment", "utility", "gainsFromTrade", "firstBest", "efficiency", "frontier", "firstBestAttainable", "positiveUtilityFrom"],
            Keys(entry));
        // 004 example: per object G_0 - sum b = 3 - 2.5 - 2.5 < 0, so no first best; Proposition 5:
        // N > q Delta / ((1 - q) G) = 11 / 1 for each agent, so from N = 12 on.
        Assert.False(entry.GetProperty("firstBestAttainable").GetBoolean());
        Assert.Equal(["buyer", "seller"], Keys(entry.GetProperty("positiveUtilityFrom")));
        Assert.Equal(12, entry.GetProperty("positiveUtilityFrom").GetProperty("buyer").GetInt32());
        Assert.Equal(12, entry.GetProperty("positiveUtilityFrom").GetProperty("seller").GetInt32());
        foreach (var side in new[] { "buyer", "seller" })
        {
            var threshold = entry.GetProperty("thresholds").GetProperty(side);
            Assert.Equal(["M", "sigma", "mu"], Keys(threshold));
            Assert.Equal(4, threshold.GetProperty("mu").GetArrayLength()); // m = 0..N with N = 3
        }

        Assert.Equal(["buyer", "seller"], Keys(entry.GetProperty("thresholds")));
        Assert.Equal(["buyer", "seller"], Keys(entry.GetProperty("worstTypePayment")));
        Assert.Equal(["buyer", "seller"], Keys(entry.GetProperty("utility")));
        var frontier = entry.GetProperty("frontier").EnumerateArray().ToArray();
        Assert.NotEmpty(frontier);
        Assert.All(frontier, vertex => Assert.Equal(["sellerWeight", "buyer", "seller"], Keys(vertex)));

        // docs/theory.md §3 / 004 example, N = 3: optimum at equal weights "about 10.25"; separate trading 9.9 is beaten.
        Assert.InRange(entry.GetProperty("gainsFromTrade").GetDouble(), 10.2, 10.3);
        var utility = entry.GetProperty("utility");
        Assert.Equal(entry.GetProperty("gainsFromTrade").GetDouble(), utility.GetProperty("buyer").GetDouble() + utility.GetProperty("seller").GetDouble(), 9);
        // docs/theory.md §3 vertex (6.82, 3.44) on the frontier (rounded in the paper).
        Assert.Contains(frontier, vertex =>
            Math.Abs(vertex.GetProperty("buyer").GetDouble() - 6.82) < 0.01 && Math.Abs(vertex.GetProperty("seller").GetDouble() - 3.44) < 0.01);
    }

    [Fact]
    public async Task AuctionEntryHasIssueSevenKeysWithNullForEmptyRegions()
    {
        using var cli = new CliHarness();
        var (exitCode, output, error) = await cli.RunAsync("solve", RepositoryPaths.Scenario("redistributive-auction.yaml"), "--json");
        Assert.True(exitCode == 0, error);

        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.TryGetProperty("diagnostics", out _)); // no two-sided market
        var entries = json.RootElement.GetProperty("mechanisms").EnumerateArray().ToArray();
        Assert.Equal(["auction-symmetric", "auction-asymmetric-binding"], entries.Select(entry => entry.GetProperty("name").GetString()));
        foreach (var entry in entries)
        {
            Assert.Equal(["name", "multiplier", "surplus", "welfare", "lumpSums", "players"], Keys(entry));
            var players = entry.GetProperty("players").EnumerateArray().ToArray();
            Assert.Equal(entry.GetProperty("lumpSums").GetArrayLength(), players.Length);
            Assert.All(players, player => Assert.Equal(["poolUpTo", "badBelow", "goodAbove", "reserve"], Keys(player)));
        }

        // Slack budget: nu = 0 and the surplus is rebated (docs/theory.md §4); binding: nu > 0, surplus 0.
        Assert.Equal(0, entries[0].GetProperty("multiplier").GetDouble());
        Assert.True(entries[0].GetProperty("surplus").GetDouble() > 0);
        Assert.True(entries[1].GetProperty("multiplier").GetDouble() > 0);
        Assert.Equal(0, entries[1].GetProperty("surplus").GetDouble(), 9);
        // The U[2, 15] player never takes the bad in the binding variant: its bad regions are null.
        var third = entries[1].GetProperty("players")[2];
        Assert.Equal(JsonValueKind.Null, third.GetProperty("badBelow").ValueKind);
        Assert.Equal(JsonValueKind.Null, third.GetProperty("poolUpTo").ValueKind);
        Assert.Equal(JsonValueKind.Number, third.GetProperty("goodAbove").ValueKind);
    }

    [Fact]
    public async Task AuctionWithAWeightDensitySolvesAndAPlayersOwnDensityDecidesTheLumpSum()
    {
        // 003 Theorem 2 (b.ii) with general weights: player 2's density (3 below t = 8, 1 above) gives
        // Lambda_2(b) = (3 ln 8 + ln 2.5)/19 = 0.376 > Lambda_1(b) = ln 20 / 19 = 0.158 (utils): only
        // player 2 gets a lump sum.
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("weights.yaml", """
            name: weights
            mechanisms:
              - redistributive-auction:
                  label: auction
                  badCost: 1
                  weights: utils
                  players:
                    - { type: { uniform: [1, 20] } }
                    - { type: { uniform: [1, 20] }, weights: { piecewiseConstant: { breaks: [8], values: [3, 1] } } }
              - redistributive-auction: { label: poly, badCost: 1, weights: { polynomial: [2, -0.05] }, players: [ { type: { uniform: [1, 20] } }, { type: { uniform: [1, 20] } } ] }
            """);
        var (exitCode, output, error) = await cli.RunAsync("solve", scenario, "--json");
        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var entries = json.RootElement.GetProperty("mechanisms").EnumerateArray().ToArray();
        var lumpSums = entries[0].GetProperty("lumpSums").EnumerateArray().Select(value => value.GetDouble()).ToArray();
        Assert.Equal(0, lumpSums[0]);
        Assert.True(lumpSums[1] > 0);
        Assert.Equal(0, entries[1].GetProperty("multiplier").GetDouble());
    }

    [Fact]
    public async Task MixedScenarioListsEveryMechanismInScenarioOrderAndTheTablesShowThem()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("mixed.yaml", """
            name: mixed
            market: { sellers: 40, buyersPerSeller: 1.0 }
            buyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }
            sellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }
            mechanisms:
              - redistributive-auction: { label: auction, badCost: 1, players: [ { type: { uniform: [1, 20] } }, { type: { uniform: [1, 20] } } ] }
              - competitive-equilibrium
              - multi-object-threshold: { label: pairs, objects: 3, buyer: { high: 12, low: 1, goodProbability: 0.5 }, seller: { high: 11, low: 0, goodProbability: 0.5 } }
            """);
        var (exitCode, output, error) = await cli.RunAsync("solve", scenario, "--json");
        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.TryGetProperty("diagnostics", out _));
        Assert.Equal(
            ["auction", "competitive-equilibrium", "pairs"],
            json.RootElement.GetProperty("mechanisms").EnumerateArray().Select(entry => entry.GetProperty("name").GetString()));

        var (tableExit, table, tableError) = await cli.RunAsync("solve", scenario);
        Assert.True(tableExit == 0, tableError);
        Assert.Contains("multi-object threshold mechanisms", table);
        Assert.Contains("redistributive auctions", table);
        Assert.Contains("pairs", table);
        Assert.Contains("auction", table);
    }

    [Fact]
    public async Task InvalidAuctionSupportExitsTwoFromSolveToo()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("bad.yaml", """
            name: bad
            mechanisms:
              - redistributive-auction: { badCost: 1, players: [ { type: { uniform: [0, 5] } }, { type: { uniform: [1, 5] } } ] }
            """);
        var (exitCode, _, error) = await cli.RunAsync("solve", scenario, "--json");
        Assert.Equal(2, exitCode);
        Assert.Contains("mechanisms[0].redistributive-auction.players[0].type", error);
    }

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(property => property.Name).ToArray();
}

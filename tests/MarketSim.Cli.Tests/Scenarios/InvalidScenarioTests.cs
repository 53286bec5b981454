namespace MarketSim.Cli.Tests.Scenarios;

/// <summary>
/// Every invalid scenario exits with code 2 and ONE message naming the file, the field path and the
/// reason, and nothing is written (issue "Foundation", acceptance; docs/architecture.md exit codes).
/// </summary>
public sealed class InvalidScenarioTests
{
    private const string ValidSides = """
        market: { sellers: 50, buyersPerSeller: 1.0 }
        buyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }
        sellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }
        """;

    public static TheoryData<string, string, string> Cases => new()
    {
        // yaml, expected field path, expected words of the reason
        { $"name: bad\nreplications: 2\ncolour: blue\n{ValidSides}\nmechanisms: [competitive-equilibrium]", "colour", "unknown key 'colour'" },
        { "name: bad\nreplications: 2\nbuyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }\nsellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }\nmechanisms: [competitive-equilibrium]", "market", "required field is missing" },
        { "name: bad\nmarket: { sellers: 50 }\nbuyers:  { good: { uniform: [0, 1] } }\nsellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }\nmechanisms: [competitive-equilibrium]", "buyers.money", "required field is missing" },
        { "name: bad\nmarket: { sellers: 50 }\nbuyers:  { good: { uniform: [0, 1] }, money: { constant: 0 } }\nsellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }\nmechanisms: [competitive-equilibrium]", "buyers.money", "at or below 0" },
        { "name: bad\nmarket: { sellers: 50 }\nbuyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }\nsellers: { good: { uniform: [0, 1] }, money: { uniform: [-1, 2] } }\nmechanisms: [competitive-equilibrium]", "sellers.money", "at or below 0" },
        { "name: bad\nmarket: { sellers: 50 }\nbuyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }\nsellers: { good: { uniform: [0, 1] }, money: { power: 2 } }\nmechanisms: [competitive-equilibrium]", "sellers.money", "bounded away from 0" },
        { "name: bad\nmarket: { sellers: -5 }\nbuyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }\nsellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }\nmechanisms: [competitive-equilibrium]", "market.sellers", "at least 1" },
        { "name: bad\nreplications: -3\n" + ValidSides + "\nmechanisms: [competitive-equilibrium]", "replications", "at least 1" },
        { $"name: bad\n{ValidSides}\nmechanisms: []", "mechanisms", "empty" },
        { $"name: bad\n{ValidSides}\nmechanisms: [competitive-equilibrium\n", "line", "malformed YAML" },
        { $"name: bad\n{ValidSides}\nmechanisms: [auction-of-everything]", "mechanisms[0]", "unknown mechanism" },
        { "name: bad\nmarket: { sellers: 50 }\nbuyers:  { good: { gamma: 2 }, money: { constant: 1 } }\nsellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }\nmechanisms: [competitive-equilibrium]", "buyers.good.gamma", "unknown distribution" },
        { "name: bad\nmarket: { sellers: 50 }\nbuyers:  { good: { uniform: [1, 0] }, money: { constant: 1 } }\nsellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }\nmechanisms: [competitive-equilibrium]", "buyers.good.uniform[1]", "upper bound must exceed" },
        { "name: bad\nmarket: { sellers: 50 }\nbuyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }\nsellers: { good: { uniform: [0, 1] }, money: { constant: 2 }, copula: { gaussian: 1.5 } }\nmechanisms: [competitive-equilibrium]", "sellers.copula.gaussian", "between -1 and 1" },
        { $"name: bad\n{ValidSides}\nmechanisms: [competitive-equilibrium, competitive-equilibrium]", "mechanisms[1]", "two mechanisms are labelled" },
        { $"name: bad\n{ValidSides}\nmechanisms:\n  - price-wedge: {{ buyerPrice: 0.2, sellerPrice: 0.4 }}", "mechanisms[0].price-wedge.sellerPrice", "buyerPrice >= sellerPrice" },
        { $"name: bad\n{ValidSides}\nmechanisms:\n  - price-control: {{ price: 7 }}", "mechanisms[0].price-control.price", "outside the support" },
        { $"name: bad\n{ValidSides}\nmechanisms:\n  - price-wedge: {{ buyerPrice: 0.5, sellerPrice: 0.25, lumpSum: sometimes }}", "mechanisms[0].price-wedge.lumpSum", "not one of" },
        { $"name: bad\n{ValidSides}\nmechanisms:\n  - menu: {{ buyers: [{{ price: 0.5 }}], sellers: [{{ price: 0.2, probability: 1.5 }}] }}", "mechanisms[0].menu.sellers[0].probability", "(0, 1]" },
        { $"name: bad\n{ValidSides}\nmechanisms:\n  - menu: {{ buyers: [{{ price: 0.5 }}, {{ price: 0.4 }}, {{ price: 0.3 }}, {{ price: 0.2 }}], sellers: [{{ price: 0.2 }}] }}", "mechanisms[0].menu.buyers", "1 to 3 options" },
        { $"name: bad\nseed: banana\n{ValidSides}\nmechanisms: [competitive-equilibrium]", "seed", "non-negative whole number" },
        { $"name: bad/../../etc\n{ValidSides}\nmechanisms: [competitive-equilibrium]", "name", "output folder" },
        // Issues 6 and 7: the mechanisms with their own populations (no market needed).
        { "name: bad\nmechanisms:\n  - multi-object-threshold: { objects: 3, buyer: { high: 10, low: 1, goodProbability: 0.5 }, seller: { high: 11, low: 0, goodProbability: 0.5 } }", "mechanisms[0].multi-object-threshold.buyer.high", "must exceed seller.high" },
        { "name: bad\nmechanisms:\n  - multi-object-threshold: { objects: 3, buyer: { high: 12, low: 1, goodProbability: 1.5 }, seller: { high: 11, low: 0, goodProbability: 0.5 } }", "mechanisms[0].multi-object-threshold.buyer.goodProbability", "(0, 1)" },
        { "name: bad\nmechanisms:\n  - multi-object-threshold: { objects: 0, buyer: { high: 12, low: 1, goodProbability: 0.5 }, seller: { high: 11, low: 0, goodProbability: 0.5 } }", "mechanisms[0].multi-object-threshold.objects", "at least 1" },
        { "name: bad\nmechanisms:\n  - redistributive-auction: { badCost: 1, players: [ { type: { uniform: [0, 5] } }, { type: { uniform: [1, 5] } } ] }", "mechanisms[0].redistributive-auction.players[0].type", "0 < a < b < infinity" },
        { "name: bad\nmechanisms:\n  - redistributive-auction: { badCost: 1, players: [ { type: { uniform: [1, 5] } }, { type: { pareto: { scale: 1, shape: 3 } } } ] }", "mechanisms[0].redistributive-auction.players[1].type", "0 < a < b < infinity" },
        { "name: bad\nmechanisms:\n  - redistributive-auction: { badCost: 1, players: [ { type: { uniform: [1, 5] }, weight: -2 }, { type: { uniform: [1, 5] } } ] }", "mechanisms[0].redistributive-auction.players[0].weight", "positive" },
        { "name: bad\nmechanisms:\n  - redistributive-auction: { badCost: 1, players: [ { type: { uniform: [1, 5] } }, { type: { uniform: [1, 5] } } ] }\n  - competitive-equilibrium", "market", "required field is missing" },
        { "name: bad\nmechanisms:\n  - redistributive-auction: { badCost: 1, weights: { polynomial: [3, -1] }, players: [ { type: { uniform: [1, 5] } }, { type: { uniform: [1, 5] } } ] }", "mechanisms[0].redistributive-auction.weights", "positive on the type support" },
        { "name: bad\nmechanisms:\n  - redistributive-auction: { badCost: 1, players: [ { type: { uniform: [1, 5] } }, { type: { uniform: [1, 5] }, weights: { piecewiseConstant: { breaks: [2, 3], values: [1, 2] } } } ] }", "mechanisms[0].redistributive-auction.players[1].weights", "one value more than breaks" },
        { "name: bad\nmechanisms:\n  - redistributive-auction: { badCost: 1, weights: { spline: [1] }, players: [ { type: { uniform: [1, 5] } }, { type: { uniform: [1, 5] } } ] }", "mechanisms[0].redistributive-auction.weights.spline", "unknown weight density" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task InvalidScenarioExitsTwoNamingFileFieldAndReasonAndWritesNothing(string yaml, string fieldPath, string reason)
    {
        using var cli = new CliHarness();
        var file = cli.WriteScenario("bad.yaml", yaml);
        var outputFolder = cli.PathOf("out");

        var (exitCode, output, error) = await cli.RunAsync("run", file, "--out", outputFolder);

        Assert.Equal(2, exitCode);
        var message = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(file, message);
        Assert.Contains(fieldPath, message);
        Assert.Contains(reason, message);
        Assert.False(Directory.Exists(outputFolder), "nothing may be written for an invalid scenario");
        Assert.DoesNotContain("Wrote", output);
    }

    [Fact]
    public async Task MissingScenarioFileExitsTwo()
    {
        using var cli = new CliHarness();
        var (exitCode, _, error) = await cli.RunAsync("run", cli.PathOf("nowhere.yaml"));
        Assert.Equal(2, exitCode);
        Assert.Contains("file not found", error);
    }

    [Theory]
    [InlineData("--workers", "0")]
    [InlineData("--replications", "0")]
    public async Task NonPositiveCommandLineCountsExitTwo(string option, string value)
    {
        using var cli = new CliHarness();
        var file = cli.WriteScenario("ok.yaml", $"name: ok\n{ValidSides}\nmechanisms: [competitive-equilibrium]");
        var (exitCode, _, error) = await cli.RunAsync("run", file, option, value, "--out", cli.PathOf("out"));
        Assert.Equal(2, exitCode);
        Assert.Contains(option, error);
        Assert.False(Directory.Exists(cli.PathOf("out")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5000")]
    public async Task AWorkerOutsideTheWorkerRangeExitsTwoBeforeJoining(string workers)
    {
        // The same range as run's --workers (1 to 4096): the worker refuses before it starts a node.
        using var cli = new CliHarness();
        var (exitCode, _, error) = await cli.RunAsync(
            "worker", "--join", "akka.ssl.tcp://marketsim@127.0.0.1:1", "--cluster-cert", cli.PathOf("nowhere"), "--scenario-sha256", new string('0', 64), "--workers", workers);
        Assert.Equal(2, exitCode);
        Assert.Contains("--workers", error);
        Assert.DoesNotContain("joining", error);
    }
}

using System.Globalization;

namespace MarketSim.Cli.Tests.Commands;

/// <summary>
/// `run` end to end for the mechanisms with their own populations (issues 6 and 7): the files, the
/// theory column, Monte Carlo means against the exact expectations, budget balance in every auction
/// round, and byte-identical output whatever the worker count.
/// </summary>
public sealed class StandaloneMechanismRunTests
{
    [Fact]
    public async Task MultiObjectPaperScenarioWritesFilesWithTheoryAndExPostRevenueZeroEveryReplication()
    {
        using var cli = new CliHarness();
        var folder = cli.PathOf("mo");
        var (exitCode, output, error) = await cli.RunAsync(
            "run", RepositoryPaths.Scenario("multi-object-paper.yaml"), "--out", folder, "--replications", "6");

        Assert.True(exitCode == 0, error);
        Assert.Contains("realized_gains", output);
        var summary = Summary(folder);
        foreach (var mechanism in new[] { "threshold-ex-ante", "threshold-ex-post" })
        {
            foreach (var metric in new[] { "realized_gains", "first_best_gains", "efficiency", "buyer_utility", "seller_utility", "revenue_per_pair" })
            {
                Assert.NotNull(summary[(mechanism, metric)].Theory);
            }
        }

        // 004 (docs/theory.md §3) example at equal weights: gains "about 10.25" per pair of 3 objects.
        Assert.InRange(summary[("threshold-ex-ante", "realized_gains")].Theory!.Value, 10.2, 10.3);
        Assert.Equal(0, summary[("threshold-ex-ante", "ex_post_ir_violations")].Theory);
        // 004 Section 4: the ex-post version is balanced in every pair, hence in every replication.
        Assert.All(Replications(folder, "threshold-ex-post", "revenue_per_pair"), revenue => Assert.True(Math.Abs(revenue) < 1e-9, $"revenue {revenue}"));
    }

    [Fact]
    public async Task AuctionScenarioBalancesTransfersInEveryRoundAndFillsTheTheory()
    {
        using var cli = new CliHarness();
        var folder = cli.PathOf("ra");
        var (exitCode, _, error) = await cli.RunAsync(
            "run", RepositoryPaths.Scenario("redistributive-auction.yaml"), "--out", folder, "--replications", "4");

        Assert.True(exitCode == 0, error);
        var summary = Summary(folder);
        foreach (var mechanism in new[] { "auction-symmetric", "auction-asymmetric-binding" })
        {
            // docs/theory.md §4 payments are budget-balanced in every group: 1e-9 per issue 7.
            var transferSums = Replications(folder, mechanism, "transfer_sum_max_abs");
            Assert.Equal(4, transferSums.Count);
            Assert.All(transferSums, sum => Assert.InRange(sum, 0, 1e-9));
            foreach (var metric in new[] { "welfare", "utility_utils", "utility_money", "good_rate_player0", "payoff_decile_1" })
            {
                Assert.NotNull(summary[(mechanism, metric)].Theory);
            }
        }

        // The asymmetric variant has three players; its per-player metrics exist for player 2.
        Assert.True(summary.ContainsKey(("auction-asymmetric-binding", "utility_utils_player2")));
    }

    [Fact]
    public async Task MonteCarloMeansAgreeWithTheExactValuesForSeveralObjectCounts()
    {
        // Issue 6 acceptance for N = 1, 2, 5 plus an auction, all through the CLI. Tolerance: 4 standard
        // errors of the mean over replications (summary.csv's se), plus 1e-9 for metrics constant in theory.
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("several.yaml", """
            name: several
            seed: 7
            replications: 40
            mechanisms:
              - multi-object-threshold: { label: n1, objects: 1, pairs: 200, buyer: { high: 12, low: 1, goodProbability: 0.5 }, seller: { high: 11, low: 0, goodProbability: 0.5 }, sellerWeight: 0.5 }
              - multi-object-threshold: { label: n2, objects: 2, pairs: 200, buyer: { high: 10, low: 2, goodProbability: 0.3 }, seller: { high: 6, low: 1, goodProbability: 0.6 }, sellerWeight: 0.3, budget: ex-post }
              - multi-object-threshold: { label: n5, objects: 5, pairs: 200, buyer: { high: 12, low: 1, goodProbability: 0.5 }, seller: { high: 11, low: 0, goodProbability: 0.5 } }
              - redistributive-auction: { label: auction, groups: 200, badCost: 1, players: [ { type: { uniform: [1, 20] } }, { type: { uniform: [2, 10] }, weight: 2 } ] }
            """);
        var folder = cli.PathOf("several");
        var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", folder);
        Assert.True(exitCode == 0, error);

        var checkedMetrics = 0;
        foreach (var ((mechanism, metric), row) in Summary(folder))
        {
            if (row.Theory is not { } theory || metric == "transfer_sum_max_abs")
            {
                continue;
            }

            Assert.True(
                Math.Abs(row.Mean - theory) <= (4 * row.StandardError) + (1e-9 * Math.Max(1, Math.Abs(theory))),
                $"{mechanism} {metric}: mean {row.Mean} vs theory {theory} (se {row.StandardError})");
            checkedMetrics++;
        }

        Assert.True(checkedMetrics > 40, $"only {checkedMetrics} metrics had a theory value");
    }

    [Fact]
    public async Task OutputIsByteIdenticalForOneAndTwoWorkersWithAMixedScenario()
    {
        // A two-sided market and both population mechanisms in one scenario: output in scenario order.
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("mixed.yaml", """
            name: mixed
            seed: 3
            market: { sellers: 40, buyersPerSeller: 1.0 }
            buyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }
            sellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }
            mechanisms:
              - multi-object-threshold: { objects: 3, pairs: 90, buyer: { high: 12, low: 1, goodProbability: 0.5 }, seller: { high: 11, low: 0, goodProbability: 0.5 }, budget: ex-post }
              - competitive-equilibrium
              - redistributive-auction: { groups: 70, badCost: 1, players: [ { type: { uniform: [1, 20] } }, { type: { uniform: [1, 20] } } ] }
            """);
        foreach (var (name, workers) in new[] { ("a", "1"), ("b", "2") })
        {
            var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", cli.PathOf(name), "--workers", workers, "--replications", "5");
            Assert.True(exitCode == 0, error);
        }

        foreach (var file in new[] { "replications.csv", "summary.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(cli.PathOf("a"), file)), File.ReadAllBytes(Path.Combine(cli.PathOf("b"), file)));
        }

        var order = File.ReadAllLines(Path.Combine(cli.PathOf("a"), "replications.csv")).Skip(1)
            .Where(line => line.StartsWith("0,", StringComparison.Ordinal))
            .Select(line => line.Split(',')[1]).Distinct().ToArray();
        Assert.Equal(new[] { "multi-object-threshold", "competitive-equilibrium", "redistributive-auction" }, order);
    }

    private sealed record Row(double Mean, double StandardError, double? Theory);

    private static Dictionary<(string Mechanism, string Metric), Row> Summary(string folder) =>
        File.ReadAllLines(Path.Combine(folder, "summary.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(
                fields => (fields[0], fields[1]),
                fields => new Row(Parse(fields[2]), Parse(fields[4]), fields[8].Length == 0 ? null : Parse(fields[8])));

    private static List<double> Replications(string folder, string mechanism, string metric) =>
        File.ReadAllLines(Path.Combine(folder, "replications.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(fields => fields[1] == mechanism && fields[2] == metric)
            .Select(fields => Parse(fields[3]))
            .ToList();

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}

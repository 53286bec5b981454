using System.Globalization;
using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace MarketSim.Cli.Tests.Sweep;

/// <summary>
/// Issue 16: sweep.csv's <c>theory_finite_&lt;metric&gt;</c> rows (docs/finite-markets.md). At every point they are
/// summary.csv's <c>theory_finite</c> column for the same scenario and N, to the last digit and metric for
/// metric, with and without <c>--simulate</c> (one code path serves all three); and the Monte Carlo means of
/// <c>sweep --simulate</c> lie in their confidence intervals around them, where the continuum theory does not.
/// </summary>
public sealed class SweepTheoryFiniteTests(ITestOutputHelper output)
{
    private const string Prefix = "theory_finite_";

    /// <summary>
    /// 000 Section 2's market (m = 2) with every kind of posted mechanism: the paper's wedge with a realised and
    /// with a promised lump sum, a price floor (sellers rationed), a two-option menu a side with a promised lump
    /// sum to buyers, the solver's optimum (the wedge again); CE has no finite theory.
    /// </summary>
    private static string Scenario(int sellers, int replications) => $$"""
        name: sweep-theory-finite
        seed: 16
        replications: {{replications}}
        market: { sellers: {{sellers}}, buyersPerSeller: 1.0 }
        buyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }
        sellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }
        mechanisms:
          - competitive-equilibrium
          - price-wedge: { buyerPrice: 0.5, sellerPrice: 0.25, lumpSum: realized, lumpSumTo: sellers }
          - price-wedge: { label: promised-wedge, buyerPrice: 0.5, sellerPrice: 0.25, lumpSum: promised, lumpSumTo: sellers }
          - price-control: { price: 0.4, label: price-floor }
          - menu:
              label: two-option-menu
              buyers: [{ price: 0.6 }, { price: 0.3, probability: 0.5 }]
              sellers: [{ price: 0.225 }, { price: 0.35, probability: 0.5 }]
              lumpSum: promised
              lumpSumTo: buyers
          - optimal
        """;

    private static readonly string[] Posted = ["price-wedge", "promised-wedge", "price-floor", "two-option-menu", "optimal"];

    /// <summary>sweep.csv's rows (one swept field): (sellers, mechanism, metric) -> value as written.</summary>
    private static Dictionary<(int Sellers, string Mechanism, string Metric), string> SweepRows(string folder) =>
        File.ReadAllLines(Path.Combine(folder, "sweep.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(row => (int.Parse(row[1], CultureInfo.InvariantCulture), row[2], row[3]), row => row[4]);

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheoryFiniteOfEveryPointIsSummaryCsvsTheoryFiniteForTheSameScenarioAndN()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("section2.yaml", Scenario(60, 4));
        var theory = cli.PathOf("theory");
        var simulated = cli.PathOf("simulated");
        var (exitCode, _, error) = await cli.RunAsync("sweep", scenario, "--set", "market.sellers=40:140:100", "--out", theory);
        Assert.True(exitCode == 0, error);
        (exitCode, _, error) = await cli.RunAsync("sweep", scenario, "--set", "market.sellers=40:140:100", "--simulate", "--out", simulated);
        Assert.True(exitCode == 0, error);
        var theoryRows = SweepRows(theory);
        var simulatedRows = SweepRows(simulated);

        foreach (var sellers in new[] { 40, 140 })
        {
            var run = cli.PathOf($"run-{sellers}");
            (exitCode, _, error) = await cli.RunAsync("run", cli.WriteScenario($"run-{sellers}.yaml", Scenario(sellers, 4)), "--out", run);
            Assert.True(exitCode == 0, error);
            var lines = File.ReadAllLines(Path.Combine(run, "summary.csv"));
            Assert.Equal("theory_finite", lines[0].Split(',')[^1]);
            var summary = lines.Skip(1).Select(line => line.Split(','))
                .Where(row => row[^1].Length > 0)
                .ToDictionary(row => (row[0], row[1]), row => row[^1]);
            foreach (var mechanism in Posted)
            {
                Assert.Contains((mechanism, "welfare"), summary.Keys);
            }

            // The same metrics, the same bytes: nothing missing, nothing added, in either sweep.
            foreach (var rows in new[] { theoryRows, simulatedRows })
            {
                var finite = rows.Where(row => row.Key.Sellers == sellers && row.Key.Metric.StartsWith(Prefix, StringComparison.Ordinal))
                    .ToDictionary(row => (row.Key.Mechanism, row.Key.Metric[Prefix.Length..]), row => row.Value);
                Assert.Equal(summary.Keys.Order(), finite.Keys.Order());
                foreach (var (key, value) in summary)
                {
                    Assert.True(value == finite[key], $"N = {sellers} {key}: summary.csv {value}, sweep.csv {finite[key]}");
                }
            }
        }

        // The finite theory depends on N: the wedge loses about (1/2) sqrt(N/pi) trades, i.e. more per seller at 40 than at 140.
        Assert.True(Number(theoryRows[(40, "price-wedge", Prefix + "volume")]) < Number(theoryRows[(140, "price-wedge", Prefix + "volume")]));
        Assert.Equal("0.5", theoryRows[(40, "price-wedge", "volume")]);
    }

    [Fact]
    public async Task AnOptimumThatTradesNothingHasNoFiniteRowsAndTheSweepStillRuns()
    {
        // Buyers' rates in [0, 0.2], sellers' in [0.5, 1]: no gains from trade, the solver's optimum is no trade
        // (no menu to run on a finite market, so no finite theory); the wedge next to it still has one.
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("no-trade.yaml", """
            name: no-trade
            seed: 1
            replications: 3
            market: { sellers: 50, buyersPerSeller: 1.0 }
            buyers:  { good: { uniform: [0, 0.2] }, money: { constant: 1 } }
            sellers: { good: { uniform: [0.5, 1] }, money: { constant: 1 } }
            mechanisms:
              - optimal
              - price-wedge: { buyerPrice: 0.5, sellerPrice: 0.25, lumpSum: realized, lumpSumTo: sellers }
            """);
        var folder = cli.PathOf("out");
        var (exitCode, _, error) = await cli.RunAsync("sweep", scenario, "--set", "market.sellers=50:60:10", "--out", folder);
        Assert.True(exitCode == 0, error);
        var rows = SweepRows(folder);
        Assert.Equal("0", rows[(50, "optimal", "volume")]);
        Assert.DoesNotContain(rows.Keys, key => key.Mechanism == "optimal" && key.Metric.StartsWith(Prefix, StringComparison.Ordinal));
        Assert.Equal("0", rows[(60, "price-wedge", Prefix + "volume")]);
        Assert.Equal("0.5", rows[(60, "price-wedge", Prefix + "buyers_option_1_price")]);
    }

    [Fact]
    public async Task MonteCarloMeansOfSweepSimulateLieInTheirIntervalsAroundTheoryFinite()
    {
        const int replications = 400;
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("section2.yaml", Scenario(60, replications));
        var folder = cli.PathOf("out");
        var (exitCode, _, error) = await cli.RunAsync("sweep", scenario, "--set", "market.sellers=20:200:180", "--simulate", "--out", folder);
        Assert.True(exitCode == 0, error);
        var rows = SweepRows(folder);

        var checks = new List<(string What, double Mean, double Se, double Finite)>();
        foreach (var ((sellers, mechanism, metric), value) in rows.Where(row => row.Key.Metric.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = metric[Prefix.Length..];
            if (rows.TryGetValue((sellers, mechanism, "simulated_" + name), out var mean))
            {
                checks.Add(($"N={sellers} {mechanism} {name}", Number(mean), Number(rows[(sellers, mechanism, "simulated_" + name + "_se")]), Number(value)));
            }
        }

        foreach (var sellers in new[] { 20, 200 })
        {
            foreach (var mechanism in Posted)
            {
                foreach (var metric in new[] { "welfare", "volume", "revenue", "welfare_sellers", "budget_surplus" })
                {
                    Assert.Contains(checks, check => check.What == $"N={sellers} {mechanism} {metric}");
                }
            }

            Assert.Contains(checks, check => check.What == $"N={sellers} promised-wedge deficit");
            Assert.Contains(checks, check => check.What == $"N={sellers} two-option-menu sellers_option_2_realized_probability");
        }

        // Every check at a family-wise 95% level (Bonferroni over the checks, t with n - 1 degrees of freedom).
        var family = StudentT.InvCDF(0, 1, replications - 1, 1 - (0.025 / checks.Count));
        var failures = new List<string>();
        foreach (var (what, mean, se, finite) in checks)
        {
            if (Math.Abs(mean - finite) <= 1e-12 * Math.Max(1, Math.Abs(finite)))
            {
                continue; // a price, a promise, a realised budget surplus (0 up to rounding)
            }

            // A constant sample is a contradiction only if the gap would have shown a varying one (as in
            // TheoryFiniteMatchesMonteCarloTests: a count X >= 0 with P(X > 0) <= E[X], or a probability).
            var inside = se > 0 ? Math.Abs(mean - finite) <= family * se : replications * Math.Abs(mean - finite) <= 3;
            if (!inside)
            {
                failures.Add($"{what}: mean {mean} (se {se}) vs theory_finite {finite}");
            }
        }

        output.WriteLine($"{checks.Count} checks, t quantile {family:F2}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Power: the continuum value (the sweep's own welfare row) is far outside the interval at N = 20.
        var continuum = Number(rows[(20, "price-wedge", "welfare")]);
        var wedge = checks.Single(check => check.What == "N=20 price-wedge welfare");
        output.WriteLine($"N = 20 wedge welfare: mean {wedge.Mean} (se {wedge.Se}), theory_finite {wedge.Finite}, continuum {continuum}");
        Assert.True(Math.Abs(wedge.Mean - continuum) > family * wedge.Se, "the continuum lies inside the interval: the test has no power");
    }
}

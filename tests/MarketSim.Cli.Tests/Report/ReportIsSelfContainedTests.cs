using System.Globalization;
using System.Text.RegularExpressions;

namespace MarketSim.Cli.Tests.Report;

/// <summary>
/// report.html (issue 5): one page that needs no network (no http/https reference, no script, inline
/// SVG charts), shows every mechanism and the scenario text escaped, and is identical for identical runs.
/// </summary>
public sealed partial class ReportIsSelfContainedTests
{
    /// <summary>A mechanism label with HTML in it: it must come out escaped, never as markup.</summary>
    private const string Scenario = """
        name: report-test
        seed: 3
        replications: 6
        market: { sellers: 200, buyersPerSeller: 1.0 }
        buyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }
        sellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }
        mechanisms:
          - competitive-equilibrium
          - price-wedge: { buyerPrice: 0.5, sellerPrice: 0.25, lumpSumTo: sellers, label: "wedge <b>&amp; co</b>" }
          - price-control: { price: 0.4, label: price-floor }
        """;

    [Fact]
    public async Task ReportNeedsNoNetworkAndShowsEveryMechanismAndTheEscapedScenario()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("report.yaml", Scenario);
        var folder = cli.PathOf("out");

        var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", folder, "--workers", "1");

        Assert.True(exitCode == 0, error);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, Regex.Matches(html, "<svg ").Count); // welfare, paired difference, deciles

        // Every mechanism in the heading line, the two interval charts, the decile legend, the table and
        // the scenario text: six times; the odd label only escaped.
        foreach (var mechanism in new[] { "competitive-equilibrium", "wedge &lt;b&gt;&amp;amp; co&lt;/b&gt;", "price-floor" })
        {
            Assert.True(Regex.Matches(html, Regex.Escape(mechanism)).Count == 6, $"{mechanism} is missing from the table or a chart");
        }

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("label: &quot;wedge &lt;b&gt;&amp;amp; co&lt;/b&gt;&quot;", html); // the YAML, escaped

        // The summary table has a row per summary.csv row (header excluded on both sides).
        var summaryRows = File.ReadAllLines(Path.Combine(folder, "summary.csv")).Length - 1;
        Assert.Equal(summaryRows, TableRow().Matches(html).Count);
        Assert.Contains("money_metric_utility_decile_10", html);
    }

    [Fact]
    public async Task IdenticalRunsWriteIdenticalReportsWhateverTheWorkers()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("report.yaml", Scenario);
        foreach (var (name, workers) in new[] { ("a", "1"), ("b", "3") })
        {
            var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", cli.PathOf(name), "--workers", workers);
            Assert.True(exitCode == 0, error);
        }

        Assert.Equal(File.ReadAllBytes(Path.Combine(cli.PathOf("a"), "report.html")), File.ReadAllBytes(Path.Combine(cli.PathOf("b"), "report.html")));
    }

    /// <summary>
    /// 200 sellers + 200 buyers = 400 agents: ten deciles of 40, so in every replication and mechanism
    /// the mean of the ten decile means is the mean money-metric utility of all agents, which equals
    /// (N_S / n) (gains_from_trade - budget_surplus) = (gains_from_trade - budget_surplus) / 2
    /// (utility sums gains in willingness to pay minus net payments plus lump sums; OutcomeMetrics remarks).
    /// </summary>
    [Fact]
    public async Task DecileMeansAverageToTheMeanUtilityInEveryReplication()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("report.yaml", Scenario);
        var folder = cli.PathOf("out");
        var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", folder);
        Assert.True(exitCode == 0, error);

        var values = File.ReadLines(Path.Combine(folder, "replications.csv")).Skip(1)
            .Select(CsvFields)
            .GroupBy(fields => (fields[0], fields[1]))
            .ToArray();
        Assert.Equal(6 * 3, values.Length);
        foreach (var group in values)
        {
            var metric = group.ToDictionary(fields => fields[2], fields => double.Parse(fields[3], CultureInfo.InvariantCulture));
            var deciles = Enumerable.Range(1, 10).Select(decile => metric[$"money_metric_utility_decile_{decile}"]).ToArray();
            var expected = (metric["gains_from_trade"] - metric["budget_surplus"]) * 200 / 400;
            Assert.True(Math.Abs(deciles.Average() - expected) < 1e-12, $"{group.Key}: {deciles.Average()} != {expected}");
        }
    }

    /// <summary>replications.csv fields; the one quoted field is the escaped mechanism label.</summary>
    private static string[] CsvFields(string line)
    {
        var match = QuotedField().Match(line);
        return match.Success
            ? [.. line[..match.Index].Split(',', StringSplitOptions.RemoveEmptyEntries), match.Groups[1].Value.Replace("\"\"", "\"", StringComparison.Ordinal), .. line[(match.Index + match.Length)..].Split(',', StringSplitOptions.RemoveEmptyEntries)]
            : line.Split(',');
    }

    [GeneratedRegex("<tr( class=\"first\")?><td>")]
    private static partial Regex TableRow();

    [GeneratedRegex("\"((?:[^\"]|\"\")*)\"")]
    private static partial Regex QuotedField();
}

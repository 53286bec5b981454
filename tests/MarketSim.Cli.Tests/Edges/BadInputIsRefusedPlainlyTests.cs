namespace MarketSim.Cli.Tests.Edges;

/// <summary>
/// Issue 13, "What was seen": every one of these inputs was accepted, hung, ate memory or exited 1 with
/// a .NET type name. Each must now exit 2 at once with one sentence naming the file or option, the
/// field and the reason, and write nothing at all (no output folder, no .partial/journal).
/// </summary>
public sealed class BadInputIsRefusedPlainlyTests
{
    public static TheoryData<string, string, string> Scenarios => new()
    {
        // name, scenario YAML, what the message must name
        { "buyers-per-seller-1e308", EdgeScenarios.With("buyersPerSeller: 1.0", "buyersPerSeller: 1e308"), "market.buyersPerSeller" },
        { "buyers-beyond-the-limit", EdgeScenarios.With("sellers: 50, buyersPerSeller: 1.0", "sellers: 20000, buyersPerSeller: 1e9"), "market.buyersPerSeller" },
        { "two-billion-sellers", EdgeScenarios.With("sellers: 50,", "sellers: 2000000000,"), "market.sellers" },
        { "three-billion-sellers", EdgeScenarios.With("sellers: 50,", "sellers: 3000000000,"), "market.sellers: must be at most" },
        { "a-billion-replications", EdgeScenarios.With("replications: 4", "replications: 1000000000"), "replications: must be at most" },
        { "uniform-to-1e308", EdgeScenarios.With("buyers:  { good: { uniform: [0, 1] }", "buyers:  { good: { uniform: [0, 1e308] }"), "buyers.good.uniform[1]" },
        { "money-1e308-optimal", EdgeScenarios.With("money: { constant: 2 }", "money: { constant: 1e308 }").Replace("- competitive-equilibrium", "- optimal"), "sellers.money.constant" },
        { "description-list", "description: [a, b]\n" + EdgeScenarios.Quickstart, "description: must be text" },
        { "entry-rounds-huge", EdgeScenarios.Quickstart + "\nentry: { pool: 100, rounds: 2000000000 }", "entry.rounds: must be at most" },
        // Every buyer's rate below every seller's: the optimum trades nothing and has no menu to run (exited 1 before).
        {
            "optimal-trades-nothing",
            EdgeScenarios.With("buyers:  { good: { uniform: [0, 1] }", "buyers:  { good: { uniform: [0, 0.2] }").Replace("good: { uniform: [0, 1] }, money: { constant: 2 }", "good: { uniform: [0.5, 1] }, money: { constant: 1 }").Replace("- competitive-equilibrium", "- optimal"),
            "mechanisms: the optimal mechanism 'optimal' trades nothing"
        },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task AScenarioBeyondTheLimitsExits2NamingTheFieldAndWritesNothing(string name, string yaml, string named)
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario(name + ".yaml", yaml);
        var folder = cli.PathOf("out");
        var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", folder).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 2, $"exit {exitCode}: {error}");
        EdgeScenarios.AssertPlainError(error);
        Assert.Contains(named, error);
        Assert.Contains(name + ".yaml", error);
        Assert.False(Directory.Exists(folder), "an invalid scenario wrote its output folder");
    }

    /// <summary>The file is not a scenario: its content (here a line of /etc/passwd) must never be echoed.</summary>
    [Fact]
    public async Task AnEmpiricalFileThatIsNotNumbersIsRefusedWithoutQuotingIt()
    {
        using var cli = new CliHarness();
        var secret = cli.WriteScenario("secret.csv", "0.5\nroot:x:0:0:root:/root:/bin/bash\n");
        var scenario = cli.WriteScenario("empirical.yaml", EdgeScenarios.With("good: { uniform: [0, 1] }, money: { constant: 1 }", $"good: {{ empirical: {secret} }}, money: {{ constant: 1 }}"));
        var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", cli.PathOf("out"));
        Assert.True(exitCode == 2, error);
        EdgeScenarios.AssertPlainError(error);
        Assert.Contains("line 2", error);
        Assert.DoesNotContain("root", error);
    }

    public static TheoryData<string[], string> CommandLines => new()
    {
        { ["run", "{scenario}", "--workers", "abc"], "--workers" },
        { ["run", "{scenario}", "--seed", "-1"], "--seed" },
        { ["run", "{scenario}", "--replications", "1e9"], "--replications" },
        { ["run", "{scenario}", "--port", "4100"], "--port: applies only with --cluster" },
        { ["run", "{scenario}", "--hostname", "example.org"], "--hostname: applies only with --cluster" },
        { ["run", "{scenario}", "--cluster", "--hostname", "::bad::"], "--hostname" },
        { ["run", "{scenario}", "--out", "{file}"], "is a file, not a folder" },
        { ["run", "{scenario}", "--out", "/proc/marketsim-cannot-write-here"], "cannot write to the folder" },
        { ["run", "{scenario}", "--max-memory", "lots"], "--max-memory" },
        { ["stress", "{scenario}", "--sizes", "10,3000000000"], "--sizes" },
        { ["stress", "{scenario}", "--max-deficit-probability", "2"], "--max-deficit-probability" },
        { ["figure", "convergence", "--scenario", "{multi-object}"], "the convergence figure needs a two-sided market" },
        { ["figure", "mechanism-map", "--grid", "1000000"], "--grid" },
        { ["sweep", "{scenario}", "--set", "sellers.money.constant=1:4", "--sample", "latin-hypercube:2000000000"], "--sample" },
        { ["sweep", "{scenario}", "--set", "sellers.money.constant=1:4:1e-7"], "the grid has 3E+07 points" },
        { ["sweep", "{scenario}", "--set", "sellers.money.constant=1:4:1e-300"], "more than the limit" },
    };

    [Theory]
    [MemberData(nameof(CommandLines))]
    public async Task ABadOptionExits2WithOnePlainSentenceNamingIt(string[] arguments, string named)
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("edge.yaml", EdgeScenarios.Quickstart);
        var file = cli.WriteScenario("a-file", "not a folder");
        var folder = cli.PathOf("out");
        var args = arguments
            .Select(argument => argument
                .Replace("{scenario}", scenario, StringComparison.Ordinal)
                .Replace("{file}", file, StringComparison.Ordinal)
                .Replace("{multi-object}", RepositoryPaths.Scenario("multi-object-paper.yaml"), StringComparison.Ordinal))
            .ToList();
        if (!args.Contains("--out"))
        {
            args.AddRange(["--out", folder]);
        }

        var (exitCode, _, error) = await cli.RunAsync([.. args]).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 2, $"exit {exitCode}: {error}");
        EdgeScenarios.AssertPlainError(error);
        Assert.Contains(named, error);
        Assert.False(Directory.Exists(folder), "a refused command wrote its output folder");
    }
}

using System.Text.Json;

namespace MarketSim.Cli.Tests.Commands;

/// <summary>
/// Issue 15 item 2: `solve` reports the papers' optimality conditions under the model each answers. On 000 Section 2's
/// example with m = 2 (docs/theory.md §1.4) CE is not optimal with lump sums (001 (5.3) margin -(m-1)(1 - p_CE) = -2/3),
/// but it is the optimum under No Free Lunch: 000 Proposition 1 proves it (I_S(r) = r, so CE for m &lt;= 1 + 1/1 = 2),
/// and the solver's optimum without lump sums is CE, so the two answers sit side by side and agree with the solver.
/// </summary>
public sealed class SolveNamesTheModelOfEachDiagnosticTests
{
    [Fact]
    public async Task JsonGivesBothModelsAndTheirVerdicts()
    {
        using var cli = new CliHarness();
        var (exitCode, output, error) = await cli.RunAsync("solve", RepositoryPaths.Scenario("paper-section2.yaml"), "--json");
        Assert.True(exitCode == 0, error);

        using var document = JsonDocument.Parse(output);
        var diagnostics = document.RootElement.GetProperty("diagnostics");
        Assert.Equal("lump sums allowed (000 Section 5)", diagnostics.GetProperty("competitiveEquilibrium").GetProperty("optimalModel").GetString());
        var conditions = diagnostics.GetProperty("optimalityConditions");

        var lumpSums = conditions.GetProperty("lumpSumsAllowed");
        Assert.Equal("lump sums allowed (000 Section 5)", lumpSums.GetProperty("model").GetString());
        var test = lumpSums.GetProperty("competitiveEquilibriumTest");
        Assert.Equal(-2.0 / 3, test.GetProperty("margin").GetDouble(), 1e-9);
        Assert.False(test.GetProperty("competitiveEquilibriumOptimal").GetBoolean());
        Assert.True(lumpSums.GetProperty("theorem2").GetProperty("priceMechanismOptimal").GetBoolean());
        // No same-side inequality: Remark 1's bound is undefined (with the reason), Remark 2's slope is 0.
        Assert.Equal(JsonValueKind.Null, lumpSums.GetProperty("remark1").GetProperty("bound").ValueKind);
        Assert.StartsWith("not applicable", lumpSums.GetProperty("remark1").GetProperty("boundReason").GetString());
        Assert.Equal(0.0, lumpSums.GetProperty("remark2").GetProperty("slope").GetDouble());
        Assert.True(lumpSums.GetProperty("remark2").GetProperty("holds").GetBoolean());

        var noFreeLunch = conditions.GetProperty("noFreeLunch");
        Assert.Contains("No Free Lunch", noFreeLunch.GetProperty("model").GetString());
        Assert.True(noFreeLunch.GetProperty("competitiveEquilibriumOptimal").GetBoolean());
        Assert.Equal("000 Proposition 1", noFreeLunch.GetProperty("basis").GetString());
        var proposition = noFreeLunch.GetProperty("proposition1");
        Assert.Equal(2.0, proposition.GetProperty("moneyRatio").GetDouble(), 1e-12);
        Assert.Equal(2.0, proposition.GetProperty("competitiveEquilibriumBound").GetDouble(), 1e-6);
        Assert.Equal(3.0, proposition.GetProperty("rationingBound").GetDouble(), 1e-6); // 1 + 1/d + mu/(c d), c = d = mu = 1

        var mechanisms = document.RootElement.GetProperty("mechanisms").EnumerateArray().ToDictionary(entry => entry.GetProperty("name").GetString()!);
        Assert.Equal("competitive-equilibrium", mechanisms["optimal-no-lump-sum"].GetProperty("form").GetString());
        Assert.Equal("wedge-with-lump-sum", mechanisms["optimal"].GetProperty("form").GetString());
        Assert.False(mechanisms["price-floor"].TryGetProperty("form", out _)); // a given menu has no solver class
    }

    [Fact]
    public async Task TableNamesTheModelOnEveryLine()
    {
        using var cli = new CliHarness();
        var (exitCode, output, error) = await cli.RunAsync("solve", RepositoryPaths.Scenario("paper-section2.yaml"));
        Assert.True(exitCode == 0, error);
        Assert.Contains("With lump sums allowed (000 Section 5): CE optimal by 001 (5.3): false", output);
        Assert.Contains("Under No Free Lunch: no lump sums (000 Section 6): CE optimal: true (000 Proposition 1)", output);
        Assert.DoesNotContain("CE optimal: false;", output); // the old unlabelled verdict
    }
}

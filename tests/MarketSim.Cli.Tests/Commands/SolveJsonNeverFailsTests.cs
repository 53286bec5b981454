using System.Text.Json;
using System.Text.Json.Nodes;
using MarketSim.Cli.Commands;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Solutions;
using MarketSim.Core.Theory.Diagnostics;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Cli.Tests.Commands;

/// <summary>
/// <c>solve --json</c> never fails on a valid scenario (issue 13): a number JSON cannot hold (an unbounded
/// or undefined value of the theory) is <c>null</c> with <c>"&lt;name&gt;Reason"</c> beside it, and a market
/// where nobody can trade (the sides' supports do not overlap) is solved as "no trade", not an error.
/// </summary>
public sealed class SolveJsonNeverFailsTests
{
    [Theory]
    [InlineData("[0, 1]", "[2, 3]", 0.0)] // every seller values the good above every buyer: no trade
    [InlineData("[2, 3]", "[0, 1]", 1.0)] // every buyer values it above every seller: everybody trades
    public async Task DisjointSupportsGiveValidJsonWithAReasonForEveryNull(string buyerValues, string sellerValues, double volume)
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("disjoint.yaml", $$"""
            name: disjoint
            market: { sellers: 100 }
            buyers: { good: { uniform: {{buyerValues}} }, money: { constant: 1 } }
            sellers: { good: { uniform: {{sellerValues}} }, money: { constant: 1 } }
            mechanisms: [ competitive-equilibrium, optimal, optimal-no-lump-sum ]
            """);

        var (exitCode, output, error) = await cli.RunAsync("solve", scenario, "--json");

        Assert.True(exitCode == 0, error);
        var report = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(3, report["mechanisms"]!.AsArray().Count);
        AssertEveryNullNumberHasAReason(report);
        // Without overlap the efficient volume is 0 or 1 (mu = 1), and with equal weights (Lambda_B = Lambda_S,
        // no inequality) CE and both optima trade it (docs/theory.md §1.4: CE is optimal when m = 1).
        Assert.All(report["mechanisms"]!.AsArray(), mechanism => Assert.Equal(volume, mechanism!["volume"]!.GetValue<double>(), 6));
    }

    [Fact]
    public void InfiniteAndUndefinedNumbersBecomeNullWithTheirReason()
    {
        // Every optimality condition undecided or undefined: verdicts null with their reasons, Remark 2's slope +infinity.
        var conditions = new OptimalityConditions(
            new RegularityChecks(false, true, true, false),
            new LumpSumModelConditions(
                double.NaN, null, false, "a virtual surplus J_j decreases somewhere", null,
                new RemarkOneBound(null, "sellers' same-side inequality is not high", 2, null, false, "sellers' same-side inequality is not high", false),
                new RemarkTwoSlope(double.PositiveInfinity, false)),
            new NoFreeLunchConditions(null, NoFreeLunchBasis.Undecided, new PropositionOneBounds(false, "it covers Lambda_S >= Lambda_B", 0.5, double.NaN, double.NaN, false, false)));
        var diagnostics = new MarketDiagnostics(1, 2, double.PositiveInfinity, 0.5, double.NaN, false, SameSideInequality.None, SameSideInequality.Low, conditions);
        var wedge = new TwoSidedSolution(
            "wedge", double.NegativeInfinity, 0.5, 0.1, null, new LumpSumPerAgent(0, 0.1),
            [new MenuOption(double.PositiveInfinity, 1)], [new MenuOption(0.25, 1)], null);

        var json = SolveReport.ToJson(new ScenarioSolution("limits", diagnostics, [wedge]));
        var text = json.ToJsonString(); // would throw on a non-finite number

        var equilibrium = json["diagnostics"]!["competitiveEquilibrium"]!;
        Assert.Null(equilibrium["price"]);
        Assert.Equal("unbounded (+infinity)", equilibrium["priceReason"]!.GetValue<string>());
        Assert.Equal(0.5, equilibrium["welfare"]!.GetValue<double>());
        Assert.Equal("undefined (not a number)", equilibrium["optimalityMarginReason"]!.GetValue<string>());
        var lumpSums = json["diagnostics"]!["optimalityConditions"]!["lumpSumsAllowed"]!;
        Assert.Equal("unbounded (+infinity)", lumpSums["remark2"]!["slopeReason"]!.GetValue<string>());
        Assert.StartsWith("not applicable", lumpSums["remark1"]!["boundReason"]!.GetValue<string>());
        Assert.StartsWith("not applicable", json["diagnostics"]!["optimalityConditions"]!["noFreeLunch"]!["proposition1"]!["notApplicableReason"]!.GetValue<string>());
        var entry = json["mechanisms"]![0]!;
        Assert.Equal("unbounded (-infinity)", entry["welfareReason"]!.GetValue<string>());
        Assert.Equal("unbounded (+infinity)", entry["buyers"]!["menu"]![0]!["priceReason"]!.GetValue<string>());
        Assert.Equal(
            ["name", "welfare", "welfareReason", "volume", "revenue", "lumpSum", "buyers", "sellers"],
            entry.AsObject().Select(property => property.Key));
        AssertEveryNullNumberHasAReason(JsonNode.Parse(text)!.AsObject());
    }

    private static void AssertEveryNullNumberHasAReason(JsonObject node)
    {
        foreach (var (key, value) in node)
        {
            switch (value)
            {
                case null when !key.EndsWith("Reason", StringComparison.Ordinal):
                    Assert.True(node[key + "Reason"] is JsonValue reason && reason.GetValueKind() == JsonValueKind.String, $"'{key}' is null without '{key}Reason'");
                    break;
                case JsonObject child:
                    AssertEveryNullNumberHasAReason(child);
                    break;
                case JsonArray array:
                    foreach (var item in array.OfType<JsonObject>())
                    {
                        AssertEveryNullNumberHasAReason(item);
                    }

                    break;
            }
        }
    }
}

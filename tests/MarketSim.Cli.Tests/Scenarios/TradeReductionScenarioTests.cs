using MarketSim.Cli.Scenarios;
using MarketSim.Core.Scenarios;

namespace MarketSim.Cli.Tests.Scenarios;

/// <summary>The scenario key <c>trade-reduction</c> (docs/finite-markets.md): bare, or with label, lumpSum and lumpSumTo.</summary>
public sealed class TradeReductionScenarioTests
{
    private const string Header = """
        name: tr
        seed: 1
        replications: 2
        market: { sellers: 10, buyersPerSeller: 1.0 }
        buyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }
        sellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }
        mechanisms:

        """;

    [Fact]
    public void BareAndConfiguredFormsParse()
    {
        var loaded = ScenarioLoader.LoadText("tr.yaml", Header + """
              - trade-reduction
              - trade-reduction: { label: tr-promised, lumpSum: promised, lumpSumTo: buyers }
            """);
        var specs = loaded.Scenario.Mechanisms.Cast<TradeReductionSpec>().ToArray();
        Assert.Equal(new TradeReductionSpec("trade-reduction", LumpSumPolicy.Realized, LumpSumRecipient.Auto), specs[0]);
        Assert.Equal(new TradeReductionSpec("tr-promised", LumpSumPolicy.Promised, LumpSumRecipient.Buyers), specs[1]);
    }

    [Fact]
    public void AnUnknownFieldIsRejectedByName()
    {
        var error = Assert.ThrowsAny<Exception>(() => ScenarioLoader.LoadText("tr.yaml", Header + """
              - trade-reduction: { price: 0.5 }
            """));
        Assert.Contains("price", error.Message);
    }
}

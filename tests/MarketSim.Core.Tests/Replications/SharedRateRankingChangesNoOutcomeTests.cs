using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Random;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Tests.Replications;

/// <summary>
/// ClearAll ranks the rates once and shares the order between the reference CE and every CE
/// mechanism, and clears the reference once when a midpoint CE is listed; each mechanism cleared on its own (ranking itself) must give the same outcome bit for
/// bit (docs/theory.md §2's ranking is a total order: rate, then index). Sellers all have the same rate, so
/// every CE rests on the tie-break; the market is larger than the radix sort's threshold.
/// </summary>
public sealed class SharedRateRankingChangesNoOutcomeTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(3001)]
    public void Every_outcome_equals_the_mechanism_cleared_alone(int sellers)
    {
        var model = new MarketModel(new Scenario(
            "shared-ranking",
            Seed: 5,
            Replications: 3,
            new MarketSpec(sellers, 1.3),
            new TwoDimensionalLawSpec(new UniformSpec(0, 1), new UniformSpec(1, 2)),
            new TwoDimensionalLawSpec(new ConstantSpec(0.5), new ConstantSpec(1)),
            [
                new CompetitiveEquilibriumSpec("competitive-equilibrium"),
                new CompetitiveEquilibriumSpec("ce-low", PriceRule.Low),
                new PriceWedgeSpec("price-wedge", 0.5, 0.45, LumpSumPolicy.Realized, LumpSumRecipient.Sellers),
                new CompetitiveEquilibriumSpec("ce-high", PriceRule.High),
            ]));
        var workspace = new ReplicationWorkspace(model);
        // The listed midpoint CE's outcome doubles as the reference: compared below with the reference cleared alone.
        Assert.True(workspace.ReferenceIsListedCompetitiveEquilibrium);
        Assert.Same(workspace.Outcomes[0], workspace.ReferenceOutcome);
        for (var replication = 0; replication < 3; replication++)
        {
            ReplicationRunner.DrawMarket(model, replication, workspace.Market);
            ReplicationRunner.ClearAll(model, replication, workspace);
            Assert.Null(workspace.Market.SharedRateRanking); // detached after ClearAll

            AssertSame(Alone(model, replication, model.Reference, workspace), workspace.ReferenceOutcome);
            for (var m = 0; m < model.Mechanisms.Count; m++)
            {
                AssertSame(Alone(model, replication, model.Mechanisms[m], workspace), workspace.Outcomes[m]);
            }

            // Guard: CE trades someone, so the ranking mattered.
            Assert.Contains(1.0, workspace.ReferenceOutcome.SellerTraded.ToArray());
        }
    }

    private static MechanismOutcome Alone(MarketModel model, int replication, ITwoSidedMechanism mechanism, ReplicationWorkspace workspace)
    {
        var outcome = new MechanismOutcome();
        outcome.Reset(workspace.Market.Buyers.Count, workspace.Market.Sellers.Count);
        var lottery = new RandomStream(StreamKey.ForPurpose(model.Seed, replication, "lottery:" + mechanism.Name));
        mechanism.Clear(workspace.Market, ref lottery, outcome);
        return outcome;
    }

    private static void AssertSame(MechanismOutcome expected, MechanismOutcome actual)
    {
        Assert.Equal(Bits(expected.BuyerTraded), Bits(actual.BuyerTraded));
        Assert.Equal(Bits(expected.BuyerPayment), Bits(actual.BuyerPayment));
        Assert.Equal(Bits(expected.SellerTraded), Bits(actual.SellerTraded));
        Assert.Equal(Bits(expected.SellerPayment), Bits(actual.SellerPayment));
        Assert.Equal(expected.Ledger.Select(metric => (metric.Name, BitConverter.DoubleToInt64Bits(metric.Value))),
            actual.Ledger.Select(metric => (metric.Name, BitConverter.DoubleToInt64Bits(metric.Value))));
    }

    private static long[] Bits(Span<double> values) => values.ToArray().Select(BitConverter.DoubleToInt64Bits).ToArray();
}

using MarketSim.Core.Agents;
using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Random;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Tests.Mechanisms.Menus;

namespace MarketSim.Core.Tests.Mechanisms;

/// <summary>
/// McAfee's (1992) trade reduction (docs/finite-markets.md): truthful reporting is a best response
/// (every deviation on a grid, in hundreds of random markets), at most one trade is lost relative to
/// CE, and the budget surplus is never negative.
/// </summary>
public sealed class TradeReductionTests
{
    private static readonly LumpSumRule NoLumpSum = new(LumpSumPolicy.Promised, Side.Sellers, 0.0);

    [Theory]
    [InlineData(Side.Buyers, LumpSumPolicy.Promised)]
    [InlineData(Side.Sellers, LumpSumPolicy.Promised)]
    [InlineData(Side.Buyers, LumpSumPolicy.Realized)] // buyers deviate, the lump sum goes to sellers
    [InlineData(Side.Sellers, LumpSumPolicy.Realized)] // sellers deviate, the lump sum goes to buyers
    public void TruthfulReportingIsABestResponseInEveryTestedMarket(Side deviator, LumpSumPolicy policy)
    {
        var recipient = deviator == Side.Buyers ? Side.Sellers : Side.Buyers;
        var mechanism = new TradeReduction("trade-reduction", new LumpSumRule(policy, recipient, 0.0));
        var stream = new RandomStream(StreamKey.ForPurpose(1992, 0, "trade-reduction-markets"));
        var grid = Enumerable.Range(0, 61).Select(i => -0.1 + (1.2 * i / 60)).ToArray();
        var deviations = 0;
        for (var m = 0; m < 100; m++)
        {
            var buyers = Rates(ref stream, 1 + stream.NextInt(7));
            var sellers = Rates(ref stream, 1 + stream.NextInt(7));
            var own = deviator == Side.Buyers ? buyers : sellers;
            for (var i = 0; i < own.Length; i++)
            {
                var truth = own[i];
                var truthful = Utility(mechanism, buyers, sellers, deviator, i, truth);

                // The grid, plus just above and below every other report (where the ranking flips).
                var reports = grid.Concat(buyers.Concat(sellers).SelectMany(rate => new[] { rate - 1e-9, rate + 1e-9 }));
                foreach (var report in reports)
                {
                    own[i] = report;
                    var deviating = Utility(mechanism, buyers, sellers, deviator, i, truth);
                    own[i] = truth;
                    Assert.True(deviating <= truthful + 1e-12, $"market {m}: {deviator} {i} with rate {truth} gains {deviating - truthful} by reporting {report}");
                    deviations++;
                }
            }
        }

        Assert.True(deviations > 10_000);
    }

    [Fact]
    public void VolumeIsTheCeVolumeOrOneLessAndTheSurplusIsNeverNegative()
    {
        var ce = new CompetitiveEquilibrium("ce");
        var mechanism = new TradeReduction("trade-reduction", NoLumpSum);
        var stream = new RandomStream(StreamKey.ForPurpose(1992, 1, "trade-reduction-markets"));
        var reductions = 0;
        for (var m = 0; m < 2000; m++)
        {
            // Some markets with ties (rates on a coarse grid).
            var coarse = m % 3 == 0;
            var buyers = Rates(ref stream, stream.NextInt(12), coarse);
            var sellers = Rates(ref stream, stream.NextInt(12), coarse);
            var market = MenuTestMarkets.FromRates(buyers, sellers);
            var ceOutcome = Clear(ce, market);
            var outcome = Clear(mechanism, market);
            var ceVolume = MenuTestMarkets.Sum(ceOutcome.SellerTraded);
            var volume = MenuTestMarkets.Sum(outcome.SellerTraded);
            Assert.Equal(volume, MenuTestMarkets.Sum(outcome.BuyerTraded));
            Assert.InRange(ceVolume - volume, 0, 1);
            reductions += ceVolume - volume > 0 ? 1 : 0;
            var surplus = MenuTestMarkets.Sum(outcome.BuyerPayment) - MenuTestMarkets.Sum(outcome.SellerPayment);
            Assert.True(surplus >= 0, $"market {m}: surplus {surplus}");

            // Individually rational: nobody trades at a loss at its report.
            for (var i = 0; i < buyers.Length; i++)
            {
                Assert.True(outcome.BuyerTraded[i] * (buyers[i] - outcome.BuyerPayment[i]) >= 0);
            }

            for (var i = 0; i < sellers.Length; i++)
            {
                Assert.True(outcome.SellerTraded[i] * (outcome.SellerPayment[i] - sellers[i]) >= 0);
            }
        }

        // Both branches occur: the rule is not CE in disguise, nor always reducing.
        Assert.InRange(reductions, 100, 1900);
    }

    [Fact]
    public void InThePipelineTheSurplusIsPaidAsTheLumpSumAndNeverNegative()
    {
        var scenario = new Scenario(
            "trade-reduction",
            7,
            Replications: 200,
            new MarketSpec(2, BuyersPerSeller: 1.0),
            new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1)),
            new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(2)),
            [new CompetitiveEquilibriumSpec("ce"), new TradeReductionSpec("trade-reduction", LumpSumPolicy.Realized, LumpSumRecipient.Sellers)]);
        var model = new MarketModel(scenario);
        var workspace = new ReplicationWorkspace(model);
        for (var r = 0; r < scenario.Replications; r++)
        {
            var result = ReplicationRunner.Run(model, r, workspace);
            double Metric(string mechanism, string name) =>
                result.Mechanisms.Single(m => m.Mechanism == mechanism).Metrics.Single(metric => metric.Name == name).Value;
            var lost = (Metric("ce", "volume") - Metric("trade-reduction", "volume")) * 2;
            Assert.True(Math.Abs(lost) < 1e-9 || Math.Abs(lost - 1) < 1e-9, $"replication {r}: {lost} trades lost");
            Assert.True(Metric("trade-reduction", "revenue") >= 0);
            Assert.Equal(Metric("trade-reduction", "revenue"), Metric("trade-reduction", "lump_sum_sellers"), 1e-12);
            Assert.Equal(0.0, Metric("trade-reduction", "budget_surplus"), 1e-12);
            Assert.Equal(0.0, Metric("trade-reduction", "deficit"));

            // Two sellers: often nobody trades; the welfare is then 0, never NaN.
            Assert.True(double.IsFinite(Metric("trade-reduction", "welfare")), $"replication {r}: welfare not finite");
        }
    }

    private static double[] Rates(ref RandomStream stream, int count, bool coarse = false)
    {
        var rates = new double[count];
        for (var i = 0; i < count; i++)
        {
            rates[i] = coarse ? stream.NextInt(5) / 4.0 : stream.NextUniform();
        }

        return rates;
    }

    private static MechanismOutcome Clear(ITwoSidedMechanism mechanism, MarketInstance market)
    {
        var outcome = new MechanismOutcome();
        outcome.Reset(market.Buyers.Count, market.Sellers.Count);
        var lottery = new RandomStream(StreamKey.ForPurpose(1, 0, "unused"));
        mechanism.Clear(market, ref lottery, outcome);
        return outcome;
    }

    /// <summary>Money-metric utility of agent i of the deviating side (true rate <paramref name="truth"/>), lump sum included.</summary>
    private static double Utility(TradeReduction mechanism, double[] buyers, double[] sellers, Side side, int i, double truth)
    {
        var outcome = Clear(mechanism, MenuTestMarkets.FromRates(buyers, sellers));
        return side == Side.Buyers
            ? (outcome.BuyerTraded[i] * (truth - outcome.BuyerPayment[i])) + outcome.BuyerLumpSum
            : (outcome.SellerTraded[i] * (outcome.SellerPayment[i] - truth)) + outcome.SellerLumpSum;
    }
}

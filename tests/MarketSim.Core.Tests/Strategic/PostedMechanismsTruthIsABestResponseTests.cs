using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Random;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Tests.Theory.Solver;

namespace MarketSim.Core.Tests.Strategic;

/// <summary>
/// Posted mechanisms need no equilibrium (docs/theory.md §2.4): a trader's report only picks its
/// option, so reporting the true rate is a best response whatever the others report. Checked by best
/// response on the production mechanisms: in random finite markets, every trader's expected utility
/// (over the mechanism's own rationing lottery, common draws for every report) from each report on a
/// grid is at most its utility from the truth.
/// </summary>
public sealed class PostedMechanismsTruthIsABestResponseTests
{
    public static TheoryData<MechanismSpec> PostedMechanisms() =>
    [
        new PriceControlSpec("price-floor", 0.4),
        new PriceWedgeSpec("wedge", 0.5, 0.25, LumpSumPolicy.Promised, LumpSumRecipient.Sellers),
        new PriceWedgeSpec("wedge-to-buyers", 0.5, 0.25, LumpSumPolicy.Promised, LumpSumRecipient.Buyers),
    ];

    [Theory]
    [MemberData(nameof(PostedMechanisms))]
    public void NoReportBeatsTheTruth(MechanismSpec spec)
    {
        var continuum = SolverTestMarkets.UniformExample(2.0);
        var mechanism = MechanismFactory.Create(spec, continuum);
        var reports = Enumerable.Range(0, 41).Select(k => k / 40.0).ToArray();
        var improvements = 0;
        var random = new System.Random(16);
        for (var marketIndex = 0; marketIndex < 3; marketIndex++)
        {
            const int count = 8;
            var market = new MarketInstance(count, count);
            for (var i = 0; i < count; i++)
            {
                market.Buyers.RateOfSubstitution[i] = random.NextDouble();
                market.Sellers.RateOfSubstitution[i] = 0.5 * random.NextDouble();
            }

            foreach (var side in new[] { Side.Buyers, Side.Sellers })
            {
                for (var agent = 0; agent < count; agent++)
                {
                    var truth = market[side].RateOfSubstitution[agent];
                    var truthful = ExpectedUtility(mechanism, market, side, agent, truth, truth);
                    foreach (var report in reports)
                    {
                        var deviation = ExpectedUtility(mechanism, market, side, agent, truth, report);
                        if (deviation > truthful + 1e-12)
                        {
                            improvements++;
                        }
                    }

                    market[side].RateOfSubstitution[agent] = truth;
                }
            }
        }

        Assert.Equal(0, improvements);
    }

    [Fact]
    public void TheCheckHasPowerOnTheFiniteCe()
    {
        // The same best-response check finds profitable misreports in the truthful finite CE.
        var continuum = SolverTestMarkets.UniformExample(2.0);
        var mechanism = MechanismFactory.Create(new CompetitiveEquilibriumSpec("ce"), continuum);
        var market = new MarketInstance(2, 2);
        market.Buyers.RateOfSubstitution[0] = 0.9;
        market.Buyers.RateOfSubstitution[1] = 0.2;
        market.Sellers.RateOfSubstitution[0] = 0.1;
        market.Sellers.RateOfSubstitution[1] = 0.45;
        // Buyer 0 trades at the midpoint of [max(s_1, b_2), min(b_1, s_2)] = [0.2, 0.45]; bidding 0.46 still
        // wins and lowers nothing, but bidding 0.3 moves the interval to [0.2, 0.3] and the price down.
        var truthful = ExpectedUtility(mechanism, market, Side.Buyers, 0, 0.9, 0.9);
        var shaded = ExpectedUtility(mechanism, market, Side.Buyers, 0, 0.9, 0.3);
        Assert.True(shaded > truthful + 0.05, $"truthful {truthful}, shaded {shaded}");
    }

    /// <summary>Mean utility (in units of money, true rate) of one agent reporting <paramref name="report"/>, over 100 lottery draws.</summary>
    private static double ExpectedUtility(ITwoSidedMechanism mechanism, MarketInstance market, Side side, int agent, double truth, double report)
    {
        market[side].RateOfSubstitution[agent] = report;
        var outcome = new MechanismOutcome();
        var total = 0.0;
        const int draws = 100;
        for (var draw = 0; draw < draws; draw++)
        {
            var lottery = new RandomStream(StreamKey.ForPurpose(7, draw, "posted-best-response"));
            outcome.Reset(market.Buyers.Count, market.Sellers.Count);
            mechanism.Clear(market, ref lottery, outcome);
            total += side == Side.Buyers
                ? (outcome.BuyerTraded[agent] * truth) - outcome.BuyerPayment[agent] + outcome.BuyerLumpSum
                : outcome.SellerPayment[agent] - (outcome.SellerTraded[agent] * truth) + outcome.SellerLumpSum;
        }

        market[side].RateOfSubstitution[agent] = truth;
        return total / draws;
    }
}

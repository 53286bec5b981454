using MarketSim.Core.Agents;
using MarketSim.Core.MultiObject;
using static MarketSim.Core.Tests.MultiObject.MultiObjectTestProblems;

namespace MarketSim.Core.Tests.MultiObject;

/// <summary>004 Section 2's example (docs/theory.md §3): vb_h=12, vb_l=1, vs_h=11, vs_l=0, q=1/2.</summary>
public class PaperExampleTests
{
    [Fact]
    public void OneObjectFirstBestIsInfeasibleAndBadGoodPairsTradeWithProbabilitySixTenths()
    {
        var problem = Example(1);

        // 004 Section 2: first best surplus (12+1+1)/4 = 3.5 < rents 2 * 2.75 = 5.5.
        Assert.Equal(3.5, problem.FirstBestGains, 12);
        var firstBestRents = problem.InformationRent(Side.Buyers, [1.0]) + problem.InformationRent(Side.Sellers, [1.0]);
        Assert.Equal(5.5, firstBestRents, 12);

        var mechanism = ThresholdSolver.Solve(problem, 0.5);

        // "By reducing p to 0.6 the surplus exactly suffices to finance the rents, and equals 3.3".
        Assert.Equal(new Fraction(3, 5), mechanism.ExactMu[0][0]);
        Assert.Equal(new Fraction(3, 5), mechanism.ExactMu[1][0]);
        Assert.Equal(new Fraction(33, 10), mechanism.ExactGainsFromTrade);
        Assert.Equal(3.3, mechanism.GainsFromTrade, 12);
        Assert.Equal(0.0, mechanism.ExpectedRevenue, 12);
        Assert.True(mechanism.Efficiency < 1);
        Assert.Equal(0.0, mechanism.Buyer.WorstTypePayment);
        Assert.Equal(0.0, mechanism.Seller.WorstTypePayment);
    }

    [Fact]
    public void ThreeObjectsSeparateTradingGivesNineNine()
    {
        // 004 Section 2: replicating the one-object optimum gives 3 * 3.3 = 9.9.
        var oneObject = ThresholdSolver.Solve(Example(1), 0.5);
        var separate = Example(3).ExpectedGains([0.6, 0.6, 0.6], [0.6, 0.6, 0.6]);
        Assert.Equal(9.9, 3 * oneObject.GainsFromTrade, 12);

        // Trading each object with 0.6 regardless of the other announcements is the same surplus.
        Assert.Equal(9.9, separate, 12);
    }

    [Fact]
    public void TradeUnlessNoGoodValueGivesTenPointOneTwoFiveWithRentsSixPointEightSevenFive()
    {
        var problem = Example(3);
        double[] unlessNoGoodValue = [0, 1, 1];

        // 004 Section 2: surplus 3 (12 + 0.75 + 0.75) / 4 = 10.125, rents (3 * 5.5 + 11) / 8 per agent.
        Assert.Equal(10.125, problem.ExpectedGains(unlessNoGoodValue, unlessNoGoodValue), 12);
        var rents = problem.InformationRent(Side.Buyers, unlessNoGoodValue) + problem.InformationRent(Side.Sellers, unlessNoGoodValue);
        Assert.Equal(6.875, rents, 12);
    }

    [Fact]
    public void ThreeObjectsOptimumAtEqualWeightsTradesBadBadBadTypesWithTwentySixSeventyFourths()
    {
        var mechanism = ThresholdSolver.Solve(Example(3), 0.5);

        // 004 Section 2: "this probability is 26/74, and the expected surplus is approximately 10.25".
        Assert.Equal(new Fraction(26, 74), mechanism.ExactMu[0][0]);
        Assert.Equal(new Fraction(26, 74), mechanism.ExactMu[1][0]);
        Assert.Equal(new Fraction(759, 74), mechanism.ExactGainsFromTrade); // 10.125 + 2 (3/16)(26/74)
        Assert.Equal(10.25, mechanism.GainsFromTrade, 0.01);
        Assert.True(mechanism.GainsFromTrade > 10.125);

        // Threshold form: M = 0 with sigma = 26/74 on both sides; c = 0; utilities equal.
        foreach (var side in new[] { mechanism.Buyer, mechanism.Seller })
        {
            Assert.Equal(0, side.Threshold);
            Assert.Equal(26.0 / 74.0, side.Sigma, 15);
            Assert.Equal([26.0 / 74.0, 1, 1, 1], side.Mu);
            Assert.Equal(0.0, side.WorstTypePayment);
            Assert.Equal(759.0 / 148.0, side.Utility, 12);
        }

        // tau(m) = c + q Delta sum_{k<m} mu_k = 5.5 * (0, 26/74, 1 + 26/74, 2 + 26/74) (docs/theory.md §3).
        double[] expected = [0, 5.5 * 26 / 74, 5.5 * (1 + 26.0 / 74), 5.5 * (2 + 26.0 / 74)];
        for (var m = 0; m <= 3; m++)
        {
            Assert.Equal(expected[m], mechanism.Buyer.InterimTransfer[m], 12);
            Assert.Equal(expected[m], mechanism.Seller.InterimTransfer[m], 12);
        }
    }
}

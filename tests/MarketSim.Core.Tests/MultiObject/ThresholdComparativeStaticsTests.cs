using MarketSim.Core.Agents;
using MarketSim.Core.MultiObject;
using MarketSim.Core.Random;
using static MarketSim.Core.Tests.MultiObject.MultiObjectTestProblems;

namespace MarketSim.Core.Tests.MultiObject;

/// <summary>
/// Properties over many random problems: 004 Theorem 1 as corrected in docs/theory.md §3 (thresholds FALL in the
/// own weight), 004 Claim 1 (the knapsack order within a side), and optimality of the knapsack.
/// </summary>
public class ThresholdComparativeStaticsTests
{
    [Fact]
    public void AsTheSellerWeightRisesTheSellersThresholdWeaklyFallsAndTheBuyersWeaklyRises()
    {
        for (var index = 0; index < 60; index++)
        {
            var problem = RandomProblem("test:multi-object:statics", index, 12);

            // A grid through [0, 1] that includes every breakpoint (where the tie rule acts) and its neighbours.
            var weights = new SortedSet<Fraction> { Fraction.Zero, Fraction.One };
            for (var k = 1; k < 20; k++)
            {
                weights.Add(new Fraction(k, 20));
            }

            foreach (var breakpoint in ParetoFrontier.Compute(problem).Breakpoints)
            {
                weights.Add(breakpoint);
                weights.Add(breakpoint - new Fraction(1, 1_000_000));
                weights.Add(breakpoint + new Fraction(1, 1_000_000));
            }

            ThresholdMechanism? previous = null;
            foreach (var weight in weights.Where(w => w.Sign >= 0 && w <= Fraction.One))
            {
                var current = ThresholdSolver.Solve(problem, weight);
                if (previous is not null)
                {
                    Assert.True(current.Seller.Threshold <= previous.Seller.Threshold, $"case {index}: M^s rose at a_s={weight}");
                    Assert.True(current.Buyer.Threshold >= previous.Buyer.Threshold, $"case {index}: M^b fell at a_s={weight}");
                    Assert.True(current.Seller.EffectiveThreshold <= previous.Seller.EffectiveThreshold + 1e-12);
                    Assert.True(current.Buyer.EffectiveThreshold >= previous.Buyer.EffectiveThreshold - 1e-12);
                    for (var m = 0; m < problem.Objects; m++)
                    {
                        Assert.True(current.ExactMu[1][m] >= previous.ExactMu[1][m], $"case {index}: mu^s_{m} fell");
                        Assert.True(current.ExactMu[0][m] <= previous.ExactMu[0][m], $"case {index}: mu^b_{m} rose");
                    }

                    Assert.True(current.ExactUtility[1] >= previous.ExactUtility[1]);
                    Assert.True(current.ExactUtility[0] <= previous.ExactUtility[0]);
                }

                previous = current;
            }
        }
    }

    [Fact]
    public void CostPerRentFallsStrictlyInTheNumberOfGoodValuesAsClaimOneStates()
    {
        for (var index = 0; index < 100; index++)
        {
            var problem = RandomProblem("test:multi-object:claim-one", index, 40);
            foreach (var side in new[] { Side.Buyers, Side.Sellers })
            {
                for (var m = 0; m + 1 < problem.Objects; m++)
                {
                    // 004 Claim 1: (N - m) f / (1 - F) increases strictly, so 1 - rho = b / A falls.
                    Assert.True(problem.CostPerRent(side, m + 1) < problem.CostPerRent(side, m));
                }
            }
        }
    }

    [Fact]
    public void ExactBinomialTypeProbabilitiesAgreeWithMathNet()
    {
        var problem = RandomProblem("test:multi-object:binomial", 0, 30);
        var q = problem.GoodProbability(Side.Sellers);
        for (var m = 0; m <= problem.Objects; m++)
        {
            var reference = MathNet.Numerics.Distributions.Binomial.PMF(q, problem.Objects, m);
            Assert.Equal(reference, problem.TypeProbability(Side.Sellers, m).ToDouble(), 1e-12);
        }
    }

    [Fact]
    public void NoBudgetFeasibleTradeRuleBeatsTheKnapsackSolution()
    {
        for (var index = 0; index < 60; index++)
        {
            var problem = RandomProblem("test:multi-object:optimality", index, 8);
            var stream = new RandomStream(StreamKey.ForPurpose(99UL, 0, "test:multi-object:optimality:candidates", index));
            var sellerWeight = stream.NextUniform();
            var optimum = ThresholdSolver.Solve(problem, sellerWeight);
            var best = sellerWeight * optimum.Seller.Utility + (1 - sellerWeight) * optimum.Buyer.Utility;
            Assert.Equal(0.0, optimum.ExpectedRevenue, 9);
            Assert.True(optimum.Buyer.WorstTypePayment >= 0 && optimum.Seller.WorstTypePayment >= 0);

            for (var candidate = 0; candidate < 200; candidate++)
            {
                // Any mu in [0,1]^N per side (not even monotone), scaled down until the budget holds (004 (12)).
                var buyerMu = new double[problem.Objects];
                var sellerMu = new double[problem.Objects];
                for (var m = 0; m < problem.Objects; m++)
                {
                    buyerMu[m] = stream.NextUniform() < 0.3 ? 1 : stream.NextUniform();
                    sellerMu[m] = stream.NextUniform() < 0.3 ? 1 : stream.NextUniform();
                }

                var goodGood = problem.GoodGoodGains.ToDouble();
                var netCost = problem.InformationRent(Side.Buyers, buyerMu) + problem.InformationRent(Side.Sellers, sellerMu)
                    - (problem.ExpectedGains(buyerMu, sellerMu) - goodGood);
                var scale = netCost > goodGood ? goodGood / netCost : 1.0;
                for (var m = 0; m < problem.Objects; m++)
                {
                    buyerMu[m] *= scale;
                    sellerMu[m] *= scale;
                }

                var buyerRent = problem.InformationRent(Side.Buyers, buyerMu);
                var sellerRent = problem.InformationRent(Side.Sellers, sellerMu);
                var slack = problem.ExpectedGains(buyerMu, sellerMu) - buyerRent - sellerRent;
                Assert.True(slack >= -1e-9);

                // The slack goes to the c of the heavier side (the best split).
                var value = sellerWeight * sellerRent + (1 - sellerWeight) * buyerRent + Math.Max(sellerWeight, 1 - sellerWeight) * slack;
                Assert.True(value <= best + 1e-9, $"case {index}: candidate {value} beats the knapsack {best}");
            }
        }
    }
}

using MarketSim.Core.Agents;
using MarketSim.Core.Experiments;
using MarketSim.Core.MultiObject;
using MarketSim.Core.Scenarios;
using static MarketSim.Core.Tests.MultiObject.MultiObjectTestProblems;

namespace MarketSim.Core.Tests.MultiObject;

/// <summary>
/// 004 Section 5 and Proposition 5: whether the first best is attainable, the smallest N from which an
/// agent keeps a positive utility at any weight, and the thresholds of 004 Figures 3 and 5.
/// </summary>
public sealed class FirstBestAndPositiveUtilityTests
{
    /// <summary>
    /// Closed form per object (all mu = 1): G_0/N - sum_j (rent_j - surplus_j)/N with
    /// rent_j/N = q_{-j} Delta_j q_j and surplus_j/N = q_{-j} G_j (1 - q_j).
    /// </summary>
    private static double FirstBestSlackPerObject(BinaryValues buyer, BinaryValues seller)
    {
        var (qb, qs) = (buyer.GoodProbability, seller.GoodProbability);
        return qs * qb * (buyer.High - seller.Low)
            - (qs * (buyer.High - buyer.Low) * qb - qs * (buyer.Low - seller.Low) * (1 - qb))
            - (qb * (seller.High - seller.Low) * qs - qb * (buyer.High - seller.High) * (1 - qs));
    }

    [Fact]
    public void FirstBestAttainabilityMatchesTheClosedFormAndTheSolverAtEqualWeights()
    {
        // The example: 3 - (2.75 - 0.25) - (2.75 - 0.25) = -2 per object; the Figures 4-5 values
        // (vb 12/4, vs 8/0): 3 - (2 - 1) - (2 - 1) = 1.
        Assert.Equal(-2, FirstBestSlackPerObject(ExampleBuyer, ExampleSeller), 12);
        Assert.Equal(1, FirstBestSlackPerObject(MultiObjectStudy.FirstBestBuyer, MultiObjectStudy.FirstBestSeller), 12);
        for (var index = 0; index < 60; index++)
        {
            var problem = RandomProblem("first-best", index, 12);
            var slack = FirstBestSlackPerObject(problem.Buyer, problem.Seller);
            if (Math.Abs(slack) < 1e-9)
            {
                continue;
            }

            Assert.Equal(slack >= 0, problem.FirstBestAttainable);
            // At equal weights every mu beats both c's ((1 - rho)/a < 1/a), so the solver reaches the
            // first best exactly when it is attainable.
            var mechanism = ThresholdSolver.Solve(problem, 0.5);
            Assert.Equal(problem.FirstBestAttainable, Math.Abs(mechanism.Efficiency - 1) < 1e-12);
            // Linear in N: the same answer for every number of objects.
            Assert.Equal(problem.FirstBestAttainable, new MultiObjectProblem(problem.Objects + 5, problem.Buyer, problem.Seller).FirstBestAttainable);
        }
    }

    [Fact]
    public void WithTheFirstBestAttainableLinkingGainsNothingAtEqualWeightsAndOnlyTheLesserWeightIsRestricted()
    {
        // 004 Figure 4: at a_s = a_b the one-object mechanism is already optimal: per object, both N give
        // the first best 5 (= 3 good-good + 1 + 1) split equally, 2.5 each.
        foreach (var objects in new[] { 1, 8 })
        {
            var mechanism = ThresholdSolver.Solve(MultiObjectStudy.FirstBestExample(objects), 0.5);
            Assert.Equal(5, mechanism.GainsFromTrade / objects, 12);
            Assert.Equal(2.5, mechanism.Buyer.Utility / objects, 12);
            Assert.Equal(2.5, mechanism.Seller.Utility / objects, 12);
        }

        // Away from equal weights linking expands the frontier (the weighted utility per object rises
        // with N) and only the agent with the lesser weight is restricted (004 Figure 5).
        foreach (var sellerWeight in new[] { 0.2, 0.8 })
        {
            var single = ThresholdSolver.Solve(MultiObjectStudy.FirstBestExample(1), sellerWeight);
            var linked = ThresholdSolver.Solve(MultiObjectStudy.FirstBestExample(8), sellerWeight);
            double Weighted(ThresholdMechanism m, int n) => (sellerWeight * m.Seller.Utility + (1 - sellerWeight) * m.Buyer.Utility) / n;
            Assert.True(Weighted(linked, 8) > Weighted(single, 1) + 1e-6);
            var (favoured, lesser) = sellerWeight > 0.5 ? (linked.Seller, linked.Buyer) : (linked.Buyer, linked.Seller);
            Assert.True(favoured.TradesEveryBadObject);
            Assert.False(lesser.TradesEveryBadObject);
            Assert.Equal(0, favoured.PaperThreshold);
            Assert.True(lesser.PaperThreshold > 0);
        }
    }

    [Fact]
    public void TheExamplesAgentsKeepAPositiveUtilityFromTwelveObjects()
    {
        // Proposition 5 (q^b read as q^j): N > q_j Delta_j / ((1 - q_j) G_j) = (1/2)(11) / ((1/2)(1)) = 11.
        // At N = 11 exactly b^j_{10} = q_{-j} q^10 (11/2 - 11/2) = 0: trading or not are both optimal at
        // weight 0, so "in every second-best mechanism" starts at 12.
        var problem = MultiObjectStudy.Example(8);
        Assert.Equal(12, PositiveUtilityThreshold.SmallestObjects(problem, Side.Buyers));
        Assert.Equal(12, PositiveUtilityThreshold.SmallestObjects(problem, Side.Sellers));
        Assert.True(MultiObjectStudy.Example(11).Cost(Side.Buyers, 10).IsZero);
        Assert.True(MultiObjectStudy.Example(12).Cost(Side.Buyers, 11).Sign < 0);
        Assert.True(MultiObjectStudy.Example(10).Cost(Side.Buyers, 9).Sign > 0);
        Assert.Equal(0, ThresholdSolver.Solve(MultiObjectStudy.Example(10), 1.0).Buyer.Utility);
        Assert.True(ThresholdSolver.Solve(MultiObjectStudy.Example(12), 1.0).Buyer.Utility > 0);
        Assert.True(ThresholdSolver.Solve(MultiObjectStudy.Example(12), 0.0).Seller.Utility > 0);
    }

    [Fact]
    public void PropositionFiveAgreesWithTheSolverAtWeightZeroOnRandomProblems()
    {
        // Exact rationals of random doubles grow with N: small N keep this fast; the cases with a
        // threshold of at most 14 still cover both outcomes.
        var covered = 0;
        for (var index = 0; index < 12; index++)
        {
            var seed = RandomProblem("proposition-5", index, 1);
            foreach (var side in new[] { Side.Buyers, Side.Sellers })
            {
                var smallest = PositiveUtilityThreshold.SmallestObjects(seed, side);
                // The agent's own weight is 0: a_s = 1 for the buyer, 0 for the seller.
                var sellerWeight = side == Side.Buyers ? 1.0 : 0.0;
                for (var objects = 1; objects <= Math.Min(smallest + 1, 14); objects++)
                {
                    var problem = new MultiObjectProblem(objects, seed.Buyer, seed.Seller);
                    var utility = Of(ThresholdSolver.Solve(problem, sellerWeight), side).Utility;
                    Assert.Equal(objects >= smallest, utility > 0);
                }

                // At and above it the utility is positive at every weight (a grid).
                var atSmallest = new MultiObjectProblem(Math.Min(smallest, 14), seed.Buyer, seed.Seller);
                if (smallest <= 14)
                {
                    covered++;
                    Assert.All(Enumerable.Range(0, 11), k => Assert.True(Of(ThresholdSolver.Solve(atSmallest, k / 10.0), side).Utility > 0));
                }
            }
        }

        Assert.True(covered >= 3, $"only {covered} random agents had a threshold of at most 14");
    }

    private static SideThreshold Of(ThresholdMechanism mechanism, Side side) => side == Side.Buyers ? mechanism.Buyer : mechanism.Seller;

    [Fact]
    public void FigureThreeAtEightObjectsHasBothThresholdsAtOneAtEqualWeights()
    {
        // 004 Section 5: "with eight objects, if agents are treated equally, both thresholds are 1. But if
        // the mechanism leans sufficiently towards one of them, his threshold becomes 0, while the threshold
        // of the less favored agent increases gradually ... (but never reaches 8)".
        var problem = MultiObjectStudy.Example(8);
        var equal = ThresholdSolver.Solve(problem, 0.5);
        Assert.Equal(1, equal.Buyer.PaperThreshold);
        Assert.Equal(1, equal.Seller.PaperThreshold);
        Assert.InRange(equal.Buyer.Mu[1], 1e-9, 1 - 1e-9);
        Assert.Equal(0, equal.Buyer.Mu[0]);
        var points = MultiObjectStudy.Thresholds(problem, Enumerable.Range(0, 101).Select(k => k / 100.0).ToArray());
        Assert.Equal(0, points[^1].SellerPaperThreshold);
        Assert.Equal(0, points[0].BuyerPaperThreshold);
        Assert.All(points, p => Assert.InRange(p.BuyerPaperThreshold, 0, 7));
        Assert.All(points, p => Assert.InRange(p.SellerPaperThreshold, 0, 7));
        for (var i = 1; i < points.Count; i++)
        {
            Assert.True(points[i].SellerPaperThreshold <= points[i - 1].SellerPaperThreshold);
            Assert.True(points[i].BuyerPaperThreshold >= points[i - 1].BuyerPaperThreshold);
        }
    }
}

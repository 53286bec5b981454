using MarketSim.Core.Agents;
using MarketSim.Core.MultiObject;
using MarketSim.Core.Scenarios;
using static MarketSim.Core.Tests.MultiObject.MultiObjectTestProblems;

namespace MarketSim.Core.Tests.MultiObject;

/// <summary>
/// The solver decides comparisons in doubles with rigorous margins and reads roundings off enclosures,
/// falling back to exact arithmetic (docs/theory.md §3). It must agree bit for bit with the exact-only
/// path on every output, and stay a valid second-best mechanism at the largest admitted size.
/// </summary>
public class FilteredArithmeticTests
{
    [Fact]
    public void FilteredAndExactPathsGiveTheSameMechanismsAndFrontiersOnRandomProblems()
    {
        for (var index = 0; index < 200; index++)
        {
            var template = RandomProblem("test:multi-object:filtered", index, 30);
            var fast = template;
            var exact = new MultiObjectProblem(template.Objects, template.Buyer, template.Seller, exactOnly: true);

            // Symmetric problems (every fourth) tie across sides, where the exact path must take over.
            if (index % 4 == 0)
            {
                fast = new MultiObjectProblem(template.Objects, ExampleBuyer with { GoodProbability = template.Buyer.GoodProbability },
                    ExampleSeller with { GoodProbability = template.Buyer.GoodProbability });
                exact = new MultiObjectProblem(fast.Objects, fast.Buyer, fast.Seller, exactOnly: true);
            }

            foreach (var weight in new[] { 0.0, 0.5, (index % 7) / 7.0, 1.0 })
            {
                AssertSame(ThresholdSolver.Solve(exact, weight), ThresholdSolver.Solve(fast, weight), index);
            }

            var exactFrontier = ParetoFrontier.Compute(exact);
            var fastFrontier = ParetoFrontier.Compute(fast);
            Assert.Equal(exactFrontier.Breakpoints, fastFrontier.Breakpoints);
            Assert.Equal(exactFrontier.Vertices.Count, fastFrontier.Vertices.Count);
            for (var k = 0; k < exactFrontier.Vertices.Count; k++)
            {
                Assert.Equal(exactFrontier.Vertices[k].SellerWeightFromValue, fastFrontier.Vertices[k].SellerWeightFromValue);
                Assert.Equal(exactFrontier.Vertices[k].SellerWeightFrom.ToDouble(), fastFrontier.Vertices[k].SellerWeightFromValue);
                Assert.Equal(exactFrontier.Vertices[k].BuyerUtility, fastFrontier.Vertices[k].BuyerUtility);
                Assert.Equal(exactFrontier.Vertices[k].SellerUtility, fastFrontier.Vertices[k].SellerUtility);
            }

            // At the breakpoints the tie rule acts: still the same.
            foreach (var breakpoint in exactFrontier.Breakpoints.Take(5))
            {
                AssertSame(ThresholdSolver.Solve(exact, breakpoint), ThresholdSolver.Solve(fast, breakpoint), index);
            }
        }
    }

    /// <summary>
    /// The largest size the scenario reference admits, asymmetric values with 53-bit probabilities (so the
    /// exact coefficients have about 54,000 bits): the solution is a valid second-best mechanism.
    /// </summary>
    [Fact]
    public void AtTheLargestAdmittedSizeTheSolutionBalancesTheBudgetAndIsIncentiveCompatible()
    {
        const int objects = 1000; // InputLimits.MaxObjects
        var problem = new MultiObjectProblem(objects, new BinaryValues(12.3, 1.1, 0.3), new BinaryValues(11.2, 0.1, 0.6));
        var mechanism = ThresholdSolver.Solve(problem, 0.5);

        // Ex-ante budget balance, exactly: NI = NU^b + NU^s (docs/theory.md §3).
        Assert.Equal(mechanism.ExactGainsFromTrade, mechanism.ExactUtility[0] + mechanism.ExactUtility[1]);
        Assert.Equal(mechanism.GainsFromTrade, mechanism.ExactGainsFromTrade.ToDouble());
        foreach (var side in new[] { Side.Buyers, Side.Sellers })
        {
            var threshold = mechanism.For(side);
            var rival = side == Side.Buyers ? Side.Sellers : Side.Buyers;
            var rentStep = problem.GoodProbability(rival) * problem.ValueDifference(side);

            // A threshold rule (0 below M, sigma at M, 1 above): mu rises in m, which with the envelope
            // transfers tau(m + 1) - tau(m) = q_{-j} Delta_j mu_m makes truth-telling optimal (004 (3));
            // interim IR: tau(0) = c^j >= 0.
            Assert.True(threshold.WorstTypePayment >= 0);
            Assert.Equal(threshold.WorstTypePayment, threshold.InterimTransfer[0]);
            for (var m = 0; m < objects; m++)
            {
                Assert.True(threshold.Mu[m] <= threshold.Mu[m + 1]);
                Assert.Equal(m < threshold.Threshold ? 0.0 : m == threshold.Threshold ? threshold.Sigma : 1.0, threshold.Mu[m]);
                Assert.Equal(rentStep * threshold.Mu[m], threshold.InterimTransfer[m + 1] - threshold.InterimTransfer[m], 1e-9);
            }

            // NU^j = c^j + sum_m A^j_m mu^j_m, and the exact trade rule rounds to the doubles.
            Assert.Equal(threshold.Utility, mechanism.ExactUtility[(int)side].ToDouble());
            Assert.Equal(threshold.Sigma, mechanism.ExactMu[(int)side][threshold.Threshold].ToDouble());
        }

        // Along the frontier (004 Section 4) the seller weight rises, the seller gains and the buyer loses.
        var frontier = ParetoFrontier.Compute(problem);
        Assert.True(frontier.Vertices.Count > 100);
        for (var k = 1; k < frontier.Vertices.Count; k++)
        {
            Assert.True(frontier.Vertices[k].SellerWeightFromValue >= frontier.Vertices[k - 1].SellerWeightFromValue);
            Assert.True(frontier.Vertices[k].SellerUtility >= frontier.Vertices[k - 1].SellerUtility);
            Assert.True(frontier.Vertices[k].BuyerUtility <= frontier.Vertices[k - 1].BuyerUtility);
        }

        // The equal-weights optimum's weighted utility is the best of the frontier's at a_s = 1/2.
        var best = frontier.Vertices.Max(vertex => vertex.BuyerUtility + vertex.SellerUtility);
        Assert.Equal(best, mechanism.Buyer.Utility + mechanism.Seller.Utility, 1e-9 * best);
    }

    private static void AssertSame(ThresholdMechanism exact, ThresholdMechanism fast, int index)
    {
        Assert.True(exact.GainsFromTrade == fast.GainsFromTrade, $"case {index}: gains");
        Assert.Equal(exact.SellerWeight, fast.SellerWeight);
        foreach (var side in new[] { Side.Buyers, Side.Sellers })
        {
            var (reference, filtered) = (exact.For(side), fast.For(side));
            Assert.Equal(reference.Threshold, filtered.Threshold);
            Assert.Equal(reference.Sigma, filtered.Sigma);
            Assert.Equal(reference.Mu, filtered.Mu);
            Assert.Equal(reference.InterimTransfer, filtered.InterimTransfer);
            Assert.Equal(reference.WorstTypePayment, filtered.WorstTypePayment);
            Assert.Equal(reference.Utility, filtered.Utility);
            Assert.Equal(exact.ExactMu[(int)side], fast.ExactMu[(int)side]);

            // And the doubles are the exact values rounded.
            Assert.Equal(exact.ExactUtility[(int)side].ToDouble(), filtered.Utility);
            Assert.Equal(exact.ExactMu[(int)side].Select(mu => mu.ToDouble()), filtered.Mu);
        }
    }
}

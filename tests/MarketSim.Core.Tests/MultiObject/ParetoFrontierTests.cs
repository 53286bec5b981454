using MarketSim.Core.Agents;
using MarketSim.Core.MultiObject;
using static MarketSim.Core.Tests.MultiObject.MultiObjectTestProblems;

namespace MarketSim.Core.Tests.MultiObject;

/// <summary>The frontier sweep: 004 Section 2's vertices and breakpoints, and exactness properties.</summary>
public class ParetoFrontierTests
{
    [Fact]
    public void PaperExampleBreakpointsAreExactlyTheCrossingWeightsOf004()
    {
        var frontier = ParetoFrontier.Compute(Example(3));

        // 004 Section 2 for a_s > 1/2: 148/281 (buyer's bad-bad-good vs seller's bad-bad-bad),
        // 44/82 (buyer's bad-bad-good vs c^s), 11/19 (buyer's bad-good-good vs c^s); the mirror
        // images 1 - w below 1/2; 1/2 itself (the two bad-bad-bad types tie).
        Fraction[] expected =
        [
            new(8, 19), new(38, 82), new(133, 281), new(1, 2), new(148, 281), new(44, 82), new(11, 19),
        ];
        Assert.Equal(expected, frontier.Breakpoints);
        Assert.Equal(148.0 / 281.0, frontier.Breakpoints[4].ToDouble(), 12);
        Assert.Equal(44.0 / 82.0, frontier.Breakpoints[5].ToDouble(), 12);
        Assert.Equal(11.0 / 19.0, frontier.Breakpoints[6].ToDouble(), 12);
    }

    [Fact]
    public void PaperExampleVerticesAsTheSellerWeightRisesPastOneHalfAnd148Over281()
    {
        var frontier = ParetoFrontier.Compute(Example(3));
        Assert.Equal(8, frontier.Vertices.Count);

        // 004 Section 2: (seller, buyer) = (6.82, 3.44) for 1/2 < a_s < 148/281.
        var pastHalf = frontier.Vertices[4];
        Assert.Equal(new Fraction(1, 2), pastHalf.SellerWeightFrom);
        Assert.Equal(new Fraction(148, 281), pastHalf.SellerWeightTo);
        Assert.Equal(6.82, pastHalf.SellerUtility, 0.005);
        Assert.Equal(3.44, pastHalf.BuyerUtility, 0.005);
        Assert.Equal(55.0 / 16.0 + 4.8125 * 52.0 / 74.0, pastHalf.SellerUtility, 12); // seller's bad-bad-bad gets 52/74
        Assert.Equal(55.0 / 16.0, pastHalf.BuyerUtility, 12);

        // Then (8.25, 1.84): the seller's bad types all trade, the buyer's bad-bad-good with 8/19.
        var past148 = frontier.Vertices[5];
        Assert.Equal(new Fraction(148, 281), past148.SellerWeightFrom);
        Assert.Equal(8.25, past148.SellerUtility, 12);
        Assert.Equal(561.0 / 304.0, past148.BuyerUtility, 12); // 11/16 + (11/4)(8/19) = 1.8454 (004 prints 1.84)
        Assert.Equal(1.84, past148.BuyerUtility, 0.01);

        // Two more edges (004 Section 2): the buyer loses his bad-bad-good, then his bad-good-good trades.
        Assert.Equal((11.0 / 16.0, 9.25), (frontier.Vertices[6].BuyerUtility, frontier.Vertices[6].SellerUtility));
        Assert.Equal((0.0, 9.75), (frontier.Vertices[7].BuyerUtility, frontier.Vertices[7].SellerUtility));

        // The mirror image below 1/2 (symmetric problem).
        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(frontier.Vertices[7 - k].SellerUtility, frontier.Vertices[k].BuyerUtility, 12);
            Assert.Equal(frontier.Vertices[7 - k].BuyerUtility, frontier.Vertices[k].SellerUtility, 12);
        }
    }

    [Fact]
    public void AtEqualWeightsTheSymmetricTieSplitLiesMidwayOnTheEdgeBetweenTheTwoVertices()
    {
        var problem = Example(3);
        var frontier = ParetoFrontier.Compute(problem);
        var atHalf = ThresholdSolver.Solve(problem, 0.5);

        // 004 Section 2: any split of 2 * 26/74 between the bad-bad-bad types is optimal; ours is equal.
        Assert.Equal((frontier.Vertices[3].BuyerUtility + frontier.Vertices[4].BuyerUtility) / 2, atHalf.Buyer.Utility, 12);
        Assert.Equal((frontier.Vertices[3].SellerUtility + frontier.Vertices[4].SellerUtility) / 2, atHalf.Seller.Utility, 12);
    }

    [Fact]
    public void NeighbouringVerticesHaveExactlyEqualWeightedUtilityAtTheirBreakpointOnRandomProblems()
    {
        for (var index = 0; index < 40; index++)
        {
            var problem = RandomProblem("test:multi-object:frontier", index, 10);
            var frontier = ParetoFrontier.Compute(problem);
            Assert.Equal(frontier.Vertices.Count - 1, frontier.Breakpoints.Count);
            for (var k = 0; k < frontier.Breakpoints.Count; k++)
            {
                var weight = frontier.Breakpoints[k];
                var left = frontier.Vertices[k].Mechanism;
                var right = frontier.Vertices[k + 1].Mechanism;
                Assert.Equal(Weighted(left, weight), Weighted(right, weight));
                Assert.Equal(weight, frontier.Vertices[k].SellerWeightTo);
                Assert.Equal(weight, frontier.Vertices[k + 1].SellerWeightFrom);
                Assert.True(frontier.Vertices[k + 1].SellerUtility > frontier.Vertices[k].SellerUtility);
                Assert.True(frontier.Vertices[k + 1].BuyerUtility < frontier.Vertices[k].BuyerUtility);
            }

            // Inside its interval each vertex is strictly best among all vertices (it is the unique optimum).
            foreach (var vertex in frontier.Vertices)
            {
                var inside = (vertex.SellerWeightFrom + vertex.SellerWeightTo) / 2;
                var own = Weighted(vertex.Mechanism, inside);
                Assert.All(frontier.Vertices.Where(other => other != vertex), other => Assert.True(Weighted(other.Mechanism, inside) < own));
                Assert.Equal(own, Weighted(ThresholdSolver.Solve(problem, inside), inside));
            }
        }
    }

    [Fact]
    public void SweepFindsTheSameBreakpointsAsSolvingBetweenEveryPairOfCrossings()
    {
        for (var index = 0; index < 30; index++)
        {
            var problem = RandomProblem("test:multi-object:sweep", index, 7);

            // Brute force: every buyer-item / seller-item crossing weight g_s / (g_b + g_s), then one solve per gap.
            var gaps = new[] { new List<Fraction> { Fraction.One }, new List<Fraction> { Fraction.One } };
            for (var m = 0; m < problem.Objects; m++)
            {
                foreach (var side in new[] { Side.Buyers, Side.Sellers })
                {
                    if (problem.Cost(side, m).Sign > 0)
                    {
                        gaps[(int)side].Add(problem.CostPerRent(side, m));
                    }
                }
            }

            var points = new SortedSet<Fraction> { Fraction.Zero, Fraction.One };
            foreach (var buyerGap in gaps[0])
            {
                foreach (var sellerGap in gaps[1])
                {
                    points.Add(sellerGap / (buyerGap + sellerGap));
                }
            }

            var ordered = points.ToArray();
            var expected = new List<Fraction>();
            ThresholdMechanism? previous = null;
            for (var k = 0; k + 1 < ordered.Length; k++)
            {
                var mechanism = ThresholdSolver.Solve(problem, (ordered[k] + ordered[k + 1]) / 2);
                if (previous is not null && (previous.ExactUtility[0] != mechanism.ExactUtility[0] || previous.ExactUtility[1] != mechanism.ExactUtility[1]))
                {
                    expected.Add(ordered[k]);
                }

                previous = mechanism;
            }

            Assert.Equal(expected, ParetoFrontier.Compute(problem).Breakpoints);
        }
    }

    /// <summary>
    /// A large asymmetric case (N = 40): along the frontier, as the seller weight rises, the seller's
    /// utility weakly rises and the buyer's weakly falls.
    /// (Its speed is a benchmark matter, not a test assertion.)
    /// </summary>
    [Fact]
    public void FortyObjectAsymmetricFrontierIsMonotone()
    {
        var problem = new MultiObjectProblem(40, new(12.3, 1.1, 0.3), new(11.2, 0.1, 0.6));
        var vertices = ParetoFrontier.Compute(problem).Vertices;
        Assert.True(vertices.Count > 10);
        for (var k = 1; k < vertices.Count; k++)
        {
            Assert.True(vertices[k].SellerWeightFrom > vertices[k - 1].SellerWeightFrom);
            Assert.True(vertices[k].SellerUtility >= vertices[k - 1].SellerUtility - 1e-12);
            Assert.True(vertices[k].BuyerUtility <= vertices[k - 1].BuyerUtility + 1e-12);
        }
    }

    private static Fraction Weighted(ThresholdMechanism mechanism, Fraction sellerWeight) =>
        sellerWeight * mechanism.ExactUtility[1] + (1 - sellerWeight) * mechanism.ExactUtility[0];
}

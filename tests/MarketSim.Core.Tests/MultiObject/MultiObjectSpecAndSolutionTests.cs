using MarketSim.Core.MultiObject;
using MarketSim.Core.Scenarios;
using static MarketSim.Core.Tests.MultiObject.MultiObjectTestProblems;

namespace MarketSim.Core.Tests.MultiObject;

/// <summary>Spec validation (field paths in the errors), the solution's numbers, and efficiency in N.</summary>
public class MultiObjectSpecAndSolutionTests
{
    public static TheoryData<int, double, double, double, double, double, double, double?, string> InvalidSpecs() => new()
    {
        { 0, 12, 1, 0.5, 11, 0, 0.5, null, "objects" },
        { 3, 10, 1, 0.5, 11, 0, 0.5, null, "buyer.high" },     // vb_h <= vs_h
        { 3, 12, 11, 0.5, 11, 0, 0.5, null, "seller.high" },   // vs_h <= vb_l
        { 3, 12, 1, 0.5, 11, 1, 0.5, null, "buyer.low" },      // vb_l <= vs_l
        { 3, 12, 1, 0, 11, 0, 0.5, null, "buyer.goodProbability" },
        { 3, 12, 1, 0.5, 11, 0, 1, null, "seller.goodProbability" },
        { 3, 12, 1, 0.5, 11, 0, 0.5, 1.5, "sellerWeight" },
        { 3, 12, 1, 0.5, 11, 0, 0.5, -0.1, "sellerWeight" },
    };

    [Theory]
    [MemberData(nameof(InvalidSpecs))]
    public void InvalidSpecsAreRejectedNamingTheField(
        int objects, double buyerHigh, double buyerLow, double buyerGood, double sellerHigh, double sellerLow, double sellerGood, double? weight, string field)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new MultiObjectThresholdSpec(
            "bad", objects, 10, new BinaryValues(buyerHigh, buyerLow, buyerGood), new BinaryValues(sellerHigh, sellerLow, sellerGood), weight, BudgetBalance.ExAnte));
        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void OmittedSellerWeightMeansEqualWeights()
    {
        var spec = new MultiObjectThresholdSpec("default", 3, 10, ExampleBuyer, ExampleSeller, null, BudgetBalance.ExAnte);
        Assert.Equal(0.5, spec.EffectiveSellerWeight);
        Assert.Equal(0.5, new MultiObjectSimulation(spec).Mechanism.SellerWeight);
        Assert.Equal(0.9, new MultiObjectSimulation(spec, sellerWeight: 0.9).Mechanism.SellerWeight);
    }

    [Fact]
    public void SolutionCarriesThePaperNumbers()
    {
        // The values solve prints (its JSON names are checked in the Cli tests, SolveJsonShapesTests).
        var spec = new MultiObjectThresholdSpec("three-objects", 3, 10, ExampleBuyer, ExampleSeller, null, BudgetBalance.ExAnte);
        var solution = MultiObjectSolution.FromSpec(spec);

        Assert.Equal("three-objects", solution.Name);
        Assert.Equal(0, solution.Thresholds.Buyer.M);
        Assert.Equal(26.0 / 74.0, solution.Thresholds.Buyer.Sigma, 12);
        Assert.Equal(4, solution.Thresholds.Buyer.Mu.Count);
        Assert.Equal(0.0, solution.WorstTypePayment.Seller);
        Assert.Equal(759.0 / 148.0, solution.Utility.Buyer, 12);
        Assert.Equal(759.0 / 74.0, solution.GainsFromTrade, 12);
        Assert.Equal(10.5, solution.FirstBest, 12);
        Assert.Equal(759.0 / 74.0 / 10.5, solution.Efficiency, 12);

        // 004 Section 2: the vertex (seller 6.82, buyer 3.44) from a_s = 1/2 on.
        Assert.Equal(8, solution.Frontier.Count);
        Assert.Equal(0.5, solution.Frontier[4].SellerWeight);
        Assert.Equal(3.44, solution.Frontier[4].Buyer, 0.005);
        Assert.Equal(6.82, solution.Frontier[4].Seller, 0.005);
    }

    [Fact]
    public void EfficiencyRisesTowardsOneAsTheNumberOfObjectsGrows()
    {
        // Linking the trade problems (004 Section 1, after Jackson and Sonnenschein 2007): the second
        // best approaches the first best. Equal weights, the paper's values.
        var efficiency = Enumerable.Range(1, 40).Select(n => ThresholdSolver.Solve(Example(n), 0.5).Efficiency).ToArray();
        Assert.Equal(3.3 / 3.5, efficiency[0], 12);
        for (var n = 1; n < efficiency.Length; n++)
        {
            Assert.True(efficiency[n] >= efficiency[n - 1], $"efficiency fell from N={n} to N={n + 1}");
        }

        Assert.True(efficiency[14] > 0.999);
        Assert.True(1 - efficiency[39] < 1e-4);
        Assert.True(efficiency[39] < 1); // first best is never exactly attained here (004 fn. 18)
    }

    [Fact]
    public void ThresholdFormExpressesTradeEveryBadObjectAndNever()
    {
        // A seller weight of 1 with the paper's values: the buyer never trades a bad object (004 Section 2,
        // a_s > 11/19), the seller trades all of his.
        var monopoly = ThresholdSolver.Solve(Example(3), 1.0);
        Assert.True(monopoly.Buyer.NeverTradesBadObjects);
        Assert.Equal(3, monopoly.Buyer.Threshold);
        Assert.Equal(3.0, monopoly.Buyer.EffectiveThreshold);
        Assert.True(monopoly.Seller.TradesEveryBadObject);
        Assert.Equal((0, 1.0), (monopoly.Seller.Threshold, monopoly.Seller.Sigma));
        Assert.Equal(0.0, monopoly.Seller.EffectiveThreshold);
        Assert.Equal(1.5, monopoly.Seller.WorstTypePayment, 12); // c^s absorbs 9 - 7.5 (the buyer earns no rent)
        Assert.Equal(0.0, monopoly.Buyer.Utility);
    }
}

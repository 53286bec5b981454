using MarketSim.Core.Experiments;

namespace MarketSim.Core.Tests.Experiments;

/// <summary>
/// 000 Figure 1.1: the constrained frontier touches the unconstrained line U_B + U_S = 1/4 only at
/// the competitive equilibrium (1/8, 1/8) (uniform rates, mu = 1: p_CE = 1/2, each side's surplus
/// int_{1/2}^1 (r - 1/2) dr = 1/8), lies below it elsewhere, and trades one side's utility for the other's.
/// </summary>
public sealed class ParetoFrontierStudyTests
{
    // Welfare is stationary at the optimum: the solver's grid error is O(1/2000^2) (SolverOptions), far below 1e-4.
    private const double Tolerance = 1e-4;

    [Fact]
    public void EqualWeightsGiveTheCompetitiveEquilibriumOnTheUnconstrainedLine()
    {
        Assert.Equal(0.25, ParetoFrontierStudy.UnconstrainedTotal(), 9);
        var point = ParetoFrontierStudy.Compute([0.5]).Single();
        Assert.Equal(0.125, point.BuyerUtility, Tolerance);
        Assert.Equal(0.125, point.SellerUtility, Tolerance);
    }

    [Fact]
    public void UnequalWeightsLoseTotalSurplusAndMoveUtilityTowardsTheFavouredSide()
    {
        double[] shares = [0.1, 0.3, 0.45, 0.55, 0.7, 0.9];
        var points = ParetoFrontierStudy.Compute(shares);
        foreach (var point in points)
        {
            Assert.True(point.BuyerUtility + point.SellerUtility < 0.25 - Tolerance, $"share {point.SellerWeightShare}: total {point.BuyerUtility + point.SellerUtility}");
        }

        for (var i = 1; i < points.Count; i++)
        {
            Assert.True(points[i].SellerUtility > points[i - 1].SellerUtility);
            Assert.True(points[i].BuyerUtility < points[i - 1].BuyerUtility);
        }

        // Symmetric market: swapping the weights swaps the utilities.
        Assert.Equal(points[0].BuyerUtility, points[^1].SellerUtility, Tolerance);
        Assert.Equal(points[0].SellerUtility, points[^1].BuyerUtility, Tolerance);
    }
}

using MarketSim.Core.Experiments;

namespace MarketSim.Core.Tests.Experiments;

/// <summary>
/// Issue 15 item 8: 000 Figure 2.2's p_B line no longer jitters. With the budget slack the solver refines the volume by
/// root finding on the continuum first-order condition (docs/theory.md §1.3 "Cut-off refinement"), so on the figure's
/// m grid (0.2..8, 161 points) the prices are the closed form of docs/theory.md §1.4 to rounding:
/// m &gt; 1: p_B = 1/2, p_S = 1/(2m); m &lt; 1: p_B = 1 - m/2, p_S = 1/2.
/// Second differences: p_B is linear on each side of m = 1, so its second difference vanishes (to rounding, 1e-12)
/// except at the two grid points next to the kink at m = 1, where it is at most the change of slope times the step,
/// (1/2) dm = 0.024. A grid price would jitter by about one quantity spacing over g, 1/2000 (the old figure).
/// </summary>
public sealed class WedgePricesAreExactAndSmoothTests
{
    [Fact]
    public void WedgePricesOnTheFiguresGridAreTheClosedFormAndSmooth()
    {
        double[] values = MechanismMapStudy.Grid(0.2, 8.0, 161);
        double step = values[1] - values[0];
        var points = UniformPriceStudy.Wedge(values);
        for (int i = 0; i < points.Count; i++)
        {
            WedgePoint point = points[i];
            Assert.Equal(point.ClosedForm.BuyerPrice, point.BuyerPrice, 1e-10);
            Assert.Equal(point.ClosedForm.SellerPrice, point.SellerPrice, 1e-10);
            Assert.Equal(point.ClosedForm.LumpSumSellers, point.LumpSumSellers, 1e-10);
            Assert.Equal(point.ClosedForm.LumpSumBuyers, point.LumpSumBuyers, 1e-10);
            if (i == 0 || i == points.Count - 1) continue;
            double secondDifference = Math.Abs(points[i + 1].BuyerPrice - 2 * point.BuyerPrice + points[i - 1].BuyerPrice);
            bool nextToKink = values[i - 1] < 1.0 && values[i + 1] > 1.0;
            Assert.True(secondDifference <= (nextToKink ? 0.5 * step : 1e-12), $"m = {values[i]}: second difference {secondDifference}");
        }
    }
}

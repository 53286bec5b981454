using MarketSim.Core.Experiments;

namespace MarketSim.Core.Tests.Experiments;

/// <summary>
/// 000 Figures 2.1 and 2.2 (docs/theory.md §1.4): the solver's prices on the uniform example agree with the
/// closed forms. Tolerance 2e-3: the solver's cut-off quantities are grid points of spacing 1/2000,
/// so a price is off by at most about 1/(2000 g) with g >= 1/2 here (SolverOptions).
/// </summary>
public sealed class UniformPriceSolverMatchesClosedFormsTests
{
    private const double PriceTolerance = 2e-3;

    [Fact]
    public void SinglePriceWithoutLumpSumsIsTheClosedFormInEveryRegime()
    {
        // m < 1/3 (buyers rationed), [1/3, 3] (CE), (3, 2+sqrt2) (sellers rationed), >= 2+sqrt2 (price 1/m).
        double[] values = [0.2, 0.3, 0.5, 1.0, 2.0, 2.9, 3.2, 3.35, 4.0, 6.0];
        foreach (var point in UniformPriceStudy.SinglePrice(values))
        {
            Assert.True(Math.Abs(point.SolverPrice - point.ClosedFormPrice) < PriceTolerance,
                $"m = {point.SellerValueOfMoney}: solver {point.SolverPrice}, closed form {point.ClosedFormPrice} ({point.MechanismClass})");
        }
    }

    [Fact]
    public void ClosedFormSinglePriceHasThePapersValuesAndIsContinuousAtTheRegimeEnds()
    {
        Assert.Equal(0.25, UniformExample.OptimalSinglePrice(3.0), 12);             // p_CE = 1/(1+3)
        Assert.Equal(0.25, UniformExample.OptimalSinglePrice(3.0 + 1e-12), 9);      // (m-2)/(2m-2) at 3 = 1/4
        var corner = 2.0 + Math.Sqrt(2.0);
        Assert.Equal(1.0 / corner, UniformExample.OptimalSinglePrice(corner - 1e-12), 9); // (m-2)/(2m-2) meets 1/m
        Assert.Equal(0.75, UniformExample.OptimalSinglePrice(1.0 / 3.0), 12);       // p_CE = 3/4
        Assert.Equal(0.75, UniformExample.OptimalSinglePrice(1.0 / 3.0 - 1e-12), 9); // 1/(2-2m) at 1/3 = 3/4
    }

    [Fact]
    public void WedgeWithLumpSumsIsTheClosedFormOnBothSidesOfMEqualsOne()
    {
        double[] values = [0.3, 0.5, 0.8, 1.5, 2.0, 4.0, 7.0];
        foreach (var point in UniformPriceStudy.Wedge(values))
        {
            var closed = point.ClosedForm;
            var m = point.SellerValueOfMoney;
            Assert.True(Math.Abs(point.BuyerPrice - closed.BuyerPrice) < PriceTolerance, $"m = {m}: p_B {point.BuyerPrice} vs {closed.BuyerPrice}");
            Assert.True(Math.Abs(point.SellerPrice - closed.SellerPrice) < PriceTolerance, $"m = {m}: p_S {point.SellerPrice} vs {closed.SellerPrice}");
            // Lump sum = Q (p_B - p_S): volume and price errors of the grid add up (Q <= 1/2).
            Assert.True(Math.Abs(point.LumpSumBuyers - closed.LumpSumBuyers) < PriceTolerance, $"m = {m}: buyers' lump sum {point.LumpSumBuyers} vs {closed.LumpSumBuyers}");
            Assert.True(Math.Abs(point.LumpSumSellers - closed.LumpSumSellers) < PriceTolerance, $"m = {m}: sellers' lump sum {point.LumpSumSellers} vs {closed.LumpSumSellers}");
            Assert.Equal("wedge-with-lump-sum", point.MechanismClass); // docs/theory.md §1.4: no rationing, CE suboptimal for m != 1
        }
    }

    [Fact]
    public void ClosedFormWedgeClearsTheMarketAndPaysTheRevenueAsTheLumpSum()
    {
        foreach (var m in new[] { 0.1, 0.4, 0.9, 1.0, 1.1, 3.0, 10.0 })
        {
            var wedge = UniformExample.Wedge(m);
            // mu (1 - G_B(p_B)) = G_S(p_S) with G_B(p) = p, G_S(p) = m p (docs/theory.md §1.4), both = volume.
            Assert.Equal(1.0 - wedge.BuyerPrice, wedge.Volume, 12);
            Assert.Equal(m * wedge.SellerPrice, wedge.Volume, 12);
            // docs/theory.md §1.2: revenue Q (p_B - p_S) paid per seller (or per buyer, mu = 1).
            Assert.Equal(wedge.Volume * (wedge.BuyerPrice - wedge.SellerPrice), wedge.LumpSumBuyers + wedge.LumpSumSellers, 12);
        }

        Assert.Equal(1.0 / 8.0, UniformExample.Wedge(2.0).LumpSumSellers, 12); // (m-1)/(4m) at m = 2 (scenarios/paper-section2.yaml)
    }
}

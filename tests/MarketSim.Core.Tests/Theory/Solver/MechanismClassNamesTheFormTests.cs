using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Tests.Theory.Solver;

/// <summary>
/// <see cref="MechanismClass.Of"/> on hand-made lotteries (docs/theory.md §1.2, §1.3 "Lottery to menu"): the named
/// forms, and <see cref="MechanismClass.Name"/> unchanged for every one of them.
/// </summary>
public sealed class MechanismClassNamesTheFormTests
{
    private static MechanismClass Classify(QuantityLotteryPoint[] sellers, QuantityLotteryPoint[] buyers, double revenue = 0, double sellerLumpSum = 0)
    {
        var sellerMenu = LotteryToMenu.Convert(sellers);
        var buyerMenu = LotteryToMenu.Convert(buyers);
        double volume = sellers.Sum(p => p.Weight * p.Quantity);
        return MechanismClass.Of(sellers, buyers, sellerMenu, buyerMenu, revenue, new LumpSumPerAgent(0, sellerLumpSum), volume);
    }

    [Fact]
    public void OnePricePerSideIsCompetitiveEquilibriumOrAWedge()
    {
        QuantityLotteryPoint[] sellers = [new(0.5, 0.5, 1.0)], buyers = [new(0.5, 0.5, 1.0)];
        Assert.Equal(MechanismForm.CompetitiveEquilibrium, Classify(sellers, buyers).Form);
        var wedge = Classify([new(0.5, 0.25, 1.0)], buyers, revenue: 0.125, sellerLumpSum: 0.125);
        Assert.Equal(MechanismForm.WedgeWithLumpSum, wedge.Form);
        Assert.Equal(MechanismClass.WedgeWithLumpSum, wedge.Name);
        Assert.Equal(MechanismForm.PriceWedge, Classify([new(0.5, 0.25, 1.0)], buyers, revenue: 0.125).Form);
    }

    [Fact]
    public void SureSalePlusTopPriceLotteryIsFootnoteThirteensLumpSum()
    {
        // Sellers' rates on [0, 1]: q = 1 is the top rate rbar_S = 1. 95% of the mass posts q = 0.6 (a sure sale for
        // rates up to its cut-off 0.36), 5% posts q = 1 at price 1: the menu is "sell surely at 0.95*0.36 + 0.05" or
        // "sell with probability 0.05 at 1" (docs/theory.md §1.3 "Lottery to menu").
        QuantityLotteryPoint[] sellers = [new(0.6, 0.36, 0.95), new(1.0, 1.0, 0.05)];
        QuantityLotteryPoint[] buyers = [new(0.62, 0.38, 1.0)];
        var mechanismClass = Classify(sellers, buyers);
        var menu = LotteryToMenu.Convert(sellers);
        Assert.Equal(1.0, menu[0].Probability, 12);
        Assert.Equal(0.95 * 0.36 + 0.05, menu[0].Price, 12);
        Assert.Equal(1.0, menu[1].Price);
        Assert.Equal(MechanismForm.SureSalePlusTopPriceLottery, mechanismClass.Form);
        Assert.True(mechanismClass.SellerTopPriceLottery);
        Assert.False(mechanismClass.SellerPriceRationing);
        Assert.Equal("seller-rationing", mechanismClass.Name); // the compatible name: some option has probability < 1
    }

    [Fact]
    public void RationingBelowTheTopIsAPriceFloorEvenWithALotteryBeside()
    {
        // A single rationed price (no-trade atom at q = 0 with weight 0.9): a price floor.
        QuantityLotteryPoint[] buyers = [new(0.05, 0.95, 1.0)];
        Assert.Equal(MechanismForm.PriceFloorSellerRationing, Classify([new(0.0, 0.0, 0.9), new(0.5, 0.25, 0.1)], buyers).Form);
        // A single option at the top rate with probability < 1 (000 Claim 2 for m >= 2 + sqrt 2): a price floor, not a lottery.
        Assert.Equal(MechanismForm.PriceFloorSellerRationing, Classify([new(0.0, 0.0, 0.25), new(1.0, 0.25, 0.75)], buyers).Form);
        // Rationed at 0.22 and a top-price lottery beside it: the price floor is named first.
        var both = Classify([new(0.0, 0.0, 0.98), new(0.5, 0.22, 0.0175), new(1.0, 1.0, 0.0009)], buyers);
        Assert.True(both.SellerTopPriceLottery);
        Assert.Equal(MechanismForm.PriceFloorSellerRationing, both.Form);
    }

    [Fact]
    public void BuyerRationingAndBothSidesAndNoTrade()
    {
        QuantityLotteryPoint[] sellers = [new(0.4, 0.4, 1.0)];
        Assert.Equal(MechanismForm.BuyerRationing, Classify(sellers, [new(0.0, 1.0, 0.2), new(0.5, 0.5, 0.8)]).Form);
        Assert.Equal(MechanismForm.SurePurchasePlusBottomPriceLottery, Classify(sellers, [new(0.3, 0.7, 0.9), new(1.0, 0.0, 0.1)]).Form);
        Assert.Equal(MechanismForm.BothRationed, Classify([new(0.0, 0.0, 0.5), new(0.8, 0.8, 0.5)], [new(0.0, 1.0, 0.2), new(0.5, 0.5, 0.8)]).Form);
        Assert.Equal(MechanismForm.NoTrade, Classify([new(0.0, 0.0, 1.0)], [new(0.0, 1.0, 1.0)]).Form);
    }

    [Fact]
    public void AClassBuiltFromFlagsKeepsItsMeaning()
    {
        // Callers that build the record from flags (no lotteries) get every rationing as rationing at a price.
        Assert.Equal(MechanismForm.PriceFloorSellerRationing, new MechanismClass(true, false, false, false, false).Form);
        Assert.Equal(MechanismForm.CompetitiveEquilibrium, new MechanismClass(false, false, false, false, false).Form);
    }
}

using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Random;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Replications;

namespace MarketSim.Core.Tests.Mechanisms.Menus;

/// <summary>The choice rule's documented tie-breaking, and the validation of menus, wedges, controls and specs.</summary>
public sealed class MenuChoiceAndValidationTests
{
    [Fact]
    public void AgentIndifferentToTradingDoesNotTrade()
    {
        var buyers = new Menu(Side.Buyers, [new MenuOption(0.5, 1)]);
        var sellers = new Menu(Side.Sellers, [new MenuOption(0.5, 0.5)]);
        Assert.Equal(MenuChoice.NoTrade, buyers.Choose(0.5));
        Assert.Equal(0, buyers.Choose(0.5000001));
        Assert.Equal(MenuChoice.NoTrade, sellers.Choose(0.5));
        Assert.Equal(0, sellers.Choose(0.4999999));
    }

    /// <summary>Seller options (0.4, 1) and (0.6, 0.5) tie at r = 0.2 (utility 0.2 each): the higher probability wins.</summary>
    [Fact]
    public void TiesBetweenOptionsGoToTheHigherProbabilityThenTheEarlierOption()
    {
        var sellers = new Menu(Side.Sellers, [new MenuOption(0.6, 0.5), new MenuOption(0.4, 1)]);
        Assert.Equal(1, sellers.Choose(0.2));
        Assert.Equal(0, sellers.Choose(0.2000001));
        var identical = new Menu(Side.Buyers, [new MenuOption(0.3, 0.5), new MenuOption(0.3, 0.5)]);
        Assert.Equal(0, identical.Choose(0.9));
    }

    [Fact]
    public void ChosenOptionMaximisesUtilityForRandomMenusAndRates()
    {
        var stream = new RandomStream(StreamKey.ForPurpose(3, 0, "menu-choice"));
        for (var trial = 0; trial < 2000; trial++)
        {
            var side = stream.NextBernoulli(0.5) ? Side.Buyers : Side.Sellers;
            var options = Enumerable.Range(0, 1 + stream.NextInt(3))
                .Select(_ => new MenuOption(stream.NextUniform(), stream.NextBernoulli(0.3) ? 1.0 : stream.NextUniform()))
                .ToArray();
            var menu = new Menu(side, options);
            var rate = 1.2 * stream.NextUniform() - 0.1;
            var choice = menu.Choose(rate);
            var best = choice == MenuChoice.NoTrade ? 0.0 : menu.Utility(choice, rate);
            Assert.True(best >= 0);
            Assert.All(Enumerable.Range(0, menu.Count), k => Assert.True(menu.Utility(k, rate) <= best));
            if (choice != MenuChoice.NoTrade)
            {
                Assert.True(best > 0);
            }
        }
    }

    [Fact]
    public void WedgeWithBuyerPriceBelowSellerPriceIsRejected()
    {
        var market = MenuTestMarkets.UniformExample(2);
        var error = Assert.Throws<ArgumentException>(
            () => PriceWedge.Create("wedge", 0.2, 0.3, LumpSumPolicy.Realized, LumpSumRecipient.Auto, market));
        Assert.Equal("sellerPrice", error.ParamName);
        Assert.Contains("buyerPrice", error.Message);
        Assert.Equal("buyerPrice", Assert.Throws<ArgumentException>(
            () => PriceWedge.Create("wedge", double.NaN, 0.3, LumpSumPolicy.Realized, LumpSumRecipient.Auto, market)).ParamName);
        Assert.Equal("price", Assert.Throws<ArgumentException>(() => PriceControl.Create("control", double.PositiveInfinity)).ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.0000001)]
    [InlineData(double.NaN)]
    public void ProbabilitiesOutsideZeroOneAreRejected(double probability)
    {
        var error = Assert.Throws<ArgumentException>(() => new Menu(Side.Sellers, [new MenuOption(0.5, probability)]));
        Assert.Contains("sellers' option 1", error.Message);
    }

    [Fact]
    public void MenusNeedOneToThreeOptionsWithFinitePrices()
    {
        Assert.Throws<ArgumentException>(() => new Menu(Side.Buyers, []));
        Assert.Throws<ArgumentException>(() => new Menu(Side.Buyers, Enumerable.Repeat(new MenuOption(0.5, 1), 4).ToArray()));
        Assert.Throws<ArgumentException>(() => new Menu(Side.Buyers, [new MenuOption(double.NegativeInfinity, 1)]));
        Assert.Throws<ArgumentException>(() => new LumpSumRule(LumpSumPolicy.Promised, Side.Sellers, double.NaN));
    }

    /// <summary>The factory builds the three menu specs under their labels; Auto goes to the larger Lambda_j.</summary>
    [Fact]
    public void FactoryBuildsMenuMechanismsFromSpecs()
    {
        var market = MenuTestMarkets.UniformExample(0.5);
        var wedge = MechanismFactory.Create(new PriceWedgeSpec("w", 0.75, 0.5, LumpSumPolicy.Promised, LumpSumRecipient.Auto), market);
        var control = MechanismFactory.Create(new PriceControlSpec("c", 0.4), market);
        var menu = MechanismFactory.Create(
            new MenuSpec("m", [new MenuOption(0.7, 1)], [new MenuOption(0.3, 1), new MenuOption(0.5, 0.5)], LumpSumPolicy.Realized, LumpSumRecipient.Sellers),
            market);

        Assert.Equal(["w", "c", "m"], new[] { wedge.Name, control.Name, menu.Name });
        Assert.Equal(Side.Buyers, Assert.IsType<MenuMechanism>(wedge).LumpSum.Recipient);
        Assert.Equal(Side.Sellers, Assert.IsType<MenuMechanism>(menu).LumpSum.Recipient);
        Assert.Equal(2, Assert.IsType<MenuMechanism>(menu).Sellers.Count);
        Assert.Throws<ArgumentException>(
            () => MechanismFactory.Create(new MenuSpec("bad", [new MenuOption(0.7, 1.5)], [new MenuOption(0.3, 1)], LumpSumPolicy.Realized, LumpSumRecipient.Auto), market));
        Assert.Equal(Side.Sellers, LumpSumRule.RecipientOf(LumpSumRecipient.Auto, MenuTestMarkets.UniformExample(1.0)));
    }
}

using MarketSim.Core.Mechanisms;
using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Tests.Theory.Solver;

namespace MarketSim.Core.Tests.Mechanisms.Menus;

/// <summary>
/// Continuum values of wedges, price controls and menus against closed forms derived by hand for
/// docs/theory.md §1.4's uniform example (000 Section 2): r_B ~ U[0,1], lambda_B = 1; r_S ~ U[0,1/m],
/// lambda_S = m (so g_S = m on [0, 1/m]); mu = 1. Tolerance 1e-12: everything is closed form.
/// </summary>
public sealed class MenuContinuumValuesMatchClosedFormsTests
{
    private const double Tolerance = 1e-12;

    /// <summary>
    /// Optimal wedge p_B = 1/2, p_S = 1/(2m) (000 Section 2.2). Buyers with r &gt; 1/2 buy: mass 1/2;
    /// sellers with r &lt; 1/(2m) sell: G_S = m/(2m) = 1/2; volume 1/2, no rationing.
    /// Revenue (1/2)(1/2 - 1/(2m)) = (m-1)/(4m), the lump sum per seller (docs/theory.md §1.4).
    /// Buyers: int_{1/2}^1 (r - 1/2) dr = 1/8. Sellers: int_0^{1/(2m)} m (1/(2m) - r) m dr = m^2 (1/(2m))^2 / 2 = 1/8,
    /// plus Lambda_S L = m (m-1)/(4m) = (m-1)/4. Welfare W = 1/4 + (m-1)/4 = m/4.
    /// </summary>
    [Theory]
    [InlineData(1.5)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [InlineData(5.0)]
    public void OptimalWedgeOfTheUniformExampleHasWelfareMOverFour(double m)
    {
        var market = MenuTestMarkets.UniformExample(m);
        var wedge = PriceWedge.Create("wedge", 0.5, 1 / (2 * m), LumpSumPolicy.Realized, LumpSumRecipient.Auto, market);
        var values = wedge.ContinuumValues(market);

        Assert.Equal(Side.Sellers, wedge.LumpSum.Recipient);
        Assert.Equal((m - 1) / (4 * m), wedge.LumpSum.PromisedPerAgent, Tolerance);
        Assert.Equal(0.5, values["volume"], Tolerance);
        Assert.Equal((m - 1) / (4 * m), values["revenue"], Tolerance);
        Assert.Equal((m - 1) / (4 * m), values["lump_sum_sellers"], Tolerance);
        Assert.Equal(0.0, values["lump_sum_buyers"], Tolerance);
        Assert.Equal(0.0, values["budget_surplus"], Tolerance);
        Assert.Equal(1.0 / 8, values["welfare_buyers"], Tolerance);
        Assert.Equal(1.0 / 8 + (m - 1) / 4, values["welfare_sellers"], Tolerance);
        Assert.Equal(m / 4, values["welfare"], Tolerance);
        Assert.Equal(1.0, values["buyers_option_1_realized_probability"], Tolerance);
        Assert.Equal(1.0, values["sellers_option_1_realized_probability"], Tolerance);
        Assert.Equal(0.5, values["sellers_option_1_choice_share"], Tolerance);
    }

    /// <summary>
    /// CE at p = 1/(1+m) (docs/theory.md §1.4) is the price control at p_CE: demand 1 - p = m/(1+m) = supply m p.
    /// Buyers (1-p)^2/2, sellers m * m p^2 / 2 = (m p)^2/2, both m^2/(2(1+m)^2): W_CE = m^2/(1+m)^2 (000 (2.1)).
    /// The wedge's m/4 exceeds it iff (1+m)^2 &gt; 4m iff (m-1)^2 &gt; 0: for every m != 1 (docs/theory.md §1.4).
    /// </summary>
    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(4.0)]
    public void WedgeBeatsCompetitiveEquilibriumExactlyWhenThereIsInequality(double m)
    {
        var market = MenuTestMarkets.UniformExample(m);
        var competitivePrice = 1 / (1 + m);
        var ce = PriceControl.Create("ce", competitivePrice).ContinuumValues(market);
        Assert.Equal(m / (1 + m), ce["volume"], Tolerance);
        Assert.Equal(m * m / ((1 + m) * (1 + m)), ce["welfare"], Tolerance);
        Assert.Equal(0.0, ce["revenue"], Tolerance);

        // The optimal wedge: (1/2, 1/(2m)) for m >= 1, (1 - m/2, 1/2) for m < 1 (docs/theory.md §1.4).
        var (buyerPrice, sellerPrice) = m >= 1 ? (0.5, 1 / (2 * m)) : (1 - m / 2, 0.5);
        var wedge = PriceWedge.Create("wedge", buyerPrice, sellerPrice, LumpSumPolicy.Realized, LumpSumRecipient.Auto, market)
            .ContinuumValues(market);
        Assert.Equal(m / 4, wedge["welfare"], Tolerance);
        if (m == 1)
        {
            Assert.Equal(ce["welfare"], wedge["welfare"], Tolerance);
        }
        else
        {
            Assert.True(wedge["welfare"] > ce["welfare"] + 1e-6);
        }
    }

    /// <summary>
    /// m &lt; 1 (buyers poorer): p_S = 1/2, p_B = 1 - m/2 (docs/theory.md §1.4). Supply G_S(1/2) = m/2 = demand
    /// 1 - p_B. Revenue (m/2)(1/2 - m/2) = m(1-m)/4, paid per buyer (Auto: Lambda_B = 1 &gt; m).
    /// Buyers int_{1-m/2}^1 (r - p_B) dr + Lambda_B L = m^2/8 + m(1-m)/4; sellers m^2 int_0^{1/2} (1/2 - r) dr = m^2/8.
    /// </summary>
    [Fact]
    public void WedgeForPoorerBuyersPaysTheLumpSumToBuyers()
    {
        const double m = 0.5;
        var market = MenuTestMarkets.UniformExample(m);
        var wedge = PriceWedge.Create("wedge", 1 - m / 2, 0.5, LumpSumPolicy.Promised, LumpSumRecipient.Auto, market);
        var values = wedge.ContinuumValues(market);

        Assert.Equal(Side.Buyers, wedge.LumpSum.Recipient);
        Assert.Equal(m * (1 - m) / 4, wedge.LumpSum.PromisedPerAgent, Tolerance);
        Assert.Equal(m * (1 - m) / 4, values["lump_sum_buyers"], Tolerance);
        Assert.Equal(m * m / 8 + m * (1 - m) / 4, values["welfare_buyers"], Tolerance);
        Assert.Equal(m * m / 8, values["welfare_sellers"], Tolerance);
        Assert.Equal(m / 4, values["welfare"], Tolerance);
    }

    /// <summary>
    /// Price floor p in (p_CE, 1/m]: demand 1 - p, willing sellers m p &gt; 1 - p, so sellers are rationed
    /// uniformly, each willing seller selling with probability (1-p)/(m p) (000 (2.1)):
    /// volume 1 - p, W(p) = (1-p)^2/2 + [(1-p)/(m p)] (m p)^2/2 = (1-p)^2/2 + m p (1-p)/2.
    /// The paper's optimal single price (000 (2.2)) beats CE for m &gt; 3: at m = 3.2, p* = (m-2)/(2m-2) = 3/11,
    /// W = 0.58182 &gt; W_CE = m^2/(1+m)^2 = 0.58050; at m = 4 &gt;= 2 + sqrt 2, p* = 1/m, W = 0.65625 &gt; 0.64.
    /// At m = 2 the floor p = 0.4 loses to CE (0.42 &lt; 4/9): CE is the best single price for m &lt;= 3.
    /// </summary>
    [Theory]
    [InlineData(3.2, 3.0 / 11, true)]
    [InlineData(4.0, 0.25, true)]
    [InlineData(2.0, 0.4, false)]
    public void PriceFloorRationsSellersUniformly(double m, double price, bool beatsCompetitiveEquilibrium)
    {
        var market = MenuTestMarkets.UniformExample(m);
        var values = PriceControl.Create("floor", price).ContinuumValues(market);
        var welfare = (1 - price) * (1 - price) / 2 + m * price * (1 - price) / 2;

        Assert.Equal(1 - price, values["volume"], Tolerance);
        Assert.Equal(welfare, values["welfare"], Tolerance);
        Assert.Equal(m * price, values["sellers_expected_trades"], Tolerance);
        Assert.Equal((1 - price) / (m * price), values["sellers_option_1_realized_probability"], Tolerance);
        Assert.Equal(1.0, values["buyers_option_1_realized_probability"], Tolerance);
        var competitive = m * m / ((1 + m) * (1 + m));
        Assert.Equal(beatsCompetitiveEquilibrium, welfare > competitive);
    }

    /// <summary>
    /// A general menu on r_B, r_S ~ U[0,1], lambda = 1 (mu = 1). Sellers: sure at 0.4, or lottery 1/2 at 0.6.
    /// Indifference 0.4 - r = (0.6 - r)/2 at r = 0.2: r &lt; 0.2 sure (mass 0.2), 0.2 &lt; r &lt; 0.6 lottery
    /// (mass 0.4, expected trades 0.2); supply 0.4. Buyers: sure at 0.7, demand 0.3: sellers are long,
    /// the sure sellers trade, the lottery is scaled by (0.3 - 0.2)/0.2 = 1/2: realised probability 1/4.
    /// Sellers: int_0^0.2 (0.4 - r) dr = 0.06, (1/4) int_0.2^0.6 (0.6 - r) dr = 0.02; buyers int_0.7^1 (r - 0.7) dr = 0.045.
    /// Revenue 0.3 * 0.7 - (0.2 * 0.4 + 0.4 * 0.25 * 0.6) = 0.07, to sellers (Lambda tie -> sellers).
    /// Welfare 0.045 + 0.06 + 0.02 + 0.07 = 0.195.
    /// </summary>
    [Fact]
    public void SellerLotteryMenuIsRationedAfterTheSureOption()
    {
        var market = new MarketSim.Core.Theory.ContinuumMarket(SolverTestMarkets.UniformUnitWeight(), SolverTestMarkets.UniformUnitWeight(), 1.0);
        var menu = MenuMechanism.Create(
            "menu", [new MenuOption(0.7, 1)], [new MenuOption(0.4, 1), new MenuOption(0.6, 0.5)],
            LumpSumPolicy.Realized, LumpSumRecipient.Auto, market);
        var continuum = menu.Continuum(market);

        Assert.Equal(Side.Sellers, menu.LumpSum.Recipient);
        Assert.Equal(0.2, continuum.Sellers.Options[0].HighestRate, Tolerance);
        Assert.Equal(0.2, continuum.Sellers.Options[1].LowestRate, Tolerance);
        Assert.Equal(0.6, continuum.Sellers.Options[1].HighestRate, Tolerance);
        Assert.Equal(0.4, continuum.Sellers.ExpectedTrades, Tolerance);
        Assert.Equal(0.3, continuum.Volume, Tolerance);
        Assert.Equal(1.0, continuum.Sellers.Options[0].RealizedProbability, Tolerance);
        Assert.Equal(0.25, continuum.Sellers.Options[1].RealizedProbability, Tolerance);
        Assert.Equal(0.07, continuum.Revenue, Tolerance);
        Assert.Equal(0.045, continuum.WelfareBuyers, Tolerance);
        Assert.Equal(0.06 + 0.02 + 0.07, continuum.WelfareSellers, Tolerance);
        Assert.Equal(0.195, continuum.Welfare, Tolerance);
    }

    /// <summary>
    /// Three-option buyer menu on r_B ~ U[0,1] (lambda = 1): sure at 0.8, 0.6 at 0.5, 0.2 at 0.1.
    /// Cut-offs: 0.2(r - 0.1) = 0 at 0.1; 0.6(r - 0.5) = 0.2(r - 0.1) at r = (0.3 - 0.02)/0.4 = 0.7;
    /// r - 0.8 = 0.6(r - 0.5) at r = (0.8 - 0.3)/0.4 = 1.25 &gt; 1, so the sure option is never chosen.
    /// Shares: [0.1, 0.7] 0.6, [0.7, 1] 0.3. Sellers sell surely at 1.0 (all of r_S ~ U[0,1] want to):
    /// supply 1 &gt; demand, so buyers are short and get their promises.
    /// </summary>
    [Fact]
    public void ThreeOptionMenuHasTheDerivedCutOffs()
    {
        var market = new MarketSim.Core.Theory.ContinuumMarket(SolverTestMarkets.UniformUnitWeight(), SolverTestMarkets.UniformUnitWeight(), 1.0);
        var menu = new MenuMechanism(
            "menu",
            [new MenuOption(0.8, 1), new MenuOption(0.5, 0.6), new MenuOption(0.1, 0.2)],
            [new MenuOption(1.0, 1)],
            new LumpSumRule(LumpSumPolicy.Realized, Side.Sellers, 0));
        var continuum = menu.Continuum(market);
        var options = continuum.Buyers.Options;

        Assert.Equal(0.0, options[0].ChoiceShare, Tolerance);
        Assert.Equal(0.3, options[1].ChoiceShare, Tolerance);
        Assert.Equal(0.6, options[2].ChoiceShare, Tolerance);
        Assert.Equal(0.7, options[1].LowestRate, Tolerance);
        Assert.Equal(0.1, options[2].LowestRate, Tolerance);
        Assert.Equal(0.7, options[2].HighestRate, Tolerance);

        // Demand 0.6 * 0.3 + 0.2 * 0.6 = 0.30 < supply 1: buyers short, sellers rationed to 0.3 (sure, factor 0.3).
        Assert.Equal(0.30, continuum.Volume, Tolerance);
        Assert.Equal(0.6, options[1].RealizedProbability, Tolerance);
        Assert.Equal(0.3, continuum.Sellers.Options[0].RealizedProbability, Tolerance);

        // Buyers: 0.6 int_0.7^1 (r - 0.5) dr + 0.2 int_0.1^0.7 (r - 0.1) dr = 0.6 * 0.105 + 0.2 * 0.18 = 0.099.
        // Sellers: 0.3 int_0^1 (1 - r) dr = 0.15. Revenue 0.6*0.3*0.5 + 0.2*0.6*0.1 - 0.3 = -0.198, a (negative) lump sum.
        Assert.Equal(0.099, continuum.WelfareBuyers, Tolerance);
        Assert.Equal(-0.198, continuum.Revenue, Tolerance);
        Assert.Equal(0.15 - 0.198, continuum.WelfareSellers, Tolerance);
    }
}

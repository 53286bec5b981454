namespace MarketSim.Core.Theory.Solver;

/// <summary>
/// The named forms of an optimal mechanism (docs/theory.md §1.2), as <see cref="MechanismClass.Form"/> reads them off
/// the solver's lotteries. <see cref="MechanismFormNames"/> gives their names in outputs.
/// </summary>
public enum MechanismForm
{
    /// <summary>One price, everybody who wants to trade trades, no surplus.</summary>
    CompetitiveEquilibrium,

    /// <summary>Buyers pay more than sellers receive, nobody rationed, the surplus paid as a lump sum to the poorer side.</summary>
    WedgeWithLumpSum,

    /// <summary>A wedge whose surplus is not paid out (budget slack without lump sums).</summary>
    PriceWedge,

    /// <summary>
    /// Sellers rationed at a price below the top rate: a price floor (a single price above the sellers' competitive
    /// one, e.g. 000 Claim 2), possibly with a top-price lottery or a lump sum beside it.
    /// </summary>
    PriceFloorSellerRationing,

    /// <summary>
    /// Every seller who sells at the lower price sells surely; the others may sell with small probability at the top
    /// rate rbar_S, financed by a wedge: 000 footnote 13's lump sum paid through a lottery, under "No Free Lunch".
    /// </summary>
    SureSalePlusTopPriceLottery,

    /// <summary>Buyers rationed at a price above the bottom rate (a price ceiling, e.g. 000 Claim 3).</summary>
    BuyerRationing,

    /// <summary>The buyers' mirror of <see cref="SureSalePlusTopPriceLottery"/>: a purchase with probability &lt; 1 at r_B.</summary>
    SurePurchasePlusBottomPriceLottery,

    /// <summary>Both sides rationed at a price.</summary>
    BothRationed,

    /// <summary>Nothing is traded.</summary>
    NoTrade,
}

/// <summary>The names of <see cref="MechanismForm"/> in CSV and JSON (kebab-case) and in legends (words).</summary>
public static class MechanismFormNames
{
    public static string Key(MechanismForm form) => form switch
    {
        MechanismForm.CompetitiveEquilibrium => "competitive-equilibrium",
        MechanismForm.WedgeWithLumpSum => "wedge-with-lump-sum",
        MechanismForm.PriceWedge => "price-wedge",
        MechanismForm.PriceFloorSellerRationing => "price-floor-seller-rationing",
        MechanismForm.SureSalePlusTopPriceLottery => "sure-sale-plus-top-price-lottery",
        MechanismForm.BuyerRationing => "buyer-rationing",
        MechanismForm.SurePurchasePlusBottomPriceLottery => "sure-purchase-plus-bottom-price-lottery",
        MechanismForm.BothRationed => "both-rationed",
        _ => "no-trade",
    };

    public static string Words(MechanismForm form) => form switch
    {
        MechanismForm.CompetitiveEquilibrium => "competitive equilibrium",
        MechanismForm.WedgeWithLumpSum => "price wedge + lump sum",
        MechanismForm.PriceWedge => "price wedge (surplus kept)",
        MechanismForm.PriceFloorSellerRationing => "price floor, sellers rationed",
        MechanismForm.SureSalePlusTopPriceLottery => "sure sale + top-price lottery (lump sum by lottery)",
        MechanismForm.BuyerRationing => "buyers rationed",
        MechanismForm.SurePurchasePlusBottomPriceLottery => "sure purchase + bottom-price lottery",
        MechanismForm.BothRationed => "both sides rationed",
        _ => "no trade",
    };
}

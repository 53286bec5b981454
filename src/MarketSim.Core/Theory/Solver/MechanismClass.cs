using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Theory.Solver;

/// <summary>
/// What kind of mechanism the solver returned (docs/theory.md §1.2, §1.3 step 7), read off the lotteries and menus
/// by <see cref="Of"/>, the one classifier of optimal mechanisms (<c>solve</c> and 000 Figures 7.1-7.2 both use it):
/// rationing on side j iff some option of side j has probability &lt; 1 (a positive mass of types trades
/// with probability strictly between 0 and 1); <c>PriceWedge</c> iff the budget surplus (revenue) is
/// positive; <c>LumpSum</c> iff a lump sum is paid; <c>NoTrade</c> iff the volume is zero.
/// <c>SellerTopPriceLottery</c>: besides a sale at a lower price, sellers may sell with probability &lt; 1 at the top
/// rate rbar_S, which the worst seller type values at zero (so "No Free Lunch" holds) and every other seller at
/// delta (rbar_S - r) &gt; 0: 000 footnote 13's lump sum paid through a lottery, financed by a wedge.
/// <c>BuyerBottomPriceLottery</c> is the buyers' mirror (a purchase with probability &lt; 1 at r_B).
/// <see cref="Name"/> (kept as it always was): "no-trade"; without rationing "competitive-equilibrium" (one price, no
/// surplus), "wedge-with-lump-sum" or "price-wedge" (surplus not redistributed); otherwise the rationed sides
/// ("seller-rationing", "buyer-rationing", both joined by '+'), with "+lump-sum" when one is paid.
/// <see cref="Form"/> names the mechanism more finely (<see cref="MechanismForm"/>).
/// </summary>
public sealed record MechanismClass(
    bool SellerRationing,
    bool BuyerRationing,
    bool PriceWedge,
    bool LumpSum,
    bool NoTrade,
    bool SellerTopPriceLottery = false,
    bool BuyerBottomPriceLottery = false)
{
    public const string CompetitiveEquilibrium = "competitive-equilibrium";
    public const string WedgeWithLumpSum = "wedge-with-lump-sum";

    // An option's probability within this of 1 is a sure trade; an atom's quantity within it of 1 is the extreme rate.
    private const double SureTolerance = 1e-9;

    /// <summary>
    /// Classifies an optimal mechanism from its lottery atoms (quantity, cut-off, weight; docs/theory.md §1.3) and
    /// the menus made of them. A side's lottery of positive atoms q^1 &lt; ... &lt; q^n with total weight W gives
    /// options of probabilities W, ..., nu^n: a top-price lottery is an atom at quantity 1 beside others; the
    /// side is rationed at a price other than that lottery's iff W &lt; 1 or two atoms other than it remain.
    /// </summary>
    public static MechanismClass Of(
        IReadOnlyList<QuantityLotteryPoint> sellerLottery,
        IReadOnlyList<QuantityLotteryPoint> buyerLottery,
        IReadOnlyList<MenuOption> sellerMenu,
        IReadOnlyList<MenuOption> buyerMenu,
        double revenue,
        LumpSumPerAgent lumpSum,
        double volume) =>
        new(
            SellerRationing: sellerMenu.Any(o => o.Probability < 1.0 - SureTolerance),
            BuyerRationing: buyerMenu.Any(o => o.Probability < 1.0 - SureTolerance),
            PriceWedge: revenue > 1e-9,
            LumpSum: lumpSum.Sellers > 1e-9 || lumpSum.Buyers > 1e-9,
            NoTrade: volume <= 1e-12,
            SellerTopPriceLottery: ExtremePriceLottery(sellerLottery),
            BuyerBottomPriceLottery: ExtremePriceLottery(buyerLottery))
        {
            sellerPriceRationing = RationedBelowTheExtreme(sellerLottery),
            buyerPriceRationing = RationedBelowTheExtreme(buyerLottery),
        };

    // Set by Of from the lotteries; a class built from flags alone takes every rationing for rationing at a price.
    private bool? sellerPriceRationing;
    private bool? buyerPriceRationing;

    /// <summary>Sellers are rationed at a price below rbar_S (a price floor), not only through a top-price lottery.</summary>
    public bool SellerPriceRationing => sellerPriceRationing ?? SellerRationing;

    /// <summary>Buyers are rationed at a price above r_B (a price ceiling), not only through a bottom-price lottery.</summary>
    public bool BuyerPriceRationing => buyerPriceRationing ?? BuyerRationing;

    public string Name
    {
        get
        {
            if (NoTrade) return "no-trade";
            if (!SellerRationing && !BuyerRationing)
                return LumpSum ? WedgeWithLumpSum : PriceWedge ? "price-wedge" : CompetitiveEquilibrium;
            var parts = new List<string>(3);
            if (SellerRationing) parts.Add("seller-rationing");
            if (BuyerRationing) parts.Add("buyer-rationing");
            if (LumpSum) parts.Add("lump-sum");
            return string.Join('+', parts);
        }
    }

    /// <summary>
    /// The named form (docs/theory.md §1.2): rationing at a price first (both sides, sellers, buyers), then the
    /// extreme-price lotteries, then the price mechanisms (wedge with lump sum, wedge, CE).
    /// </summary>
    public MechanismForm Form =>
        NoTrade ? MechanismForm.NoTrade
        : SellerPriceRationing && BuyerPriceRationing ? MechanismForm.BothRationed
        : SellerPriceRationing ? MechanismForm.PriceFloorSellerRationing
        : BuyerPriceRationing ? MechanismForm.BuyerRationing
        : SellerTopPriceLottery ? MechanismForm.SureSalePlusTopPriceLottery
        : BuyerBottomPriceLottery ? MechanismForm.SurePurchasePlusBottomPriceLottery
        : LumpSum ? MechanismForm.WedgeWithLumpSum
        : PriceWedge ? MechanismForm.PriceWedge
        : MechanismForm.CompetitiveEquilibrium;

    private static QuantityLotteryPoint[] Positive(IReadOnlyList<QuantityLotteryPoint> lottery) =>
        lottery.Where(p => p.Quantity > 0.0 && p.Weight > 0.0).OrderBy(p => p.Quantity).ToArray();

    private static bool ExtremePriceLottery(IReadOnlyList<QuantityLotteryPoint> lottery)
    {
        var atoms = Positive(lottery);
        return atoms.Length >= 2 && atoms[^1].Quantity >= 1.0 - SureTolerance;
    }

    private static bool RationedBelowTheExtreme(IReadOnlyList<QuantityLotteryPoint> lottery)
    {
        var atoms = Positive(lottery);
        int others = atoms.Length - (ExtremePriceLottery(lottery) ? 1 : 0);
        return atoms.Sum(p => p.Weight) < 1.0 - SureTolerance || others >= 2;
    }
}

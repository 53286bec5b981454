namespace MarketSim.Core.Theory.Solver;

/// <summary>
/// What kind of mechanism the solver returned (docs/theory.md §1.2), read off the menus:
/// rationing on side j iff some option of side j has probability &lt; 1 (a positive mass of types trades
/// with probability strictly between 0 and 1); <c>PriceWedge</c> iff the budget surplus (revenue) is
/// positive; <c>LumpSum</c> iff a lump sum is paid; <c>NoTrade</c> iff the volume is zero.
/// <see cref="Name"/>: "no-trade"; without rationing "competitive-equilibrium" (one price, no surplus),
/// "wedge-with-lump-sum" or "price-wedge" (surplus not redistributed); otherwise the rationed sides
/// ("seller-rationing", "buyer-rationing", both joined by '+'), with "+lump-sum" when one is paid.
/// </summary>
public sealed record MechanismClass(bool SellerRationing, bool BuyerRationing, bool PriceWedge, bool LumpSum, bool NoTrade)
{
    public const string CompetitiveEquilibrium = "competitive-equilibrium";
    public const string WedgeWithLumpSum = "wedge-with-lump-sum";

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
}

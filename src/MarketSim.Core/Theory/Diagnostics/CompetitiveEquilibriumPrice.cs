using MathNet.Numerics.RootFinding;

namespace MarketSim.Core.Theory.Diagnostics;

/// <summary>
/// p_CE with mu (1 - G_B(p)) = G_S(p) (SPEC 1.2) by bisection on the union of the supports (excess demand
/// is non-increasing). A private helper of the diagnostics; to be unified with the continuum CE after merge.
/// </summary>
internal static class CompetitiveEquilibriumPrice
{
    public static double Compute(ContinuumMarket market)
    {
        double lower = Math.Min(market.Buyers.Lower, market.Sellers.Lower);
        double upper = Math.Max(market.Buyers.Upper, market.Sellers.Upper);
        double ExcessDemand(double price) =>
            market.BuyersPerSeller * (1.0 - Math.Clamp(market.Buyers.Cdf(price), 0.0, 1.0)) - Math.Clamp(market.Sellers.Cdf(price), 0.0, 1.0);
        if (ExcessDemand(lower) <= 0.0) return lower;
        if (ExcessDemand(upper) >= 0.0) return upper;
        return Bisection.FindRoot(ExcessDemand, lower, upper, 1e-14 * Math.Max(1.0, upper - lower), 200);
    }

    /// <summary>CE welfare per seller: W_S + mu W_B at p_CE (no lump sum).</summary>
    public static double Welfare(ContinuumMarket market, double price) =>
        market.Sellers.SellerSurplus(price) + market.BuyersPerSeller * market.Buyers.BuyerSurplus(price);
}

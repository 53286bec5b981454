using MathNet.Numerics;
using MathNet.Numerics.Optimization;

namespace MarketSim.Core.Theory.Solver;

/// <summary>
/// One price p for both sides, the long side rationed by a uniform lottery (a price control, docs/theory.md
/// §1.2; CE when nobody is rationed): the simple mechanisms the solver's optimum must never be worse than
/// (docs/theory.md §1.3 "Comparison with simple mechanisms"). Budget balanced with no revenue, so it is
/// feasible with lump sums allowed at any p; under No Free Lunch (000 Section 6) only where the worst types
/// get nothing, r_B &lt;= p &lt;= rbar_S.
/// </summary>
internal sealed record SinglePriceMechanism(
    double Price, double BuyerProbability, double SellerProbability, double Volume, double Welfare, bool CompetitiveEquilibrium)
{
    // Scan of the feasible price interval for the best single price, then golden-section refinement of the
    // best scanned bracket (welfare in p has kinks only at p_CE, where the rationed side switches).
    private const int ScanPoints = 48;
    private const double RelativePriceTolerance = 1e-10;

    /// <summary>
    /// Demand mu (1 - G_B(p)) and supply G_S(p); the short side trades surely, the long side with
    /// probability (short / long). W = mu x_B W_B(p) + x_S W_S(p) (docs/theory.md §1.1, §1.3 building blocks).
    /// </summary>
    public static SinglePriceMechanism At(ContinuumMarket market, double price)
    {
        double mu = market.BuyersPerSeller;
        double demand = mu * (1.0 - market.Buyers.Cdf(price)), supply = market.Sellers.Cdf(price);
        double volume = Math.Min(demand, supply);
        if (!(volume > 0.0)) return new SinglePriceMechanism(price, 0.0, 0.0, 0.0, 0.0, false);
        double buyerProbability = Math.Min(1.0, volume / demand), sellerProbability = Math.Min(1.0, volume / supply);
        double welfare = mu * buyerProbability * market.Buyers.BuyerSurplus(price) + sellerProbability * market.Sellers.SellerSurplus(price);
        return new SinglePriceMechanism(price, buyerProbability, sellerProbability, volume, welfare, false);
    }

    /// <summary>
    /// CE if it is feasible in the regime: a clearing price (docs/theory.md §1.2, p_CE unless the clearing interval
    /// is wider) inside [r_B, rbar_S] under No Free Lunch. Nobody is rationed.
    /// </summary>
    public static SinglePriceMechanism? Equilibrium(ContinuumMarket market, ContinuumCompetitiveEquilibriumResult equilibrium, bool lumpSumsAllowed)
    {
        double price = equilibrium.Price;
        if (!lumpSumsAllowed)
        {
            double low = Math.Max(equilibrium.PriceLow, market.Buyers.Lower), high = Math.Min(equilibrium.PriceHigh, market.Sellers.Upper);
            if (low > high) return null;
            price = Math.Clamp(price, low, high);
        }
        if (!(equilibrium.Volume > 0.0)) return null;
        double welfare = market.BuyersPerSeller * market.Buyers.BuyerSurplus(price) + market.Sellers.SellerSurplus(price);
        return new SinglePriceMechanism(price, 1.0, 1.0, market.Sellers.Cdf(price), welfare, true);
    }

    /// <summary>The best single price of the regime (null if none trades): scan, then refine the best bracket.</summary>
    public static SinglePriceMechanism? Best(ContinuumMarket market, double competitivePrice, bool lumpSumsAllowed)
    {
        // Trade needs r_S < p < rbar_B; No Free Lunch also needs r_B <= p <= rbar_S.
        double low = market.Sellers.Lower, high = market.Buyers.Upper;
        if (!lumpSumsAllowed)
        {
            low = Math.Max(low, market.Buyers.Lower);
            high = Math.Min(high, market.Sellers.Upper);
        }
        if (!(low < high)) return null;

        var scanned = new SinglePriceMechanism[ScanPoints + 1];
        int best = 0;
        for (int k = 0; k <= ScanPoints; k++)
        {
            scanned[k] = At(market, low + (high - low) * k / ScanPoints);
            if (scanned[k].Welfare > scanned[best].Welfare) best = k;
        }
        SinglePriceMechanism winner = scanned[best];
        if (competitivePrice > low && competitivePrice < high)
        {
            SinglePriceMechanism atCompetitive = At(market, competitivePrice);
            if (atCompetitive.Welfare > winner.Welfare) winner = atCompetitive;
        }

        // Refine around the best scanned price (the bracket of its two neighbours).
        double from = low + (high - low) * Math.Max(best - 1, 0) / ScanPoints;
        double to = low + (high - low) * Math.Min(best + 1, ScanPoints) / ScanPoints;
        try
        {
            // MathNet's golden section may step outside [from, to] to bracket a minimum: clamp, the regime's
            // feasible prices end there.
            double refinedPrice = FindMinimum.OfScalarFunctionConstrained(
                price => -At(market, Math.Clamp(price, from, to)).Welfare, from, to, RelativePriceTolerance * (high - low));
            SinglePriceMechanism refined = At(market, Math.Clamp(refinedPrice, from, to));
            if (refined.Welfare > winner.Welfare) winner = refined;
        }
        catch (OptimizationException)
        {
            // No interior maximum in the bracket: the best scanned price is an end of the feasible interval
            // (e.g. p = rbar_S, every seller wants to sell: docs/theory.md §1.4, m >= 2 + sqrt 2).
        }
        return winner.Volume > 0.0 ? winner : null;
    }
}

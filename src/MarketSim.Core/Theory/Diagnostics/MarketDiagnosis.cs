namespace MarketSim.Core.Theory.Diagnostics;

/// <summary>Computes <see cref="MarketDiagnostics"/> for a continuum market.</summary>
public static class MarketDiagnosis
{
    // The margin is a difference of O(1) terms; rounding below this counts as equality (CE optimal, e.g. m = 1).
    private const double MarginTolerance = 1e-10;

    public static MarketDiagnostics Compute(ContinuumMarket market)
    {
        IRateLaw buyers = market.Buyers, sellers = market.Sellers;
        ContinuumCompetitiveEquilibriumResult equilibrium = ContinuumCompetitiveEquilibrium.Solve(market);
        double price = equilibrium.Price;
        double margin = CompetitiveEquilibriumOptimalityMargin(market, price);
        SameSideInequality buyerInequality = InequalityMeasures.Classify(buyers), sellerInequality = InequalityMeasures.Classify(sellers);
        return new MarketDiagnostics(
            buyers.MeanParetoWeight,
            sellers.MeanParetoWeight,
            price,
            equilibrium.Welfare,
            margin,
            margin >= -MarginTolerance,
            buyerInequality,
            sellerInequality,
            OptimalityConditionCheck.Compute(market, price, margin, buyerInequality, sellerInequality));
    }

    /// <summary>
    /// 001 (5.3): with Lambda_S &gt;= Lambda_B, CE is optimal iff
    /// Lambda_S Delta_S(p) - Lambda_B Delta_B(p) &gt;= (Lambda_S - Lambda_B)(1 - G_B(p))/g_B(p);
    /// with Lambda_B &gt;= Lambda_S the right side is (Lambda_B - Lambda_S) G_S(p)/g_S(p). Returns left minus right.
    /// </summary>
    public static double CompetitiveEquilibriumOptimalityMargin(ContinuumMarket market, double price)
    {
        IRateLaw buyers = market.Buyers, sellers = market.Sellers;
        double sellerWeight = sellers.MeanParetoWeight, buyerWeight = buyers.MeanParetoWeight;
        double left = sellerWeight * InequalityMeasures.SellerDelta(sellers, price)
                      - buyerWeight * InequalityMeasures.BuyerDelta(buyers, price);
        double right = sellerWeight >= buyerWeight
            ? (sellerWeight - buyerWeight) * (1.0 - buyers.Cdf(price)) / buyers.Density(price)
            : (buyerWeight - sellerWeight) * sellers.Cdf(price) / sellers.Density(price);
        return left - right;
    }
}

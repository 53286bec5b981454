namespace MarketSim.Core.Theory.Diagnostics;

/// <summary>The per-rate measures of docs/theory.md §1.1 and §1.3 (virtual surplus J_j, Pi_j, Delta_j, lambdabar_j).</summary>
public static class InequalityMeasures
{
    /// <summary>lambdabar_j(r) = lambda_j(r) / Lambda_j.</summary>
    public static double NormalisedParetoWeight(IRateLaw law, double rate) => law.ParetoWeight(rate) / law.MeanParetoWeight;

    /// <summary>J_S(r) = r + G_S(r)/g_S(r).</summary>
    public static double SellerVirtualSurplus(IRateLaw law, double rate) => rate + law.Cdf(rate) / law.Density(rate);

    /// <summary>J_B(r) = r - (1 - G_B(r))/g_B(r).</summary>
    public static double BuyerVirtualSurplus(IRateLaw law, double rate) => rate - (1.0 - law.Cdf(rate)) / law.Density(rate);

    /// <summary>Pi_S(r) = int_{r_S}^r lambda_S dG_S / g_S(r).</summary>
    public static double SellerWeightedHazard(IRateLaw law, double rate) => law.WeightBelow(rate) / law.Density(rate);

    /// <summary>Pi_B(r) = int_r^{rbar_B} lambda_B dG_B / g_B(r).</summary>
    public static double BuyerWeightedHazard(IRateLaw law, double rate) =>
        (law.MeanParetoWeight - law.WeightBelow(rate)) / law.Density(rate);

    /// <summary>Delta_S(p) = int_{r_S}^p (lambdabar_S - 1) dG_S / g_S(p).</summary>
    public static double SellerDelta(IRateLaw law, double price) =>
        (law.WeightBelow(price) / law.MeanParetoWeight - law.Cdf(price)) / law.Density(price);

    /// <summary>Delta_B(p) = int_p^{rbar_B} (1 - lambdabar_B) dG_B / g_B(p).</summary>
    public static double BuyerDelta(IRateLaw law, double price) =>
        ((1.0 - law.Cdf(price)) - (law.MeanParetoWeight - law.WeightBelow(price)) / law.MeanParetoWeight) / law.Density(price);

    /// <summary>
    /// docs/theory.md §1.1: none iff lambdabar == 1 (checked at both ends and 7 interior quantiles, to 1e-9);
    /// else low iff lambdabar(r_j) &lt;= 2 at the LOWEST rate, high otherwise. Where lambda is undefined
    /// exactly at the end (0/0), its limit is approximated at quantile 1e-12.
    /// </summary>
    public static SameSideInequality Classify(IRateLaw law)
    {
        double atLowest = LowestRateNormalisedWeight(law);
        bool flat = Math.Abs(atLowest - 1.0) <= 1e-9;
        double atHighest = NormalisedParetoWeight(law, law.Upper);
        if (double.IsNaN(atHighest)) atHighest = NormalisedParetoWeight(law, law.Quantile(1.0 - 1e-12));
        flat &= Math.Abs(atHighest - 1.0) <= 1e-9;
        for (int k = 1; flat && k <= 7; k++)
            flat &= Math.Abs(NormalisedParetoWeight(law, law.Quantile(k / 8.0)) - 1.0) <= 1e-9;
        if (flat) return SameSideInequality.None;
        return atLowest <= 2.0 ? SameSideInequality.Low : SameSideInequality.High;
    }

    /// <summary>lambdabar_j(r_j), the normalised weight at the lowest rate (+infinity if it diverges).</summary>
    public static double LowestRateNormalisedWeight(IRateLaw law)
    {
        double value = NormalisedParetoWeight(law, law.Lower);
        if (double.IsNaN(value)) value = NormalisedParetoWeight(law, law.Quantile(1e-12));
        return value;
    }
}

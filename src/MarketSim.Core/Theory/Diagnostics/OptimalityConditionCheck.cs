namespace MarketSim.Core.Theory.Diagnostics;

/// <summary>
/// Computes <see cref="OptimalityConditions"/> (docs/theory.md §1.3, "Diagnostics"): 001 (5.3) read in both models,
/// 000 Theorem 2 with Remark 2's slope condition, Theorem 3's explicit bound of Remark 1, and 000 Proposition 1.
/// </summary>
public static class OptimalityConditionCheck
{
    // Same tolerance as MarketDiagnosis: a margin above -1e-10 counts as 001 (5.3) holding with equality.
    private const double MarginTolerance = 1e-10;

    // The regularity conditions are checked on quantiles k/200, k = 1..199 (both ends excluded: densities may
    // vanish or blow up there), with a relative tolerance that absorbs the rounding of tabulated laws.
    private const int GridIntervals = 200;
    private const double MonotoneTolerance = 1e-7;

    public static OptimalityConditions Compute(
        ContinuumMarket market, double equilibriumPrice, double margin, SameSideInequality buyerInequality, SameSideInequality sellerInequality)
    {
        IRateLaw buyers = market.Buyers, sellers = market.Sellers;
        double[] sellerRates = InteriorRates(sellers), buyerRates = InteriorRates(buyers);
        double[] sellerInformationRent = sellerRates.Select(r => sellers.Cdf(r) / sellers.Density(r)).ToArray();
        double[] buyerInformationRent = buyerRates.Select(r => (1.0 - buyers.Cdf(r)) / buyers.Density(r)).ToArray();
        var regularity = new RegularityChecks(
            VirtualSurplusesNonDecreasing:
                NonDecreasing(sellerRates.Select(r => InequalityMeasures.SellerVirtualSurplus(sellers, r)))
                && NonDecreasing(buyerRates.Select(r => InequalityMeasures.BuyerVirtualSurplus(buyers, r))),
            AssumptionOne:
                QuasiConcave(sellerRates.Select(r => InequalityMeasures.SellerDelta(sellers, r) - r))
                && QuasiConcave(buyerRates.Select(r => r + InequalityMeasures.BuyerDelta(buyers, r))),
            AssumptionThree: NonDecreasing(sellerInformationRent) && NonDecreasing(buyerInformationRent.Select(v => -v)),
            SellerDensityNonIncreasing: NonDecreasing(sellerRates.Select(r => -sellers.Density(r))));

        bool passes = margin >= -MarginTolerance;
        var remarkTwo = RemarkTwo(sellers);
        string? theoremTwoFailure =
            !regularity.VirtualSurplusesNonDecreasing ? "a virtual surplus J_j decreases somewhere"
            : !regularity.AssumptionOne ? "Assumption 1 fails (Delta_S(p) - p or p + Delta_B(p) is not quasi-concave)"
            : !remarkTwo.Holds ? "Delta'_S(r_S) > 1 (Remark 2's slope condition fails)"
            : buyerInequality == SameSideInequality.High ? "buyers' same-side inequality is high"
            : null;
        bool theoremTwo = theoremTwoFailure is null;
        var remarkOne = RemarkOne(market, regularity, passes, sellerInequality);
        var lumpSums = new LumpSumModelConditions(
            margin,
            !passes ? false : theoremTwo ? true : null,
            theoremTwo,
            theoremTwoFailure,
            theoremTwo ? true : null,
            remarkOne,
            remarkTwo);

        var propositionOne = PropositionOne(market, equilibriumPrice, regularity, buyerInequality, sellerInequality, sellerRates, sellerInformationRent);
        NoFreeLunchConditions noFreeLunch =
            passes && theoremTwo ? new NoFreeLunchConditions(true, NoFreeLunchBasis.CompetitiveEquilibriumTest, propositionOne)
            : propositionOne.CompetitiveEquilibriumOptimal ? new NoFreeLunchConditions(true, NoFreeLunchBasis.PropositionOne, propositionOne)
            : propositionOne.SellerRationingOptimal ? new NoFreeLunchConditions(false, NoFreeLunchBasis.PropositionOne, propositionOne)
            : new NoFreeLunchConditions(null, NoFreeLunchBasis.Undecided, propositionOne);
        return new OptimalityConditions(regularity, lumpSums, noFreeLunch);
    }

    /// <summary>
    /// 000 Remark 2: Delta'_S(r_S). Near r_S, int (lambdabar_S - 1) dG_S ~ (lambdabar_S(r_S) - 1) G_S(r), so
    /// Delta_S(r) ~ (lambdabar_S(r_S) - 1) G_S(r)/g_S(r) ~ (lambdabar_S(r_S) - 1)(r - r_S)/k_S with
    /// k_S = lim (r - r_S) g_S(r)/G_S(r), the local power of G_S at the bottom. For 000 Section 7's family this gives
    /// 1/(alpha(alpha - beta - 1)) when alpha &gt; beta + 1 and +infinity otherwise (lambdabar_S diverges).
    /// </summary>
    /// <remarks>
    /// The limits are read off the exact law (a table does not resolve the bottom), at r_S + h, h = 10^{-4}, 10^{-6},
    /// 10^{-8} times the support's width: lambdabar_S(r_S) by Aitken's extrapolation of the three values (exact for
    /// a limit plus one power of h, as in the family), +infinity when the differences do not shrink (a power
    /// h^{-gamma} diverging); k_S at the smallest h.
    /// </remarks>
    public static RemarkTwoSlope RemarkTwo(IRateLaw law)
    {
        IRateLaw sellers = law is IApproximateRateLaw approximate ? approximate.Source : law;
        double atBottom = BottomLimitOfNormalisedWeight(sellers);
        double slope;
        if (double.IsPositiveInfinity(atBottom))
        {
            slope = double.PositiveInfinity;
        }
        else if (Math.Abs(atBottom - 1.0) <= 1e-9)
        {
            slope = 0.0;
        }
        else
        {
            double rate = sellers.Lower + BottomOffset(sellers, 8);
            double power = (rate - sellers.Lower) * sellers.Density(rate) / sellers.Cdf(rate);
            slope = power > 0.0 && double.IsFinite(power) ? (atBottom - 1.0) / power : double.PositiveInfinity;
        }

        return new RemarkTwoSlope(slope, slope <= 1.0);
    }

    private static double BottomOffset(IRateLaw law, int decimals)
    {
        double width = double.IsFinite(law.Upper) ? law.Upper - law.Lower : law.Quantile(0.5) - law.Lower;
        return width * Math.Pow(10.0, -decimals);
    }

    private static double BottomLimitOfNormalisedWeight(IRateLaw sellers)
    {
        double atLower = InequalityMeasures.NormalisedParetoWeight(sellers, sellers.Lower);
        if (double.IsPositiveInfinity(atLower)) return double.PositiveInfinity;
        double[] values = new[] { 4, 6, 8 }.Select(d => InequalityMeasures.NormalisedParetoWeight(sellers, sellers.Lower + BottomOffset(sellers, d))).ToArray();
        if (values.Any(v => !double.IsFinite(v))) return double.IsFinite(atLower) ? atLower : double.PositiveInfinity;
        double first = values[1] - values[0], second = values[2] - values[1];
        double scale = 1e-9 * (1.0 + Math.Abs(values[2]));
        if (Math.Abs(second) <= scale) return values[2]; // converged (e.g. a constant weight)
        if (Math.Abs(second) >= Math.Abs(first)) return second > 0 ? double.PositiveInfinity : values[2]; // not shrinking
        double ratio = second / first;
        return values[2] + second * ratio / (1.0 - ratio);
    }

    /// <summary>000 Remark 1: mu &lt;= G_S(D_S^{-1}(2)); the bound is the quantile where lambdabar_S crosses 2.</summary>
    private static RemarkOneBound RemarkOne(ContinuumMarket market, RegularityChecks regularity, bool testPasses, SameSideInequality sellerInequality)
    {
        IRateLaw sellers = market.Sellers;
        double mu = market.BuyersPerSeller;
        double? bound = null;
        string? undefined = null;
        if (sellerInequality != SameSideInequality.High)
        {
            undefined = "sellers' same-side inequality is not high (lambdabar_S(r_S) <= 2): no rate where lambdabar_S = 2 above r_S";
        }
        else
        {
            double Excess(double q) => InequalityMeasures.NormalisedParetoWeight(sellers, sellers.Quantile(q)) - 2.0;
            double low = 1e-12, high = 1.0 - 1e-9;
            if (Excess(high) >= 0.0)
            {
                undefined = "lambdabar_S stays above 2 over the whole support";
            }
            else
            {
                for (int step = 0; step < 100 && high - low > 1e-13; step++)
                {
                    double middle = 0.5 * (low + high);
                    if (Excess(middle) > 0.0) low = middle;
                    else high = middle;
                }

                bound = 0.5 * (low + high);
            }
        }

        string? failure =
            market.Sellers.MeanParetoWeight < market.Buyers.MeanParetoWeight ? "buyers are poorer on average (Lambda_B > Lambda_S)"
            : sellerInequality != SameSideInequality.High ? "sellers' same-side inequality is not high"
            : testPasses ? "001 (5.3) holds at p_CE (the remark needs CE not to be optimal)"
            : !regularity.SellerDensityNonIncreasing ? "the seller density g_S is not non-increasing"
            : !regularity.AssumptionOne ? "Assumption 1 fails"
            : bound is null ? undefined
            : null;
        bool? holds = bound is { } value ? mu <= value : null;
        return new RemarkOneBound(bound, undefined, mu, holds, failure is null, failure, failure is null && holds == true);
    }

    /// <summary>
    /// 000 Proposition 1 in rates, both Lambda_j general: I_S = G_S/g_S is invariant to rescaling money, so
    /// sup I_S' and d = I_S'(p_CE) are the paper's; the rationing condition (m - 1) d &gt; mu/c + 1 is the paper's
    /// m &gt; 1 + 1/d + mu/(c d) (d &gt; 0).
    /// </summary>
    private static PropositionOneBounds PropositionOne(
        ContinuumMarket market, double price, RegularityChecks regularity, SameSideInequality buyerInequality, SameSideInequality sellerInequality,
        double[] sellerRates, double[] sellerInformationRent)
    {
        IRateLaw buyers = market.Buyers, sellers = market.Sellers;
        double ratio = sellers.MeanParetoWeight / buyers.MeanParetoWeight;
        string? reason =
            buyerInequality != SameSideInequality.None || sellerInequality != SameSideInequality.None
                ? "it assumes no same-side inequality on either side (lambdabar_B = lambdabar_S = 1)"
            : ratio < 1.0 ? "it covers sellers poorer on average (Lambda_S >= Lambda_B); here Lambda_B > Lambda_S"
            : !regularity.AssumptionThree ? "Assumption 3 fails (G_S/g_S decreases or (1 - G_B)/g_B increases somewhere)"
            : !(price > sellers.Lower && price < buyers.Upper) || !(sellers.Density(price) > 0) || !(buyers.Density(price) > 0)
                ? "p_CE is not interior to both supports"
            : null;
        if (reason is not null)
        {
            return new PropositionOneBounds(false, reason, ratio, double.NaN, double.NaN, false, false);
        }

        double supremum = double.NegativeInfinity;
        for (int k = 0; k + 1 < sellerRates.Length; k++)
        {
            double width = sellerRates[k + 1] - sellerRates[k];
            if (width > 0 && double.IsFinite(sellerInformationRent[k]) && double.IsFinite(sellerInformationRent[k + 1]))
                supremum = Math.Max(supremum, (sellerInformationRent[k + 1] - sellerInformationRent[k]) / width);
        }

        double step = 1e-5 * Math.Min(price - sellers.Lower, sellers.Upper - price);
        double InformationRent(double r) => sellers.Cdf(r) / sellers.Density(r);
        double d = (InformationRent(price + step) - InformationRent(price - step)) / (2.0 * step);
        double c = sellers.Density(price) / (ratio * buyers.Density(price));
        double ceBound = 1.0 + 1.0 / supremum;
        double rationingBound = d > 0 ? 1.0 + 1.0 / d + market.BuyersPerSeller / (c * d) : double.PositiveInfinity;
        return new PropositionOneBounds(true, null, ratio, ceBound, rationingBound, ratio <= ceBound * (1 + 1e-12), ratio > rationingBound);
    }

    private static double[] InteriorRates(IRateLaw law) =>
        Enumerable.Range(1, GridIntervals - 1).Select(k => law.Quantile((double)k / GridIntervals)).ToArray();

    private static bool NonDecreasing(IEnumerable<double> values)
    {
        double previous = double.NaN;
        foreach (double value in values.Where(double.IsFinite))
        {
            if (!double.IsNaN(previous) && value < previous - MonotoneTolerance * (1.0 + Math.Abs(previous))) return false;
            previous = value;
        }

        return true;
    }

    /// <summary>Rises (weakly) then falls (weakly): once it has fallen it never rises again.</summary>
    private static bool QuasiConcave(IEnumerable<double> values)
    {
        double previous = double.NaN;
        bool fallen = false;
        foreach (double value in values.Where(double.IsFinite))
        {
            if (!double.IsNaN(previous))
            {
                double tolerance = MonotoneTolerance * (1.0 + Math.Abs(previous));
                if (value < previous - tolerance) fallen = true;
                else if (value > previous + tolerance && fallen) return false;
            }

            previous = value;
        }

        return true;
    }
}

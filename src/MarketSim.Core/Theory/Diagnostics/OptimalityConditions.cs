namespace MarketSim.Core.Theory.Diagnostics;

/// <summary>
/// The papers' sufficient and necessary conditions for the form of the optimal mechanism, each tied to the
/// model it answers (docs/theory.md §1.3, "Diagnostics"): with lump sums allowed (000 Section 5, 001 B.3) and
/// under "No Free Lunch" (000 Section 6). A verdict is null where the papers' conditions do not decide.
/// </summary>
public sealed record OptimalityConditions(
    RegularityChecks Regularity,
    LumpSumModelConditions LumpSumsAllowed,
    NoFreeLunchConditions NoFreeLunch);

/// <summary>
/// The regularity conditions of 000 Section 5.2 and 6.1, checked numerically on 199 interior quantiles of each side:
/// non-decreasing virtual surpluses J_S and J_B; Assumption 1 (Delta_S(p) - p and p + Delta_B(p) quasi-concave);
/// Assumption 3 (G_S/g_S non-decreasing, (1 - G_B)/g_B non-increasing); a non-increasing seller density g_S (Remark 1).
/// </summary>
public sealed record RegularityChecks(
    bool VirtualSurplusesNonDecreasing,
    bool AssumptionOne,
    bool AssumptionThree,
    bool SellerDensityNonIncreasing);

/// <summary>
/// Lump sums allowed. <c>CompetitiveEquilibriumOptimal</c>: false when 001 (5.3) fails (the first-order condition at
/// p_CE is necessary), true when it holds and Theorem 2's hypotheses hold (then it is also sufficient), null otherwise.
/// <c>PriceMechanismOptimal</c>: true when Theorem 2 applies through Remark 2 (a price mechanism, possibly a wedge with
/// a lump sum, is optimal), null otherwise (the papers do not decide).
/// </summary>
public sealed record LumpSumModelConditions(
    double CompetitiveEquilibriumMargin,
    bool? CompetitiveEquilibriumOptimal,
    bool TheoremTwoHypotheses,
    string? TheoremTwoFailure,
    bool? PriceMechanismOptimal,
    RemarkOneBound RemarkOne,
    RemarkTwoSlope RemarkTwo);

/// <summary>
/// 000 Remark 1 (Theorem 3's explicit bound): with lump sums, Lambda_S &gt;= Lambda_B, high same-side seller inequality,
/// CE not optimal (001 (5.3) fails) and g_S non-increasing, sellers are rationed when mu &lt;= G_S(r*), r* = D_S^{-1}(2)
/// (the rate where lambdabar_S = 2). <c>Bound</c> is null with <c>UndefinedReason</c> when r* does not exist;
/// <c>HypothesesHold</c> says whether the remark applies (<c>HypothesesFailure</c> names the first that fails);
/// <c>SellersRationed</c> is true iff it applies and mu &lt;= bound.
/// </summary>
public sealed record RemarkOneBound(
    double? Bound,
    string? UndefinedReason,
    double BuyersPerSeller,
    bool? BoundHolds,
    bool HypothesesHold,
    string? HypothesesFailure,
    bool SellersRationed);

/// <summary>
/// 000 Remark 2: with non-decreasing virtual surpluses and Assumption 1, Delta'_S(r_S) &lt;= 1 suffices for Theorem 2
/// (a price mechanism is optimal with lump sums). <c>Slope</c> = Delta'_S(r_S) = (lambdabar_S(r_S) - 1)/k_S, where
/// k_S = lim (r - r_S) g_S(r)/G_S(r) is the local power of G_S at the bottom (k = 1 when 0 &lt; g_S(r_S) &lt; infinity);
/// +infinity when lambdabar_S diverges at r_S.
/// </summary>
public sealed record RemarkTwoSlope(double Slope, bool Holds);

/// <summary>
/// "No Free Lunch" (no lump sums). <c>CompetitiveEquilibriumOptimal</c>: true when Theorem 2's sufficient condition
/// 001 (5.3) holds (000 Section 6: still valid without lump sums) or 000 Proposition 1 proves it; false when
/// Proposition 1 proves seller rationing; null when neither decides. <c>Basis</c> names what decided.
/// </summary>
public sealed record NoFreeLunchConditions(
    bool? CompetitiveEquilibriumOptimal,
    NoFreeLunchBasis Basis,
    PropositionOneBounds PropositionOne);

/// <summary>What decided the No-Free-Lunch verdict.</summary>
public enum NoFreeLunchBasis
{
    /// <summary>Neither 001 (5.3) with Theorem 2's hypotheses nor 000 Proposition 1 decides.</summary>
    Undecided,

    /// <summary>001 (5.3) holds under Theorem 2's hypotheses (000 Section 6).</summary>
    CompetitiveEquilibriumTest,

    /// <summary>000 Proposition 1.</summary>
    PropositionOne,
}

/// <summary>
/// 000 Proposition 1 (No Free Lunch, no same-side inequality on either side, Lambda_S &gt;= Lambda_B, Assumption 3), in
/// the ratio m = Lambda_S/Lambda_B: CE is optimal if m &lt;= 1 + 1/sup_r I_S'(r); sellers are rationed if
/// m &gt; 1 + 1/d + mu/(c d), with I_S = G_S/g_S (in rates: the paper's F_S^K/f_S^K scaled), d = I_S'(p_CE) and
/// c = g_S(p_CE)/(m g_B(p_CE)) (the paper's f_S^K(m_S p_CE)/f_B^K(p_CE)). The numbers are NaN when it does not apply.
/// </summary>
public sealed record PropositionOneBounds(
    bool Applies,
    string? NotApplicableReason,
    double MoneyRatio,
    double CompetitiveEquilibriumBound,
    double RationingBound,
    bool CompetitiveEquilibriumOptimal,
    bool SellerRationingOptimal);

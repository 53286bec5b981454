namespace MarketSim.Core.Theory.Diagnostics;

/// <summary>
/// What docs/theory.md §1.3 "Useful checks" reads off a market: Lambda_j, p_CE and its welfare, the CE-optimality
/// test of 001 (5.3) (<c>CompetitiveEquilibriumOptimalityMargin</c> = left side minus right side; CE is
/// optimal with lump sums allowed iff it is >= 0; <c>CompetitiveEquilibriumOptimal</c> answers that model only) and the
/// same-side inequality class per side. <c>Conditions</c>: the papers' optimality conditions, each for the model it
/// answers (lump sums allowed, No Free Lunch).
/// </summary>
public sealed record MarketDiagnostics(
    double BuyerMeanParetoWeight,
    double SellerMeanParetoWeight,
    double CompetitiveEquilibriumPrice,
    double CompetitiveEquilibriumWelfare,
    double CompetitiveEquilibriumOptimalityMargin,
    bool CompetitiveEquilibriumOptimal,
    SameSideInequality BuyerInequality,
    SameSideInequality SellerInequality,
    OptimalityConditions Conditions);

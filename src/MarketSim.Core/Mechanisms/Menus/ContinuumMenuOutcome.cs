namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// A menu mechanism in the continuum economy (docs/theory.md §1.1), per unit mass of sellers. Welfare is
/// VAL: mu int lambda_B U_B dG_B + int lambda_S U_S dG_S, lump sums included.
/// </summary>
public sealed record ContinuumMenuOutcome(
    double Welfare,
    double WelfareBuyers,
    double WelfareSellers,
    double Volume,
    double Revenue,
    double LumpSumBuyers,
    double LumpSumSellers,
    double BudgetSurplus,
    ContinuumMenuSide Buyers,
    ContinuumMenuSide Sellers);

/// <summary>One side of a continuum menu outcome; ExpectedTrades per unit mass of sellers (before rationing).</summary>
public sealed record ContinuumMenuSide(double ExpectedTrades, IReadOnlyList<ContinuumMenuOption> Options);

/// <summary>
/// One option in the continuum: the share of the side choosing it, the rates choosing it
/// ([LowestRate, HighestRate], NaN if nobody), and the realised trade probability after
/// the continuum rationing of the long side.
/// </summary>
public sealed record ContinuumMenuOption(
    double Price,
    double PromisedProbability,
    double ChoiceShare,
    double RealizedProbability,
    double LowestRate,
    double HighestRate);

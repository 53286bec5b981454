namespace MarketSim.Core.OneSided;

/// <summary>
/// The optimal one-sided mechanism: its options (most eager agents' option first: the highest
/// probability), the lump sum every agent of the side gets (the money left over), the welfare
/// (Pareto-weighted utilities, lump sum included, 002 slides), its class, the multiplier alpha
/// (= Lambda_j + the shadow price of the budget, 001 B.9's alpha*_R) and the competitive price.
/// </summary>
public sealed record OneSidedSolution(
    IReadOnlyList<OneSidedOption> Options,
    double LumpSum,
    double Welfare,
    OneSidedMechanismClass Class,
    double Multiplier,
    double CompetitivePrice);

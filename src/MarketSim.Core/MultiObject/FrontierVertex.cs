namespace MarketSim.Core.MultiObject;

/// <summary>
/// A vertex of the Pareto frontier (004 Section 4, "Construction of the Pareto frontier"): the
/// utility pair of the mechanism that is the unique alpha-optimum for every seller weight strictly
/// between <c>SellerWeightFrom</c> and <c>SellerWeightTo</c> (at those breakpoints an edge to the
/// neighbouring vertex is optimal too). <c>Mechanism</c> is that mechanism.
/// </summary>
public sealed record FrontierVertex(
    Fraction SellerWeightFrom,
    Fraction SellerWeightTo,
    double BuyerUtility,
    double SellerUtility,
    ThresholdMechanism Mechanism);

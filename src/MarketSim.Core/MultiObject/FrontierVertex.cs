using MarketSim.Core.Agents;

namespace MarketSim.Core.MultiObject;

/// <summary>
/// A vertex of the Pareto frontier (004 Section 4, "Construction of the Pareto frontier"): the
/// utility pair of the mechanism that is the unique alpha-optimum for every seller weight strictly
/// between <c>SellerWeightFrom</c> and <c>SellerWeightTo</c> (at those breakpoints an edge to the
/// neighbouring vertex is optimal too). <c>Mechanism</c> is that mechanism. The exact weights are
/// fractions with about 108 N bits, built on first use; <c>SellerWeightFromValue</c> and
/// <c>SellerWeightToValue</c> are their nearest doubles, at no such cost.
/// </summary>
public sealed class FrontierVertex
{
    private readonly KnapsackWeight from;
    private readonly KnapsackWeight to;

    internal FrontierVertex(KnapsackWeight from, KnapsackWeight to, ThresholdMechanism mechanism)
    {
        this.from = from;
        this.to = to;
        Mechanism = mechanism;
    }

    public Fraction SellerWeightFrom => from.Exact;

    public Fraction SellerWeightTo => to.Exact;

    /// <summary>The nearest double to <see cref="SellerWeightFrom"/>.</summary>
    public double SellerWeightFromValue => from.Value;

    /// <summary>The nearest double to <see cref="SellerWeightTo"/>.</summary>
    public double SellerWeightToValue => to.Value;

    public double BuyerUtility => Mechanism.UtilityOf(Side.Buyers);

    public double SellerUtility => Mechanism.UtilityOf(Side.Sellers);

    public ThresholdMechanism Mechanism { get; }
}

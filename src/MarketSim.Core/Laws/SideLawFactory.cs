using MarketSim.Core.Distributions;

namespace MarketSim.Core.Laws;

/// <summary>Turns a scenario's <see cref="SideLawSpec"/> into a samplable law.</summary>
public static class SideLawFactory
{
    /// <exception cref="ArgumentException">The spec does not define a valid law (named in the message).</exception>
    public static ISideLaw Create(SideLawSpec spec) => spec switch
    {
        null => throw new ArgumentNullException(nameof(spec)),
        TwoDimensionalLawSpec twoDimensional => new TwoDimensionalLaw(
            DistributionFactory.Create(twoDimensional.Good),
            DistributionFactory.Create(twoDimensional.Money),
            twoDimensional.CopulaCorrelation),
        ParetoWeightLawSpec paretoWeight => new ParetoWeightLaw(
            DistributionFactory.Create(paretoWeight.Rate), new WeightPolynomial(paretoWeight.WeightPolynomial)),
        JointEmpiricalLawSpec joint => new JointEmpiricalLaw(joint.Goods, joint.Moneys),
        _ => throw new ArgumentException($"Unknown side law {spec.GetType().Name}.", nameof(spec)),
    };
}

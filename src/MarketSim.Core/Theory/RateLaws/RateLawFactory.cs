using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;

namespace MarketSim.Core.Theory.RateLaws;

/// <summary>The continuum rate law G_j, lambda_j of a side (closed forms where they exist, quadrature otherwise).</summary>
public static class RateLawFactory
{
    /// <summary>
    /// Constant money -> <see cref="ConstantMoneyRateLaw"/> (the copula is then irrelevant);
    /// constant good with varying money -> <see cref="ConstantGoodRateLaw"/>; Pareto-weight form ->
    /// <see cref="ParetoWeightRateLaw"/>; otherwise <see cref="TwoDimensionalRateLaw"/>. Cheap: no tables.
    /// </summary>
    public static IRateLaw Create(SideLawSpec spec)
    {
        switch (spec)
        {
            case null:
                throw new ArgumentNullException(nameof(spec));
            case ParetoWeightLawSpec paretoWeight:
                return new ParetoWeightRateLaw(
                    DistributionFactory.Create(paretoWeight.Rate), new WeightPolynomial(paretoWeight.WeightPolynomial));
            case TwoDimensionalLawSpec twoDimensional:
                var good = DistributionFactory.Create(twoDimensional.Good);
                var money = DistributionFactory.Create(twoDimensional.Money);
                _ = new GaussianCopula(twoDimensional.CopulaCorrelation); // validates rho
                if (money.IsDegenerate)
                {
                    return new ConstantMoneyRateLaw(good, money.Mean);
                }

                return good.IsDegenerate
                    ? new ConstantGoodRateLaw(good.Mean, money)
                    : new TwoDimensionalRateLaw(good, money, twoDimensional.CopulaCorrelation);
            default:
                throw new ArgumentException($"Unknown side law {spec.GetType().Name}.", nameof(spec));
        }
    }
}

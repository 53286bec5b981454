using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Core.Tests.Theory.Solver;

/// <summary>
/// The continuum markets of the theory, solver, diagnostics, CE and menu tests, built from the production
/// rate laws (RateLawFactory, ConstantMoneyRateLaw) rather than test-only re-implementations.
/// </summary>
internal static class SolverTestMarkets
{
    /// <summary>r ~ U[0,1], lambda = 1: v^K ~ U[0,1], v^M = 1 (ConstantMoneyRateLaw).</summary>
    public static IRateLaw UniformUnitWeight() => UniformGood(1.0);

    /// <summary>v^K ~ U[0,1], v^M = m: r ~ U[0, 1/m], lambda = m (ConstantMoneyRateLaw).</summary>
    public static IRateLaw UniformGood(double money) =>
        RateLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0.0, 1.0), new ConstantSpec(money)));

    /// <summary>
    /// r ~ U[lower, upper] with constant lambda = w: v^M = w and v^K = w r ~ U[w lower, w upper]
    /// (ConstantMoneyRateLaw; agrees with the direct r-uniform closed forms to ~4e-16).
    /// </summary>
    public static IRateLaw UniformRates(double lower, double upper, double weight) =>
        new ConstantMoneyRateLaw(new UniformDistribution(lower * weight, upper * weight), weight);

    /// <summary>Pareto-weight form: r ~ U[lower, upper], lambda(r) = intercept + slope r (ParetoWeightRateLaw).</summary>
    public static IRateLaw LinearWeight(double lower, double upper, double intercept, double slope) =>
        RateLawFactory.Create(new ParetoWeightLawSpec(new UniformSpec(lower, upper), [intercept, slope]));

    /// <summary>docs/theory.md §1.4's uniform example (000 Section 2): mu = 1, buyers v^M = 1, sellers v^M = m.</summary>
    public static ContinuumMarket UniformExample(double m) => new(UniformUnitWeight(), UniformGood(m), 1.0);

    /// <summary>000 Section 7: buyers r ~ U[0,1], lambda_B = 1; sellers v^K ~ v^beta, v^M ~ Pareto(1, alpha).</summary>
    public static ContinuumMarket SectionSeven(double alpha, double beta, double mu) =>
        new(UniformUnitWeight(), new PowerParetoSellerRateLaw(alpha, beta), mu);
}

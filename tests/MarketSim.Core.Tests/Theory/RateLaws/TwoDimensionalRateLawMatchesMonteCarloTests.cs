using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Core.Tests.Theory.RateLaws;

/// <summary>
/// The quadrature rate law against Monte Carlo on the sampled types (n = 200,000, fixed keys):
/// G(r) = P(v^K &lt;= r v^M), E[v^M 1{R &lt;= r}], E[(p v^M - v^K)^+], E[(v^K - p v^M)^+], each within 4 se.
/// </summary>
public class TwoDimensionalRateLawMatchesMonteCarloTests
{
    private const int Count = 200_000;

    public static TheoryData<string> Cases => new() { "uniform good, Pareto money", "lognormal good, Pareto money", "uniform good, lognormal money, rho 0.5", "beta good, Pareto money, rho -0.4" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CdfWeightsAndSurplusesMatchSampledTypes(string name)
    {
        var (good, money, rho) = Case(name);
        var rateLaw = new TwoDimensionalRateLaw(good, money, rho);
        var sample = new RateLawMonteCarlo(new TwoDimensionalLaw(good, money, rho), Count, 31);
        foreach (var q in new[] { 0.1, 0.5, 0.9 })
        {
            var r = rateLaw.Quantile(q);
            Assert.Equal(q, rateLaw.Cdf(r), 1e-10);
            sample.AssertMeanMatches(rateLaw.Cdf(r), (k, m) => k <= r * m ? 1 : 0, $"G({r})");
            sample.AssertMeanMatches(rateLaw.WeightBelow(r), (k, m) => k <= r * m ? m : 0, $"WeightBelow({r})");
            sample.AssertMeanMatches(rateLaw.SellerSurplus(r), (k, m) => Math.Max(r * m - k, 0), $"SellerSurplus({r})");
            sample.AssertMeanMatches(rateLaw.BuyerSurplus(r), (k, m) => Math.Max(k - r * m, 0), $"BuyerSurplus({r})");
        }

        sample.AssertMeanMatches(rateLaw.MeanParetoWeight, (_, m) => m, "Lambda");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DensityAndParetoWeightAreDerivatives(string name)
    {
        var (good, money, rho) = Case(name);
        var law = new TwoDimensionalRateLaw(good, money, rho);
        foreach (var q in new[] { 0.2, 0.5, 0.8 })
        {
            var r = law.Quantile(q);
            var h = 1e-4 * r;

            // g = dG/dr and lambda = dWeightBelow/dG (central differences, error O(h^2)).
            var density = (law.Cdf(r + h) - law.Cdf(r - h)) / (2 * h);
            Assert.Equal(density, law.Density(r), 1e-6 * density);
            var weight = (law.WeightBelow(r + h) - law.WeightBelow(r - h)) / (law.Cdf(r + h) - law.Cdf(r - h));
            Assert.Equal(weight, law.ParetoWeight(r), 1e-6 * weight);
        }
    }

    private static (IValueDistribution Good, IValueDistribution Money, double Rho) Case(string name) => name switch
    {
        "uniform good, Pareto money" => (new UniformDistribution(0, 1), new ParetoDistribution(1, 2.5), 0.0),
        "lognormal good, Pareto money" => (new LogNormalDistribution(0, 0.5), new ParetoDistribution(1, 3), 0.0),
        "uniform good, lognormal money, rho 0.5" => (new UniformDistribution(0, 1), new LogNormalDistribution(0, 0.4), 0.5),
        "beta good, Pareto money, rho -0.4" => (new BetaDistribution(2, 3), new ParetoDistribution(1, 3), -0.4),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}

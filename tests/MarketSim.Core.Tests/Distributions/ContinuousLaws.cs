using MarketSim.Core.Distributions;

namespace MarketSim.Core.Tests.Distributions;

/// <summary>The continuous laws every distribution test runs on, by name.</summary>
internal static class ContinuousLaws
{
    public static readonly IReadOnlyDictionary<string, DistributionSpec> Specs = new Dictionary<string, DistributionSpec>
    {
        ["uniform[2,5]"] = new UniformSpec(2, 5),
        ["power(0.5)"] = new PowerSpec(0.5),
        ["power(3)"] = new PowerSpec(3),
        ["pareto(1,3)"] = new ParetoSpec(1, 3),
        ["pareto(2,1.5)"] = new ParetoSpec(2, 1.5),
        ["lognormal(0.2,0.7)"] = new LogNormalSpec(0.2, 0.7),
        ["beta(2,5)"] = new BetaSpec(2, 5),
        ["beta(0.5,0.5)"] = new BetaSpec(0.5, 0.5),
    };

    public static TheoryData<string> Names => new(Specs.Keys);

    public static IValueDistribution Create(string name) => DistributionFactory.Create(Specs[name]);

    /// <summary>Forwards only the core members, so the interface's default (quadrature) partial moments apply.</summary>
    public sealed class QuantileOnly(IValueDistribution inner) : IValueDistribution
    {
        public double Lower => inner.Lower;
        public double Upper => inner.Upper;
        public double Mean => inner.Mean;
        public bool IsDegenerate => inner.IsDegenerate;
        public double Cdf(double x) => inner.Cdf(x);
        public double Density(double x) => inner.Density(x);
        public double InverseCdf(double probability) => inner.InverseCdf(probability);
    }
}

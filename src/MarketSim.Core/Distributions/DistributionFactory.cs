namespace MarketSim.Core.Distributions;

/// <summary>Turns a scenario's <see cref="DistributionSpec"/> into a law.</summary>
public static class DistributionFactory
{
    public static IValueDistribution Create(DistributionSpec spec) =>
        throw new NotImplementedException("filled by the distributions work");
}

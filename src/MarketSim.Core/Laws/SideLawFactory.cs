namespace MarketSim.Core.Laws;

/// <summary>Turns a scenario's <see cref="SideLawSpec"/> into a samplable law.</summary>
public static class SideLawFactory
{
    public static ISideLaw Create(SideLawSpec spec) =>
        throw new NotImplementedException("filled by the distributions work");
}

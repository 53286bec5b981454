using MarketSim.Core.Laws;

namespace MarketSim.Core.Theory;

/// <summary>The continuum rate law G_j, lambda_j of a side (closed forms where they exist, quadrature otherwise).</summary>
public static class RateLawFactory
{
    public static IRateLaw Create(SideLawSpec spec) =>
        throw new NotImplementedException("filled by the rate-law work");
}

using MarketSim.Core.Distributions;

namespace MarketSim.Core.RedistributiveAuctions;

/// <summary>
/// U[a, b], only so that auctions run before <see cref="DistributionFactory"/> is filled in.
/// Replace by <c>DistributionFactory.Create</c> once it exists (see <see cref="AuctionTypeLaws"/>).
/// </summary>
internal sealed class UniformTypeLaw(double lower, double upper) : IValueDistribution
{
    public double Lower { get; } = lower;

    public double Upper { get; } = upper;

    public double Mean => 0.5 * (Lower + Upper);

    public bool IsDegenerate => false;

    public double Cdf(double x) => x <= Lower ? 0 : x >= Upper ? 1 : (x - Lower) / (Upper - Lower);

    public double Density(double x) => x < Lower || x > Upper ? 0 : 1 / (Upper - Lower);

    public double InverseCdf(double probability) => Lower + (probability * (Upper - Lower));
}

using MarketSim.Core.Theory;

namespace MarketSim.Core.Tests.Theory;

/// <summary>Test fixture: r = <c>rate</c> surely, constant weight (an atom: CDF jumps at rate).</summary>
internal sealed class ContinuumPointRateLaw(double rate, double weight) : IRateLaw
{
    public double Lower => rate;
    public double Upper => rate;
    public double MeanParetoWeight => weight;

    public double Cdf(double value) => value >= rate ? 1 : 0;
    public double Density(double value) => value == rate ? double.PositiveInfinity : 0;
    public double Quantile(double probability) => rate;
    public double ParetoWeight(double value) => weight;
    public double WeightBelow(double value) => weight * Cdf(value);
    public double SellerSurplus(double price) => weight * Math.Max(price - rate, 0);
    public double BuyerSurplus(double price) => weight * Math.Max(rate - price, 0);
}

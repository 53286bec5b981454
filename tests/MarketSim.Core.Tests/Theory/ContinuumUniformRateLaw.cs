using MarketSim.Core.Theory;

namespace MarketSim.Core.Tests.Theory;

/// <summary>
/// Test fixture: r ~ U[lower, upper] with a constant Pareto weight (SPEC 1.4's uniform example:
/// buyers U[0,1] weight 1, sellers U[0,1/m] weight m). Every member in closed form.
/// </summary>
internal sealed class ContinuumUniformRateLaw(double lower, double upper, double weight) : IRateLaw
{
    public double Lower => lower;
    public double Upper => upper;
    public double MeanParetoWeight => weight;

    public double Cdf(double rate) => Math.Clamp((rate - lower) / (upper - lower), 0, 1);
    public double Density(double rate) => rate >= lower && rate <= upper ? 1 / (upper - lower) : 0;
    public double Quantile(double probability) => lower + (probability * (upper - lower));
    public double ParetoWeight(double rate) => weight;
    public double WeightBelow(double rate) => weight * Cdf(rate);

    // int_L^c (p - tau) dtau / (U - L), c = clamp(p)
    public double SellerSurplus(double price)
    {
        var to = Math.Clamp(price, lower, upper);
        return weight * ((price * (to - lower)) - (((to * to) - (lower * lower)) / 2)) / (upper - lower);
    }

    // int_a^U (tau - p) dtau / (U - L), a = clamp(p)
    public double BuyerSurplus(double price)
    {
        var from = Math.Clamp(price, lower, upper);
        return weight * ((((upper * upper) - (from * from)) / 2) - (price * (upper - from))) / (upper - lower);
    }
}

using MarketSim.Core.Theory;

namespace MarketSim.Core.Tests.Mechanisms.Menus;

/// <summary>
/// Test fixture: r ~ U[a, b] with a constant Pareto weight w (e.g. v^K ~ U[0,1], v^M = m gives
/// r ~ U[0, 1/m], lambda = m). Closed forms: G(r) = (r - a)/(b - a),
/// SellerSurplus(p) = w/(b - a) int_a^{min(p,b)} (p - tau) dtau, BuyerSurplus(p) = w/(b - a) int_{max(p,a)}^b (tau - p) dtau.
/// </summary>
internal sealed class UniformRateLaw(double lower, double upper, double weight) : IRateLaw
{
    public double Lower => lower;

    public double Upper => upper;

    public double MeanParetoWeight => weight;

    public double Cdf(double rate) => Math.Clamp((rate - lower) / (upper - lower), 0.0, 1.0);

    public double Density(double rate) => rate >= lower && rate <= upper ? 1.0 / (upper - lower) : 0.0;

    public double Quantile(double probability) => lower + probability * (upper - lower);

    public double ParetoWeight(double rate) => weight;

    public double WeightBelow(double rate) => weight * Cdf(rate);

    public double SellerSurplus(double price)
    {
        if (price <= lower)
        {
            return 0.0;
        }

        var top = Math.Min(price, upper);
        return weight / (upper - lower) * (price * (top - lower) - 0.5 * (top * top - lower * lower));
    }

    public double BuyerSurplus(double price)
    {
        if (price >= upper)
        {
            return 0.0;
        }

        var bottom = Math.Max(price, lower);
        return weight / (upper - lower) * (0.5 * (upper * upper - bottom * bottom) - price * (upper - bottom));
    }
}

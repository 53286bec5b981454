using MarketSim.Core.Theory;

namespace MarketSim.Core.Tests.Theory.Solver;

/// <summary>
/// Test fixture (closed forms): r ~ U[lower, upper] with Pareto weight lambda(r) = intercept + slope r.
/// slope = 0 is SPEC 1.4's uniform example (v^M constant = intercept). To be replaced by the production
/// rate laws after merge.
/// </summary>
internal sealed class UniformRateLaw(double lower, double upper, double weightIntercept, double weightSlope = 0.0) : IRateLaw
{
    private readonly double _width = upper - lower;

    public double Lower => lower;

    public double Upper => upper;

    public double MeanParetoWeight => weightIntercept + weightSlope * (lower + upper) / 2.0;

    /// <summary>E[lambda(r) r] = E[v^K].</summary>
    private double MeanWeightedRate =>
        (weightIntercept * (upper * upper - lower * lower) / 2.0 + weightSlope * (Math.Pow(upper, 3) - Math.Pow(lower, 3)) / 3.0) / _width;

    public double Cdf(double rate) => Math.Clamp((rate - lower) / _width, 0.0, 1.0);

    public double Density(double rate) => rate < lower || rate > upper ? 0.0 : 1.0 / _width;

    public double Quantile(double probability) => lower + Math.Clamp(probability, 0.0, 1.0) * _width;

    public double ParetoWeight(double rate) => weightIntercept + weightSlope * rate;

    public double WeightBelow(double rate)
    {
        double r = Math.Clamp(rate, lower, upper);
        return (weightIntercept * (r - lower) + weightSlope * (r * r - lower * lower) / 2.0) / _width;
    }

    public double SellerSurplus(double price)
    {
        if (price <= lower) return 0.0;
        double p = Math.Min(price, upper);
        double inside = (weightIntercept * (p - lower) * (p - lower) / 2.0
                         + weightSlope * ((p * p * p - lower * lower * lower) / 3.0 - lower * lower * (p - lower)) / 2.0) / _width;
        return inside + MeanParetoWeight * Math.Max(price - upper, 0.0);
    }

    public double BuyerSurplus(double price) => SellerSurplus(price) - price * MeanParetoWeight + MeanWeightedRate;
}

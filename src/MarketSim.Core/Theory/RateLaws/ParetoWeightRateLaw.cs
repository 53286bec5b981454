using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;

namespace MarketSim.Core.Theory.RateLaws;

/// <summary>
/// A side in Pareto-weight form (001 Theorem 8): G is the rate law, lambda(r) the polynomial.
/// Weighted integrals are taken in quantile space, int_0^{G(p)} lambda(Q(u)) (p - Q(u)) du, by
/// double-exponential quadrature (robust to densities that vanish or blow up at an end), and as
/// exact sums for an empirical rate law.
/// </summary>
public sealed class ParetoWeightRateLaw : IRateLaw
{
    private readonly EmpiricalDistribution? empirical;

    public ParetoWeightRateLaw(IValueDistribution rate, WeightPolynomial weight)
    {
        ArgumentNullException.ThrowIfNull(rate);
        ArgumentNullException.ThrowIfNull(weight);
        weight.RequirePositiveOn(rate.Lower, rate.Upper, allowZeroAtEnds: true);
        Rate = rate;
        Weight = weight;
        empirical = rate as EmpiricalDistribution;
        MeanParetoWeight = ParetoWeightLaw.MeanWeight(rate, weight);
    }

    public IValueDistribution Rate { get; }
    public WeightPolynomial Weight { get; }

    public double Lower => Rate.Lower;
    public double Upper => Rate.Upper;
    public double MeanParetoWeight { get; }

    public double Cdf(double rate) => Rate.Cdf(rate);

    public double Density(double rate) => Rate.Density(rate);

    public double Quantile(double probability) => Rate.InverseCdf(probability);

    public double ParetoWeight(double rate) => Weight.Evaluate(rate);

    public double WeightBelow(double rate) =>
        rate >= Upper ? MeanParetoWeight
        : empirical is not null ? EmpiricalSum(r => r <= rate ? Weight.Evaluate(r) : 0)
        : RateQuadrature.Integrate(u => Weight.Evaluate(Rate.InverseCdf(u)), 0, Rate.Cdf(rate));

    public double SellerSurplus(double price) =>
        empirical is not null ? EmpiricalSum(r => r < price ? Weight.Evaluate(r) * (price - r) : 0)
        : RateQuadrature.Integrate(
            u =>
            {
                var r = Rate.InverseCdf(u);
                return Weight.Evaluate(r) * (price - r);
            },
            0, Rate.Cdf(price));

    public double BuyerSurplus(double price) =>
        empirical is not null ? EmpiricalSum(r => r > price ? Weight.Evaluate(r) * (r - price) : 0)
        : RateQuadrature.Integrate(
            u =>
            {
                var r = Rate.InverseCdf(u);
                return Weight.Evaluate(r) * (r - price);
            },
            Rate.Cdf(price), 1);

    private double EmpiricalSum(Func<double, double> term)
    {
        var sum = 0.0;
        for (var i = 0; i < empirical!.Count; i++)
        {
            sum += term(empirical.InverseCdf((i + 0.5) / empirical.Count));
        }

        return sum / empirical.Count;
    }
}

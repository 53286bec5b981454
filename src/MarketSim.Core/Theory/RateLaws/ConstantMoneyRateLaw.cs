using MarketSim.Core.Distributions;

namespace MarketSim.Core.Theory.RateLaws;

/// <summary>
/// v^M = m for everyone, v^K any marginal (000 Section 2): r = v^K / m, so G(r) = F_K(m r),
/// g(r) = m f_K(m r), lambda = m, and the surpluses are m-scaled partial expectations of v^K, in
/// closed form for every built-in law (no quadrature).
/// </summary>
public sealed class ConstantMoneyRateLaw : IRateLaw
{
    public ConstantMoneyRateLaw(IValueDistribution good, double money)
    {
        ArgumentNullException.ThrowIfNull(good);
        if (!(money > 0) || !double.IsFinite(money))
        {
            throw new ArgumentException("A constant value of money must be finite and positive.", nameof(money));
        }

        Good = good;
        Money = money;
    }

    public IValueDistribution Good { get; }
    public double Money { get; }

    public double Lower => Good.Lower / Money;
    public double Upper => Good.Upper / Money;
    public double MeanParetoWeight => Money;

    public double Cdf(double rate) => Good.Cdf(Money * rate);

    public double Density(double rate) => Money * Good.Density(Money * rate);

    public double Quantile(double probability) => Good.InverseCdf(probability) / Money;

    public double ParetoWeight(double rate) => Money;

    public double WeightBelow(double rate) => Money * Cdf(rate);

    // E[(p m - v^K)^+] = m E[(p - R)^+].
    public double SellerSurplus(double price) => Good.LowerPartialExpectation(price * Money);

    public double BuyerSurplus(double price) => Good.UpperPartialExpectation(price * Money);
}

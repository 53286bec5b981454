using MarketSim.Core.Distributions;

namespace MarketSim.Core.Theory.RateLaws;

/// <summary>
/// v^K = k &gt; 0 for everyone, v^M continuous: r = k / v^M is decreasing in v^M, so
/// G(r) = 1 - F_M(k / r), g(r) = f_M(k / r) k / r^2 and lambda(r) = k / r exactly (the poorer
/// agent has the lower rate). Surpluses are partial expectations of v^M in closed form.
/// Upper is +infinity when v^M can be arbitrarily close to 0.
/// </summary>
public sealed class ConstantGoodRateLaw : IRateLaw
{
    public ConstantGoodRateLaw(double good, IValueDistribution money)
    {
        ArgumentNullException.ThrowIfNull(money);
        if (!(good > 0) || !double.IsFinite(good))
        {
            throw new ArgumentException("A constant value of the good must be finite and positive when money varies.", nameof(good));
        }

        if (money.IsDegenerate || money.Lower < 0)
        {
            throw new ArgumentException("The value of money must be a positive, non-degenerate law here.", nameof(money));
        }

        Good = good;
        Money = money;
    }

    public double Good { get; }
    public IValueDistribution Money { get; }

    public double Lower => Good / Money.Upper;
    public double Upper => Money.Lower > 0 ? Good / Money.Lower : double.PositiveInfinity;
    public double MeanParetoWeight => Money.Mean;

    public double Cdf(double rate) => rate <= 0 ? 0 : 1 - Money.Cdf(Good / rate);

    public double Density(double rate) => rate <= 0 ? 0 : Money.Density(Good / rate) * Good / (rate * rate);

    // G(r) = q  <=>  F_M(k / r) = 1 - q.
    public double Quantile(double probability) => Good / Money.InverseCdf(1 - probability);

    public double ParetoWeight(double rate) => Good / rate;

    // E[v^M 1{v^M >= k / r}] = E[(v^M - t)^+] + t P(v^M > t), t = k / r.
    public double WeightBelow(double rate)
    {
        if (rate <= 0)
        {
            return 0;
        }

        var threshold = Good / rate;
        return Money.UpperPartialExpectation(threshold) + threshold * (1 - Money.Cdf(threshold));
    }

    // E[(p v^M - k)^+] = p E[(v^M - k/p)^+].
    public double SellerSurplus(double price) => price <= 0 ? 0 : price * Money.UpperPartialExpectation(Good / price);

    public double BuyerSurplus(double price) =>
        price <= 0 ? Good - price * Money.Mean : price * Money.LowerPartialExpectation(Good / price);
}

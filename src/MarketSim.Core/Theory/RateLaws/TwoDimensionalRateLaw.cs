using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;

namespace MarketSim.Core.Theory.RateLaws;

/// <summary>
/// The law of r = v^K / v^M for general marginals F_K, F_M coupled by a Gaussian copula (SPEC 1.1).
/// Every quantity is one integral over the money quantile u = F_M(v^M) in (0, 1), where v^M = Q_M(u):
/// <code>
/// G(r)  = int_0^1 C(F_K(r Q_M(u)) | u) du                     (C(v|u) = v when independent)
/// g(r)  = int_0^1 c(F_K(r Q_M(u)) | u) f_K(r Q_M(u)) Q_M(u) du
/// lambda(r) = [int c f_K(r Q_M) Q_M^2 du] / g(r)              (= E[v^M | R = r])
/// </code>
/// Working in quantile space keeps the integrands finite when f_M vanishes or blows up; the integral
/// is split where r Q_M(u) leaves the support of v^K (beyond it C = 0 or 1 in closed form), and each
/// piece is integrated by double-exponential quadrature, which tolerates end singularities (power
/// laws with beta != 1, Pareto tails). Surpluses: independent copula, int_0^1 E[(p Q_M(u) - v^K)^+] du
/// with the partial expectation of v^K in closed form; Gaussian copula, SellerSurplus(p) =
/// int_{r_j}^p WeightBelow (nested quadrature, slower) and BuyerSurplus from
/// E[(v^K - p v^M)^+] - E[(p v^M - v^K)^+] = E[v^K] - p E[v^M].
/// Support: [K.Lower / M.Upper, K.Upper / M.Lower]; Upper is +infinity when v^K is unbounded or v^M
/// can be arbitrarily close to 0. Requires v^K &gt;= 0 and a non-degenerate v^K (see
/// <see cref="ConstantGoodRateLaw"/>); empirical marginals have no density, so g and lambda are not
/// defined for them. Measured accuracy: see the tests in Theory/RateLaws (|G - exact| ~ 1e-15 on
/// uniform v^K with constant money; lambda within 1e-9 of 000 Section 7's closed form).
/// Immutable, so reads are thread-safe; construction does no numerical work.
/// </summary>
public sealed class TwoDimensionalRateLaw : IRateLaw
{
    private readonly double[] kinks;

    public TwoDimensionalRateLaw(IValueDistribution good, IValueDistribution money, double copulaCorrelation = 0.0)
    {
        ArgumentNullException.ThrowIfNull(good);
        ArgumentNullException.ThrowIfNull(money);
        if (good.IsDegenerate)
        {
            throw new ArgumentException("A degenerate value of the good has no density of r in v^K; use ConstantGoodRateLaw.", nameof(good));
        }

        if (good.Lower < 0)
        {
            throw new ArgumentException("The continuum rate law needs v^K >= 0.", nameof(good));
        }

        TwoDimensionalLaw.RequirePositiveMoney(money);
        Good = good;
        Money = money;
        Copula = new GaussianCopula(copulaCorrelation);
        Lower = double.IsPositiveInfinity(money.Upper) ? 0 : good.Lower / money.Upper;
        Upper = double.IsPositiveInfinity(good.Upper) ? double.PositiveInfinity
            : money.Lower > 0 ? good.Upper / money.Lower
            : good.Upper > 0 ? double.PositiveInfinity : 0;

        // Where G may have a kink inside the support: a corner of the (v^K, v^M) rectangle.
        kinks = new[] { good.Lower / money.Lower, good.Upper / money.Upper }
            .Where(k => double.IsFinite(k) && k > Lower && k < Upper)
            .Distinct()
            .Order()
            .ToArray();
    }

    public IValueDistribution Good { get; }
    public IValueDistribution Money { get; }
    public GaussianCopula Copula { get; }

    public double Lower { get; }

    /// <summary>rbar: +infinity when v^K is unbounded or v^M has 0 in its support.</summary>
    public double Upper { get; }

    public double MeanParetoWeight => Money.Mean;

    public double Cdf(double rate)
    {
        if (rate <= Lower)
        {
            return 0;
        }

        if (rate >= Upper)
        {
            return 1;
        }

        var (from, to) = InsideGoodSupport(rate);
        return RateQuadrature.Integrate(u => Copula.ConditionalCdf(Good.Cdf(rate * Money.InverseCdf(u)), u), from, to)
               + (1 - to);
    }

    public double Density(double rate)
    {
        if (rate < Lower || rate > Upper)
        {
            return 0;
        }

        var (from, to) = InsideGoodSupport(rate);
        return RateQuadrature.Integrate(u => DensityIntegrand(rate, u, 1), from, to);
    }

    public double Quantile(double probability) => RateQuadrature.Quantile(Cdf, probability, Lower, Upper);

    /// <summary>
    /// lambda(r) = E[v^M | R = r]. At or beyond an end of the support it returns the value a
    /// relative 1e-9 inside (the one-sided limit, to that accuracy).
    /// </summary>
    public double ParetoWeight(double rate)
    {
        var width = double.IsFinite(Upper) ? Upper - Lower : Math.Max(1, Lower);
        rate = Math.Max(rate, Lower + 1e-9 * width);
        if (double.IsFinite(Upper))
        {
            rate = Math.Min(rate, Upper - 1e-9 * width);
        }

        var (from, to) = InsideGoodSupport(rate);
        var weighted = RateQuadrature.Integrate(u => DensityIntegrand(rate, u, 2), from, to);
        var density = RateQuadrature.Integrate(u => DensityIntegrand(rate, u, 1), from, to);
        return weighted / density;
    }

    public double WeightBelow(double rate)
    {
        if (rate <= Lower)
        {
            return 0;
        }

        if (rate >= Upper)
        {
            return MeanParetoWeight;
        }

        var (from, to) = InsideGoodSupport(rate);
        if (to >= 1 && double.IsPositiveInfinity(Money.Upper))
        {
            // Both unbounded: integrate the complement E[v^M 1{R > r}], whose integrand vanishes as
            // u -> 1 instead of growing like Q_M(u) (a strong end singularity for heavy money tails).
            var above = RateQuadrature.Integrate(
                u =>
                {
                    var money = Money.InverseCdf(u);
                    return money * (1 - Copula.ConditionalCdf(Good.Cdf(rate * money), u));
                },
                from, to);
            return MeanParetoWeight - above - MoneyBelow(Good.Lower / rate);
        }

        var inside = RateQuadrature.Integrate(
            u =>
            {
                var money = Money.InverseCdf(u);
                return money * Copula.ConditionalCdf(Good.Cdf(rate * money), u);
            },
            from, to);
        return inside + MoneyAbove(Good.Upper / rate, to);
    }

    public double SellerSurplus(double price)
    {
        if (price <= Lower)
        {
            return 0;
        }

        if (price >= Upper)
        {
            return price * MeanParetoWeight - Good.Mean;
        }

        if (!Copula.IsIndependent)
        {
            return IntegrateWeightBelow(price);
        }

        // int_0^1 E[(p Q_M(u) - v^K)^+] du; above the good's support the gain is p v^M - E[v^K].
        var (from, to) = InsideGoodSupport(price);
        if (to >= 1 && double.IsPositiveInfinity(Money.Upper))
        {
            // Both unbounded: the integrand grows like p Q_M(u); use the buyers' side, which vanishes.
            return price * MeanParetoWeight - Good.Mean + BuyerSurplus(price);
        }

        var inside = RateQuadrature.Integrate(u => Good.LowerPartialExpectation(price * Money.InverseCdf(u)), from, to);
        return inside + price * MoneyAbove(Good.Upper / price, to) - Good.Mean * (1 - to);
    }

    public double BuyerSurplus(double price)
    {
        if (price <= Lower)
        {
            return Good.Mean - price * MeanParetoWeight;
        }

        if (price >= Upper)
        {
            return 0;
        }

        if (!Copula.IsIndependent)
        {
            return Good.Mean - price * MeanParetoWeight + IntegrateWeightBelow(price);
        }

        // Below the good's support (v^M < K.Lower / p) the buyer surely gains E[v^K] - p v^M.
        var (from, to) = InsideGoodSupport(price);
        var inside = RateQuadrature.Integrate(u => Good.UpperPartialExpectation(price * Money.InverseCdf(u)), from, to);
        return inside + Good.Mean * from - price * MoneyBelow(Good.Lower / price);
    }

    /// <summary>
    /// The money quantiles (from, to) between which r Q_M(u) lies in the support of v^K: below,
    /// C = 0; above, C = 1.
    /// </summary>
    private (double From, double To) InsideGoodSupport(double rate)
    {
        if (rate <= 0)
        {
            return (0, 1);
        }

        var from = Money.Cdf(Good.Lower / rate);
        var to = double.IsPositiveInfinity(Good.Upper) ? 1 : Money.Cdf(Good.Upper / rate);
        return (from, Math.Max(from, to));
    }

    /// <summary>E[v^M 1{U_M &gt; to}] = E[v^M 1{v^M &gt; t}] = E[(v^M - t)^+] + t P(v^M &gt; t).</summary>
    private double MoneyAbove(double threshold, double to) =>
        to >= 1 ? 0 : Money.UpperPartialExpectation(threshold) + threshold * (1 - Money.Cdf(threshold));

    /// <summary>E[v^M 1{v^M &lt;= s}] = s F_M(s) - E[(s - v^M)^+].</summary>
    private double MoneyBelow(double threshold) =>
        threshold <= Money.Lower ? 0 : threshold * Money.Cdf(threshold) - Money.LowerPartialExpectation(threshold);

    /// <summary>c(F_K(x) | u) f_K(x) Q_M(u)^power with x = r Q_M(u).</summary>
    private double DensityIntegrand(double rate, double u, int power)
    {
        var money = Money.InverseCdf(u);
        var good = rate * money;
        var density = Good.Density(good);
        if (density == 0)
        {
            return 0;
        }

        var copula = Copula.IsIndependent ? 1 : Copula.ConditionalDensity(Good.Cdf(good), u);
        return copula * density * (power == 1 ? money : money * money);
    }

    /// <summary>E[(p v^M - v^K)^+] = int_{r_j}^p WeightBelow(tau) d tau, split at the kinks of G.</summary>
    private double IntegrateWeightBelow(double price)
    {
        var total = 0.0;
        var start = Lower;
        foreach (var kink in kinks)
        {
            if (kink >= price)
            {
                break;
            }

            total += RateQuadrature.Integrate(WeightBelow, start, kink, gradeFrom: start == Lower, gradeTo: false);
            start = kink;
        }

        // WeightBelow behaves like a power of (tau - r_j) at the lowest rate only; elsewhere it is
        // smooth between kinks, so only that end is graded.
        return total + RateQuadrature.Integrate(WeightBelow, start, price, gradeFrom: start == Lower, gradeTo: false);
    }
}

using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;

namespace MarketSim.Core.Theory.RateLaws;

/// <summary>
/// The law of r = v^K / v^M for general marginals F_K, F_M coupled by a Gaussian copula (docs/theory.md §1.5).
/// Every quantity is one integral over the money quantile u = F_M(v^M) in (0, 1), where v^M = Q_M(u):
/// <code>
/// G(r)  = int_0^1 C(F_K(r Q_M(u)) | u) du                     (C(v|u) = v when independent)
/// g(r)  = int_0^1 c(F_K(r Q_M(u)) | u) f_K(r Q_M(u)) Q_M(u) du
/// lambda(r) = [int c f_K(r Q_M) Q_M^2 du] / g(r)              (= E[v^M | R = r])
/// </code>
/// Working in quantile space keeps the integrands finite when f_M vanishes or blows up; the integral
/// is split where r Q_M(u) leaves the support of v^K (beyond it C = 0 or 1 in closed form), and each
/// piece is integrated by double-exponential quadrature, which tolerates end singularities (power
/// laws with beta != 1, Pareto tails). Surpluses are int_0^1 E[(p Q_M(u) - v^K)^+ | U_M = u] du: with
/// the independent copula the inner expectation is the closed-form partial expectation of v^K; with
/// the Gaussian copula it is a fixed Gauss-Legendre rule in the good's normal score (a few ms per
/// call). Where the integrand grows with v^M (unbounded money) the other side is computed and
/// E[(v^K - p v^M)^+] - E[(p v^M - v^K)^+] = E[v^K] - p E[v^M] gives the surplus.
/// Support: [K.Lower / M.Upper, K.Upper / M.Lower]; Upper is +infinity when v^K is unbounded or v^M
/// can be arbitrarily close to 0. Requires v^K &gt;= 0 and a non-degenerate v^K (see
/// <see cref="ConstantGoodRateLaw"/>); empirical marginals have no density, so g and lambda are not
/// defined for them. Measured accuracy (tests in Theory/RateLaws): uniform v^K with constant money,
/// any rho, 4e-12; 000 Section 7 (power v^K, Pareto v^M) |G - exact| &lt;= 6e-12, WeightBelow 1e-10
/// relative, lambda 7e-10 relative; lognormal pair under the Gaussian copula (exact normal law of
/// ln R, Margrabe surpluses) G, WeightBelow, surpluses &lt;= 2e-11, lambda 1e-10 relative.
/// Cost per call (Release): independent copula &lt; 1 ms for G, lambda, surpluses, ~0.5 ms per
/// quantile; Gaussian copula a few ms per call (~100 ms for a beta v^K, whose quantile is slow).
/// Immutable, so reads are thread-safe; construction does no numerical work.
/// </summary>
public sealed class TwoDimensionalRateLaw : IRateLaw
{
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
            // Unbounded money: the seller's integrand grows like p Q_M(u); the buyer's vanishes.
            return double.IsPositiveInfinity(Money.Upper)
                ? price * MeanParetoWeight - Good.Mean + CopulaSurplus(price, seller: false)
                : CopulaSurplus(price, seller: true);
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
            return CopulaSurplus(price, seller: false);
        }

        // Below the good's support (v^M < K.Lower / p) the buyer surely gains E[v^K] - p v^M.
        var (from, to) = InsideGoodSupport(price);
        var inside = RateQuadrature.Integrate(u => Good.UpperPartialExpectation(price * Money.InverseCdf(u)), from, to);
        return inside + Good.Mean * from - price * MoneyBelow(Good.Lower / price);
    }

    /// <summary>
    /// G(r), g(r), int c f_K Q_M^2 du (= lambda g) and M(r) = WeightBelow(r) in one quadrature pass
    /// (<see cref="RateQuadrature.IntegrateMany"/>): what a <see cref="Tabulation.TabulatedRateLaw"/> needs at
    /// each node, at about the cost of one integral. For a rate strictly inside the support.
    /// </summary>
    internal (double Cdf, double Density, double WeightedDensity, double WeightBelow) TabulationValues(double rate)
    {
        var (from, to) = InsideGoodSupport(rate);
        var bothUnbounded = to >= 1 && double.IsPositiveInfinity(Money.Upper);
        var values = RateQuadrature.IntegrateMany(
            (u, result) =>
            {
                var money = Money.InverseCdf(u);
                var good = rate * money;
                var goodCdf = Good.Cdf(good);
                var density = Good.Density(good);
                double conditional, copula;
                if (Copula.IsIndependent || goodCdf <= 0 || goodCdf >= 1)
                {
                    conditional = Copula.ConditionalCdf(goodCdf, u);
                    copula = density == 0 ? 0 : Copula.ConditionalDensity(goodCdf, u);
                }
                else
                {
                    // C(v | u) and c(v | u) share both normal scores: compute them once.
                    var scoreOfGood = Normal.InvCDF(0, 1, goodCdf);
                    var argument = (scoreOfGood - Copula.Correlation * Normal.InvCDF(0, 1, u)) / Copula.Residual;
                    conditional = Normal.CDF(0, 1, argument);
                    copula = Math.Exp(0.5 * (scoreOfGood * scoreOfGood - argument * argument)) / Copula.Residual;
                }

                result[0] = conditional;
                result[1] = copula * density * money;
                result[2] = copula * density * money * money;
                result[3] = bothUnbounded ? 0 : money * conditional;
            },
            4, from, to);
        var weightBelow = bothUnbounded ? WeightBelow(rate) : values[3] + MoneyAbove(Good.Upper / rate, to);
        return (values[0] + (1 - to), values[1], values[2], weightBelow);
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

    /// <summary>
    /// E[(p v^M - v^K)^+] (seller) or E[(v^K - p v^M)^+] (buyer) under the Gaussian copula:
    /// int_0^1 of the conditional expectation given U_M = u, split where p Q_M(u) leaves the
    /// support of v^K.
    /// </summary>
    private double CopulaSurplus(double price, bool seller)
    {
        var (from, to) = InsideGoodSupport(price);
        Func<double, double> integrand = u => ConditionalSurplus(price * Money.InverseCdf(u), u, seller);
        return RateQuadrature.Integrate(integrand, 0, from)
               + RateQuadrature.Integrate(integrand, from, to)
               + RateQuadrature.Integrate(integrand, to, 1);
    }

    /// <summary>
    /// E[(t - v^K)^+ | U_M = u] (seller) or E[(v^K - t)^+ | U_M = u]: given u, the good's normal
    /// score y = Phi^-1(U_K) is N(rho z_u, 1 - rho^2) and v^K = Q_K(Phi(y)). The smooth Gaussian
    /// integrand is cut at y* = Phi^-1(F_K(t)) (the kink) and at 9 standard deviations (mass 2e-19),
    /// split at the mode, and integrated by 24-point Gauss-Legendre on each side.
    /// </summary>
    private double ConditionalSurplus(double threshold, double u, bool seller)
    {
        var center = Copula.Correlation * Normal.InvCDF(0, 1, u);
        var spread = Copula.Residual;
        var below = Good.Cdf(threshold);
        var cut = below <= 0 ? double.NegativeInfinity : below >= 1 ? double.PositiveInfinity : Normal.InvCDF(0, 1, below);
        var low = center - 9 * spread;
        var high = center + 9 * spread;
        var (from, to) = seller ? (low, Math.Min(cut, high)) : (Math.Max(cut, low), high);
        if (!(to > from))
        {
            return 0;
        }

        Func<double, double> integrand = y =>
        {
            var good = Good.InverseCdf(Math.Min(Normal.CDF(0, 1, y), LargestBelowOne));
            var standardised = (y - center) / spread;
            return (seller ? threshold - good : good - threshold) * Math.Exp(-0.5 * standardised * standardised);
        };
        var scale = 1 / (spread * Math.Sqrt(2 * Math.PI));
        if (center > from && center < to)
        {
            return scale * (GaussLegendreRule.Integrate(integrand, from, center, 24) + GaussLegendreRule.Integrate(integrand, center, to, 24));
        }

        return scale * GaussLegendreRule.Integrate(integrand, from, to, 24);
    }

    private static readonly double LargestBelowOne = Math.BitDecrement(1.0);
}

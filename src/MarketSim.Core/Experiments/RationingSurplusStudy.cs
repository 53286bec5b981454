using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Core.Experiments;

/// <summary>
/// 001 Figure A.1 (Appendix A.2, "Why a factor of 2"): sellers' surplus from a price p against rationing at
/// p + epsilon with the quantity G_S(p) kept fixed, for sellers with rates r ~ U[0, 1] and v^M = 1 (unweighted
/// surplus, as the figure draws it). Plotted against the rate r, a seller's expected surplus is the triangle
/// ABC = (p - r)^+ at price p; rationing pays p + epsilon with probability G_S(p)/G_S(p + epsilon), the
/// triangle ABD = [G_S(p)/G_S(p + epsilon)] (p + epsilon - r)^+ (the seller of rate 0 is indifferent, so B is
/// common); without rationing p + epsilon would give AED = (p + epsilon - r)^+. The extra money paid is
/// epsilon G_S(p); rationing turns only half of it into surplus (ABD - ABC), the rest (BED) is lost to the
/// inefficient allocation, hence rationing pays iff lambda_S(0) &gt; 2 Lambda_S (docs/theory.md §1.6).
/// Areas use the law's <see cref="IRateLaw.SellerSurplus"/> and <see cref="IRateLaw.Cdf"/>, not the triangle formulas.
/// </summary>
public static class RationingSurplusStudy
{
    /// <summary>The price p of the picture.</summary>
    public const double Price = 0.4;

    /// <summary>The price increments: the first is drawn, the others show the limit epsilon -&gt; 0.</summary>
    public static readonly IReadOnlyList<double> Epsilons = [0.2, 0.1, 0.05, 0.01, 0.001];

    /// <summary>Sellers' rates U[0, 1] with v^M = 1: lambda_S = 1, so surplus is unweighted.</summary>
    public static IRateLaw SellerLaw() => RateLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1)));

    /// <summary>The areas for each epsilon; <paramref name="sellers"/> (default <see cref="SellerLaw"/>) needs v^M = 1 for
    /// the areas to be unweighted surplus. With another law the factor 2 holds in the limit p, epsilon -&gt; 0 (001 A.2).</summary>
    public static IReadOnlyList<RationingSurplusPoint> Compute(double price, IReadOnlyList<double> epsilons, IRateLaw? sellers = null)
    {
        var law = sellers ?? SellerLaw();
        return epsilons.Select(epsilon =>
        {
            double raised = price + epsilon;
            double coefficient = law.Cdf(price) / law.Cdf(raised);
            double atPrice = law.SellerSurplus(price);
            double unrationed = law.SellerSurplus(raised);
            double rationed = coefficient * unrationed;
            double extraCost = raised * law.Cdf(price) - price * law.Cdf(price);
            return new RationingSurplusPoint(price, epsilon, coefficient, atPrice, rationed, unrationed, extraCost);
        }).ToArray();
    }
}

/// <summary>
/// One epsilon: the rationing coefficient G_S(p)/G_S(p + epsilon), the surplus areas ABC (price p), ABD
/// (rationing at p + epsilon) and AED (p + epsilon without rationing), and the extra money epsilon G_S(p).
/// </summary>
public sealed record RationingSurplusPoint(
    double Price, double Epsilon, double RationingCoefficient, double SurplusAtPrice, double SurplusRationed, double SurplusUnrationed, double ExtraCost)
{
    /// <summary>ABD - ABC: the surplus rationing adds.</summary>
    public double GainRationed => SurplusRationed - SurplusAtPrice;

    /// <summary>AED - ABC: the surplus p + epsilon would add without rationing.</summary>
    public double GainUnrationed => SurplusUnrationed - SurplusAtPrice;

    /// <summary>AED - ABD (the triangle BED): surplus lost to rationing.</summary>
    public double LostToRationing => SurplusUnrationed - SurplusRationed;

    /// <summary>Lost / unrationed gain: (p + epsilon)/(2p + epsilon) for uniform sellers, 1/2 in the limit.</summary>
    public double LostShare => LostToRationing / GainUnrationed;

    /// <summary>Extra cost / rationed gain: rationing pays iff lambda_S(0)/Lambda_S exceeds it (2 for uniform sellers).</summary>
    public double BreakEvenWeightRatio => ExtraCost / GainRationed;
}

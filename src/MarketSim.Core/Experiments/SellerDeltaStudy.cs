using MarketSim.Core.Theory.Diagnostics;
using MarketSim.Core.Theory.RateLaws;
using MathNet.Numerics.Integration;

namespace MarketSim.Core.Experiments;

/// <summary>
/// 000 Figure A.1 (Appendix A.2): the same-side inequality measure
/// <c>Delta_S(p) = int_{r_S}^p (lambdabar_S - 1) dG_S / g_S(p)</c> (docs/theory.md §1.1) for sellers with
/// v^K ~ U[0,1] and v^M ~ Pareto(1, alpha), alpha &gt; 2, so r = v^K / v^M lies in [0, 1]. The paper reads the
/// area below the curve as a compact measure of same-side inequality: the curves are concave (a sufficient
/// condition for 000 Assumption 1) and the area is larger for smaller alpha (a fatter tail of poor sellers).
/// Delta_S is computed by <see cref="InequalityMeasures.SellerDelta"/> on the Section 7 law with beta = 1
/// (<see cref="PowerParetoSellerRateLaw"/>), the same code <c>solve</c>'s diagnostics use.
/// </summary>
public static class SellerDeltaStudy
{
    /// <summary>The tail parameters drawn (the paper's values are not printed; it asks for alpha &gt; 2).</summary>
    public static readonly IReadOnlyList<double> PaperAlphas = [2.5, 3.0, 4.0, 6.0];

    /// <summary>One curve per alpha on <paramref name="points"/> evenly spaced prices from 0 to 1 inclusive.</summary>
    public static IReadOnlyList<SellerDeltaCurve> Curves(IReadOnlyList<double> alphas, int points)
    {
        var prices = MechanismMapStudy.Grid(0.0, 1.0, points);
        return alphas.Select(alpha =>
        {
            var law = new PowerParetoSellerRateLaw(alpha, 1.0);
            var deltas = prices.Select(p => Delta(law, p)).ToArray();
            // Gauss-Legendre nodes are interior, so the 0/0 at p = 1 is never evaluated.
            var area = GaussLegendreRule.Integrate(p => Delta(law, p), 0.0, 1.0, 128);
            return new SellerDeltaCurve(alpha, prices, deltas, area);
        }).ToArray();
    }

    /// <summary>Delta_S(p), with its limit 0 at the ends of the support (000 Appendix A.2: g_S(1) = 0 and the integral vanish together).</summary>
    public static double Delta(PowerParetoSellerRateLaw law, double price) =>
        price <= law.Lower || price >= law.Upper ? 0.0 : InequalityMeasures.SellerDelta(law, price);
}

/// <summary>Delta_S on a price grid for one Pareto tail parameter alpha, and the area below it on [0, 1].</summary>
public sealed record SellerDeltaCurve(double Alpha, IReadOnlyList<double> Prices, IReadOnlyList<double> Deltas, double Area);

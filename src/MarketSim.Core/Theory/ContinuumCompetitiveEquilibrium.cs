using MathNet.Numerics.Integration;

namespace MarketSim.Core.Theory;

/// <summary>
/// The competitive equilibrium of the continuum economy: the price p_CE with
/// mu (1 - G_B(p)) = G_S(p) (docs/theory.md §1.2), its volume and welfare (docs/theory.md §1.1).
/// </summary>
public static class ContinuumCompetitiveEquilibrium
{
    // Gauss-Legendre order for the gains-from-trade integrals of a CDF (smooth inside the support).
    private const int QuadratureOrder = 128;

    /// <summary>
    /// Solves the continuum CE. Excess demand E(p) = mu (1 - G_B(p)) - G_S(p) is non-increasing, so
    /// the clearing prices form an interval [inf{E &lt;= 0}, sup{E &gt;= 0}]; both ends are found by
    /// bisection on the sign of E, which also copes with atoms and flat stretches. The interval is a
    /// point unless both G_B and G_S are flat there: supports that do not overlap (no trade, interval
    /// [rbar_B, r_S]) or, with mu = 1, every seller below every buyer (interval [rbar_S, r_B]).
    /// p_CE is its midpoint, as the finite market's default rule (docs/theory.md §2).
    /// </summary>
    public static ContinuumCompetitiveEquilibriumResult Solve(ContinuumMarket market)
    {
        ArgumentNullException.ThrowIfNull(market);
        var mu = market.BuyersPerSeller;
        if (!(mu > 0) || double.IsInfinity(mu))
        {
            throw new ArgumentOutOfRangeException(nameof(market), mu, "buyers per seller must be positive and finite");
        }

        var buyers = market.Buyers;
        var sellers = market.Sellers;

        // A bracket strictly outside both supports: E = mu > 0 below it and E = -1 < 0 above it.
        var bottom = Math.Min(buyers.Lower, sellers.Lower);
        var top = Math.Max(buyers.Upper, sellers.Upper);
        if (!double.IsFinite(bottom) || !double.IsFinite(top))
        {
            // An unbounded bracket has no midpoint (the bisection would never end): RateLawFactory.Create
            // truncates unbounded rates at a documented tail mass (docs/theory.md §1.2).
            throw new ArgumentException(
                $"the continuum CE needs rates with a bounded support, found [{bottom}, {top}]; build the laws with RateLawFactory.Create", nameof(market));
        }

        var margin = Math.Max(1.0, top - bottom);
        bottom -= margin;
        top += margin;

        double ExcessDemand(double price) => (mu * (1 - buyers.Cdf(price))) - sellers.Cdf(price);

        var low = EdgeOf(price => ExcessDemand(price) > 0, bottom, top);
        var high = EdgeOf(price => ExcessDemand(price) >= 0, bottom, top);
        if (high < low)
        {
            high = low; // the two ends of a point interval may land an ulp apart
        }

        var price = 0.5 * (low + high);
        var buyerWelfare = mu * buyers.BuyerSurplus(price);
        var sellerWelfare = sellers.SellerSurplus(price);
        var gains = (mu * RateAbove(buyers, price)) - RateBelow(sellers, price);
        return new ContinuumCompetitiveEquilibriumResult(
            price, sellers.Cdf(price), buyerWelfare + sellerWelfare, buyerWelfare, sellerWelfare, low, high, gains);
    }

    /// <summary>
    /// The point where a predicate, true at <paramref name="from"/> and false at <paramref name="to"/>
    /// and monotone in between, turns false, to one ulp. Hand-written because MathNet's Bisection
    /// (5.0) only stops where |f| &lt;= accuracy, which never happens at a jump (an atom) and stops
    /// anywhere inside a flat zero stretch, whose ends are what we want.
    /// </summary>
    private static double EdgeOf(Func<double, bool> holds, double from, double to)
    {
        // Each step halves a finite bracket, so about 2100 steps reach adjacent doubles from any bracket.
        for (var step = 0; step < MaximumBisections; step++)
        {
            var middle = 0.5 * (from + to);
            if (middle <= from || middle >= to)
            {
                return middle;
            }

            if (holds(middle))
            {
                from = middle;
            }
            else
            {
                to = middle;
            }
        }

        return 0.5 * (from + to);
    }

    private const int MaximumBisections = 4096;

    /// <summary>
    /// E[R 1{R &gt;= p}] = int_a^rbar tau dG = rbar - a G(a) - int_a^rbar G, a = max(p, r) (by parts).
    /// </summary>
    private static double RateAbove(IRateLaw law, double price)
    {
        if (price >= law.Upper)
        {
            return 0;
        }

        var from = Math.Max(price, law.Lower);
        if (law is IPartialMeanRateLaw table)
        {
            return table.RateBelow(table.Upper) - table.RateBelow(from); // closed form on the table
        }

        return law.Upper - (from * law.Cdf(from)) - Integrate(law.Cdf, from, law.Upper);
    }

    /// <summary>E[R 1{R &lt;= p}] = int_r^c tau dG = c G(c) - int_r^c G, c = min(p, rbar) (by parts).</summary>
    private static double RateBelow(IRateLaw law, double price)
    {
        if (price < law.Lower)
        {
            return 0;
        }

        var to = Math.Min(price, law.Upper);
        if (law is IPartialMeanRateLaw table)
        {
            return table.RateBelow(to);
        }

        return (to * law.Cdf(to)) - Integrate(law.Cdf, law.Lower, to);
    }

    private static double Integrate(Func<double, double> function, double from, double to) =>
        to > from ? GaussLegendreRule.Integrate(function, from, to, QuadratureOrder) : 0;
}

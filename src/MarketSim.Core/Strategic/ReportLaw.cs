using MarketSim.Core.Theory;

namespace MarketSim.Core.Strategic;

/// <summary>
/// The law of one side's reports when every trader of that side reports b(r) with r from the side's
/// rate law and b strictly increasing and piecewise linear on a type grid (docs/theory.md §2.4):
/// P(b(R) &lt;= x) = G(b^{-1}(x)) and density g(b^{-1}(x)) / b'(b^{-1}(x)). The density is exact at the
/// midpoint of every grid segment (the segment's own slope) and interpolated linearly in the type between
/// midpoints (constant beyond the outer ones), so it is continuous in x and in the bids (Newton's method
/// needs residuals without jumps) and it sees every segment's slope: central differences at the grid
/// points would be blind to bids zig-zagging from point to point, which stalled Newton's method.
/// <para>Beyond the grid (docs/theory.md §2.4) the traders on the side that cannot trade report
/// truthfully: buyers below the grid, sellers above it, so P(b(R) &lt;= x) = G(x) there (continuous
/// because the grid's end report is truthful). On the other end every type beyond the grid reports the
/// end report (the pool of the corner, an atom): buyers above the grid bid the highest ask, sellers below
/// it ask the lowest bid; where the grid reaches the support's end that end is simply the last report.</para>
/// </summary>
internal sealed class ReportLaw
{
    private readonly double[] types;
    private readonly double[] bids;
    private readonly double[] midpoints;
    private readonly double[] densities;
    private readonly IRateLaw law;
    private readonly bool truthfulBelow;

    /// <param name="truthfulBelow">true for buyers (truthful below the grid, pooled above), false for sellers (pooled below, truthful above).</param>
    public ReportLaw(double[] types, double[] bids, IRateLaw law, bool truthfulBelow)
    {
        this.truthfulBelow = truthfulBelow;
        this.types = types;
        this.bids = bids;
        this.law = law;
        midpoints = new double[types.Length - 1];
        densities = new double[types.Length - 1];
        for (var i = 0; i < midpoints.Length; i++)
        {
            midpoints[i] = 0.5 * (types[i] + types[i + 1]);
            densities[i] = law.Density(midpoints[i]) * (types[i + 1] - types[i]) / (bids[i + 1] - bids[i]);
        }
    }

    /// <summary>
    /// P(b(R) &lt;= x) and the density of b(R) at x (the rate density where the reports are truthful, 0
    /// where there are none), with one inversion of b: the first-order conditions need both at every point.
    /// </summary>
    public (double Cdf, double Density) At(double x)
    {
        if (x < bids[0])
        {
            return (truthfulBelow ? law.Cdf(Math.Min(x, types[0])) : 0.0, truthfulBelow && x < types[0] ? law.Density(x) : 0.0);
        }

        var cdfAbove = truthfulBelow ? 1.0 : law.Cdf(Math.Max(x, types[^1]));
        if (x > bids[^1])
        {
            return (cdfAbove, !truthfulBelow && x > types[^1] ? law.Density(x) : 0.0);
        }

        // At the highest report the pool above it (if any) counts in the CDF; the density is the grid's.
        var type = Invert(x);
        return (x >= bids[^1] ? cdfAbove : law.Cdf(type), DensityAt(type));
    }

    /// <summary>The report density at the report of <paramref name="type"/>: exact at segment midpoints, linear in the type between them.</summary>
    private double DensityAt(double type)
    {
        if (type <= midpoints[0])
        {
            return densities[0];
        }

        if (type >= midpoints[^1])
        {
            return densities[^1];
        }

        var upper = Array.BinarySearch(midpoints, type);
        if (upper >= 0)
        {
            return densities[upper];
        }

        upper = ~upper;
        var weight = (type - midpoints[upper - 1]) / (midpoints[upper] - midpoints[upper - 1]);
        return densities[upper - 1] + (weight * (densities[upper] - densities[upper - 1]));
    }

    /// <summary>b^{-1}(x) for x in the range of b, linear on each grid segment.</summary>
    private double Invert(double x)
    {
        var index = Array.BinarySearch(bids, x);
        if (index >= 0)
        {
            return types[index];
        }

        var upper = Math.Min(~index, bids.Length - 1);
        var lower = upper - 1;
        var weight = (x - bids[lower]) / (bids[upper] - bids[lower]);
        return types[lower] + (weight * (types[upper] - types[lower]));
    }
}

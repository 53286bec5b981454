namespace MarketSim.Core.Strategic;

/// <summary>
/// A side's bid (buyers) or ask (sellers) as a function of the rate of substitution: piecewise
/// linear on a type grid, non-decreasing, constant beyond the grid's ends.
/// </summary>
public sealed class BidFunction
{
    private readonly double[] types;
    private readonly double[] bids;

    public BidFunction(IReadOnlyList<double> types, IReadOnlyList<double> bids)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(bids);
        if (types.Count < 2 || types.Count != bids.Count)
        {
            throw new ArgumentException("a bid function needs at least two grid points and one bid per type", nameof(bids));
        }

        this.types = types.ToArray();
        this.bids = bids.ToArray();
    }

    public IReadOnlyList<double> Types => types;

    public IReadOnlyList<double> Bids => bids;

    /// <summary>Truthful reporting on the grid: b(r) = r.</summary>
    public static BidFunction Truthful(IReadOnlyList<double> types) => new(types, types);

    /// <summary>The report of an agent of rate <paramref name="rate"/>.</summary>
    public double At(double rate)
    {
        if (rate <= types[0])
        {
            return bids[0] + (rate - types[0]);
        }

        if (rate >= types[^1])
        {
            return bids[^1] + (rate - types[^1]);
        }

        var upper = Array.BinarySearch(types, rate);
        if (upper >= 0)
        {
            return bids[upper];
        }

        upper = ~upper;
        var lower = upper - 1;
        var weight = (rate - types[lower]) / (types[upper] - types[lower]);
        return bids[lower] + (weight * (bids[upper] - bids[lower]));
    }

    /// <summary>Largest |b(r) - r| over the grid: the maximal shading.</summary>
    public double MaximalShading() => types.Zip(bids, (type, bid) => Math.Abs(bid - type)).Max();
}

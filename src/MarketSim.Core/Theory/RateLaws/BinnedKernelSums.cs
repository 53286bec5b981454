using MarketSim.Core.Numerics;
using MathNet.Numerics.Distributions;

namespace MarketSim.Core.Theory.RateLaws;

/// <summary>
/// The kernel sums of <see cref="SmoothedJointRateLaw"/> for many rows, in time independent of their number
/// (docs/theory.md §1.5, "Joint data"). The rows are linearly binned in ln r (Wand 1994; each row's mass,
/// and its v^M, is split between the two grid points around its log rate in proportion to the distance,
/// which keeps every row's mass and mean log rate), and a sum at a rate visits only the grid points
/// whose kernel is not saturated: those more than <see cref="ScoreCutoff"/> bandwidths below count in full
/// (prefix sums), those as far above not at all. With grid width w = h / <see cref="GridPointsPerBandwidth"/>
/// the binning moves G, M and K by at most 0.03 (w/h)^2 = 7.4e-6 of their totals (the second derivative of
/// Phi((x - c) / h) in c is at most phi(1) / h^2; linear binning errs by w^2 / 8 times it) and the density
/// by at most 0.05 (w/h)^2 / h of the mass; the cut-off adds Phi(-9) = 1.1e-19.
/// </summary>
internal sealed class BinnedKernelSums
{
    /// <summary>Kernel scores beyond +-9 are saturated: Phi(-9) = 1.1e-19 is below double rounding of the sums.</summary>
    public const double ScoreCutoff = 9;

    /// <summary>Grid points per bandwidth: the binning error of G, M, K is at most 0.03 / 64^2 = 7.4e-6.</summary>
    public const int GridPointsPerBandwidth = 64;

    /// <summary>A log weight this far below the largest term (exp(-40) = 4e-18) cannot move a ratio of sums.</summary>
    private const double NegligibleLogWeight = 40;

    private readonly double bandwidth;
    private readonly double[] positions;
    private readonly double[][] weights;
    private readonly double[][] weightsBelow;

    private BinnedKernelSums(double bandwidth, double[] positions, double[] counts, double[] moneys, double[] goods)
    {
        this.bandwidth = bandwidth;
        this.positions = positions;
        weights = [counts, moneys, goods];
        weightsBelow = [.. weights.Select(PrefixSums)];
    }

    /// <summary>The rows' count, v^M and v^K masses carried by the grid points (v^K = e^x v^M at each point).</summary>
    public enum Weight
    {
        Count = 0,
        Money = 1,
        Good = 2,
    }

    /// <summary>Total of a weight over all grid points.</summary>
    public double Total(Weight weight) => weightsBelow[(int)weight][^1];

    /// <summary>The lowest grid point's v^M per unit of mass: the Pareto weight as r -> 0.</summary>
    public double LowestParetoWeight => weights[(int)Weight.Money][0] / weights[(int)Weight.Count][0];

    /// <summary>Bins rows with log rates <paramref name="logRates"/> and values of money <paramref name="moneys"/>.</summary>
    public static BinnedKernelSums Bin(IReadOnlyList<double> logRates, IReadOnlyList<double> moneys, double bandwidth)
    {
        var width = bandwidth / GridPointsPerBandwidth;
        var origin = logRates.Min();
        var masses = new Dictionary<long, (double Count, double Money)>();
        void Add(long point, double share, double money)
        {
            var (count, moneyMass) = masses.GetValueOrDefault(point);
            masses[point] = (count + share, moneyMass + (share * money));
        }

        for (var row = 0; row < logRates.Count; row++)
        {
            var position = (logRates[row] - origin) / width;
            var below = (long)Math.Floor(position);
            var upperShare = position - below;
            Add(below, 1 - upperShare, moneys[row]);
            Add(below + 1, upperShare, moneys[row]);
        }

        var points = masses.Keys.Where(point => masses[point].Count > 0).Order().ToArray();
        var grid = points.Select(point => origin + (point * width)).ToArray();
        var counts = points.Select(point => masses[point].Count).ToArray();
        var moneyMasses = points.Select(point => masses[point].Money).ToArray();
        // v^K = R v^M: the point's good mass is e^x times its money mass, so K'(r) = r M'(r) holds exactly.
        var goods = grid.Select((position, j) => Math.Exp(position) * moneyMasses[j]).ToArray();
        return new BinnedKernelSums(bandwidth, grid, counts, moneyMasses, goods);
    }

    /// <summary>
    /// Sum over grid points of weight_j Phi(z_j - shift), z_j = (ln r - x_j + h^2/2) / h: the smoothed law's
    /// G, M (shift 0) and K (shift h), times the number of rows.
    /// </summary>
    public double CumulativeSum(double logRate, Weight weight, double shift)
    {
        var centre = logRate + (0.5 * bandwidth * bandwidth) - (shift * bandwidth);
        var fullEnd = SortedSearch.LowerBound(positions, centre - (ScoreCutoff * bandwidth));
        var windowEnd = SortedSearch.UpperBound(positions, centre + (ScoreCutoff * bandwidth));
        var mass = weights[(int)weight];
        var sum = weightsBelow[(int)weight][fullEnd];
        for (var j = fullEnd; j < windowEnd; j++)
        {
            sum += mass[j] * Normal.CDF(0, 1, (centre - positions[j]) / bandwidth);
        }

        return sum;
    }

    /// <summary>Sum over grid points of count_j phi(z_j): the density g(r) times n h r.</summary>
    public double DensitySum(double logRate)
    {
        var centre = logRate + (0.5 * bandwidth * bandwidth);
        var start = SortedSearch.LowerBound(positions, centre - (ScoreCutoff * bandwidth));
        var end = SortedSearch.UpperBound(positions, centre + (ScoreCutoff * bandwidth));
        var counts = weights[(int)Weight.Count];
        var sum = 0.0;
        for (var j = start; j < end; j++)
        {
            var z = (centre - positions[j]) / bandwidth;
            sum += counts[j] * Math.Exp(-0.5 * z * z);
        }

        return sum / Math.Sqrt(2 * Math.PI);
    }

    /// <summary>
    /// lambda(r) = [sum money_j phi(z_j)] / [sum count_j phi(z_j)], over the grid points near the kernel's
    /// centre: the nearest one sets the scale, and points whose log weight is 40 below it are left out, so
    /// far tails neither underflow nor give 0/0.
    /// </summary>
    public double ParetoWeight(double logRate)
    {
        var centre = logRate + (0.5 * bandwidth * bandwidth);
        var next = Math.Min(SortedSearch.LowerBound(positions, centre), positions.Length - 1);
        var nearest = next > 0 && centre - positions[next - 1] < Math.Abs(positions[next] - centre) ? next - 1 : next;
        var nearestScore = (centre - positions[nearest]) / bandwidth;
        var radius = bandwidth * Math.Sqrt((nearestScore * nearestScore) + (2 * NegligibleLogWeight));
        var start = SortedSearch.LowerBound(positions, centre - radius);
        var end = SortedSearch.UpperBound(positions, centre + radius);
        var counts = weights[(int)Weight.Count];
        var moneys = weights[(int)Weight.Money];
        double weighted = 0, total = 0;
        for (var j = start; j < end; j++)
        {
            var z = (centre - positions[j]) / bandwidth;
            var kernel = Math.Exp(-0.5 * ((z * z) - (nearestScore * nearestScore)));
            weighted += moneys[j] * kernel;
            total += counts[j] * kernel;
        }

        return weighted / total;
    }

    private static double[] PrefixSums(double[] values)
    {
        var sums = new double[values.Length + 1];
        for (var j = 0; j < values.Length; j++)
        {
            sums[j + 1] = sums[j] + values[j];
        }

        return sums;
    }
}

using System.Globalization;
using MarketSim.Cli.Scenarios;
using MarketSim.Core.Random;

namespace MarketSim.Cli.Sweep;

/// <summary>
/// The points of a sweep: the full grid (the first <c>--set</c> varies slowest) or a Latin hypercube of
/// N points (each axis cut into N equal strata, each stratum used by exactly one point, a uniform
/// position inside it). The hypercube's permutations and positions come from the scenario seed via
/// MarketSim.Core.Random streams (docs/theory.md §6), one stream per axis: the same seed gives the same points.
/// </summary>
internal static class SweepDesign
{
    public const string LatinHypercubePurpose = "sweep:latin-hypercube";

    public static IReadOnlyList<double[]> Grid(IReadOnlyList<SweepAxis> axes)
    {
        // Counted before any point is made: a step of 1e-7 over [0, 3] is 3e7 points, refused at once.
        var total = axes.Aggregate(1.0, (product, axis) => product * axis.GridCount());
        if (total > InputLimits.MaxSweepPoints)
        {
            throw new InvalidInputException(
                "(command line)", "--set", $"the grid has {total.ToString("G3", CultureInfo.InvariantCulture)} points, more than the limit of {InputLimits.MaxSweepPoints}: use a larger step, or --sample latin-hypercube:N");
        }

        IReadOnlyList<double[]> points = [[]];
        foreach (var axis in axes)
        {
            var values = axis.GridValues();
            points = points.SelectMany(point => values.Select(value => (double[])[.. point, value])).ToArray();
        }

        return points;
    }

    public static IReadOnlyList<double[]> LatinHypercube(IReadOnlyList<SweepAxis> axes, int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var points = Enumerable.Range(0, count).Select(_ => new double[axes.Count]).ToArray();
        for (var dimension = 0; dimension < axes.Count; dimension++)
        {
            var stream = new RandomStream(StreamKey.ForPurpose(seed, 0, LatinHypercubePurpose, dimension));
            var strata = Enumerable.Range(0, count).ToArray();
            for (var i = count - 1; i > 0; i--)
            {
                var j = stream.NextInt(i + 1); // Fisher-Yates
                (strata[i], strata[j]) = (strata[j], strata[i]);
            }

            var axis = axes[dimension];
            for (var i = 0; i < count; i++)
            {
                points[i][dimension] = axis.From + (axis.To - axis.From) * (strata[i] + stream.NextUniform()) / count;
            }
        }

        return points;
    }

    /// <summary>
    /// The design in one canonical line (axes as parsed, <c>--sample</c>, <c>--simulate</c>): with the scenario
    /// file and its seed it fixes every point and its rows, so a sweep's journal is bound to it.
    /// </summary>
    public static string Describe(IReadOnlyList<SweepAxis> axes, string? sample, bool simulate)
    {
        static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        var words = axes.Select(axis => $"--set {axis.Path}={Number(axis.From)}:{Number(axis.To)}{(axis.Step is { } step ? ":" + Number(step) : string.Empty)}").ToList();
        if (sample is not null)
        {
            words.Add("--sample " + sample);
        }

        if (simulate)
        {
            words.Add("--simulate");
        }

        return string.Join(' ', words);
    }

    /// <summary>The stratum (0..count-1) a value of the axis falls in.</summary>
    public static int Stratum(SweepAxis axis, double value, int count) =>
        Math.Clamp((int)Math.Floor((value - axis.From) / (axis.To - axis.From) * count), 0, count - 1);
}

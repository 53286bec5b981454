using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace MarketSim.Core.Stress;

/// <summary>
/// The fit log(margin) = a + b log(N_S) over the population sizes with a positive safety margin
/// (a cut is needed there; margins below <see cref="MinimumMargin"/> are the rounding noise of a
/// balanced budget, e.g. 1e-15 for a single price, and are left out). Theory: the budget surplus of a wedge fluctuates like sqrt(N)/N
/// (binomial counts of traders), so b = -1/2 (issue 8). <c>Points</c> = sizes used; the slope's
/// 95% interval is b +- t_{0.975, n-2} se(b) with the residual standard error (NaN if n &lt; 3).
/// </summary>
public sealed record MarginScaling(
    string Mechanism, double Intercept, double Exponent, double ExponentLow, double ExponentHigh, int Points)
{
    /// <summary>Margins at or below this (money per agent) are floating-point noise, not a needed cut.</summary>
    public const double MinimumMargin = 1e-9;

    public static MarginScaling Fit(string mechanism, IReadOnlyList<(int Sellers, double Margin)> margins)
    {
        ArgumentNullException.ThrowIfNull(margins);
        var points = margins.Where(point => point.Margin > MinimumMargin && double.IsFinite(point.Margin)).ToArray();
        if (points.Length < 2)
        {
            return new MarginScaling(mechanism, double.NaN, double.NaN, double.NaN, double.NaN, points.Length);
        }

        var x = points.Select(point => Math.Log(point.Sellers)).ToArray();
        var y = points.Select(point => Math.Log(point.Margin)).ToArray();
        var (intercept, slope) = MathNet.Numerics.Fit.Line(x, y);
        if (points.Length < 3)
        {
            return new MarginScaling(mechanism, intercept, slope, double.NaN, double.NaN, points.Length);
        }

        var meanX = x.Average();
        var sxx = x.Sum(value => (value - meanX) * (value - meanX));
        var residuals = x.Select((value, i) => y[i] - (intercept + (slope * value))).Sum(residual => residual * residual);
        var standardError = Math.Sqrt(residuals / (points.Length - 2) / sxx);
        var t = StudentT.InvCDF(0, 1, points.Length - 2, 0.975);
        return new MarginScaling(mechanism, intercept, slope, slope - (t * standardError), slope + (t * standardError), points.Length);
    }
}

namespace MarketSim.Core.Theory.RateLaws;

/// <summary>
/// One piece of a cubic Hermite interpolant on [a, a + h]: values f0, f1 and slopes d0, d1 at the ends
/// (docs/theory.md §1.5: the tabulated G_j and int lambda_j dG_j are C^1 in r, so exact slopes g_j and
/// lambda_j g_j give fourth-order accuracy). A piece whose slopes are not finite (a density that blows up
/// at an end of the support) is linear. Everything is closed form in s = (x - a) / h.
/// </summary>
internal readonly record struct HermiteSegment(double Start, double Width, double F0, double F1, double D0, double D1, bool Linear)
{
    public static HermiteSegment Create(double start, double end, double f0, double f1, double d0, double d1)
    {
        var width = end - start;
        var linear = !double.IsFinite(d0) || !double.IsFinite(d1) || !(width > 0);
        return new HermiteSegment(start, width, f0, f1, linear ? 0 : d0, linear ? 0 : d1, linear);
    }

    private double Fraction(double x) => Width > 0 ? Math.Clamp((x - Start) / Width, 0, 1) : 0;

    public double Value(double x)
    {
        var s = Fraction(x);
        if (Linear)
        {
            return F0 + s * (F1 - F0);
        }

        var s2 = s * s;
        var s3 = s2 * s;
        return (2 * s3 - 3 * s2 + 1) * F0 + (s3 - 2 * s2 + s) * Width * D0 + (-2 * s3 + 3 * s2) * F1 + (s3 - s2) * Width * D1;
    }

    public double Slope(double x)
    {
        if (Linear)
        {
            return Width > 0 ? (F1 - F0) / Width : 0;
        }

        var s = Fraction(x);
        var s2 = s * s;
        return ((6 * s2 - 6 * s) * F0 + (3 * s2 - 4 * s + 1) * Width * D0 + (-6 * s2 + 6 * s) * F1 + (3 * s2 - 2 * s) * Width * D1) / Width;
    }

    /// <summary>int_a^x of the interpolant (exact for the cubic).</summary>
    public double IntegralTo(double x)
    {
        var t = Fraction(x);
        if (Linear)
        {
            return Width * (F0 * t + 0.5 * t * t * (F1 - F0));
        }

        var t2 = t * t;
        var t3 = t2 * t;
        var t4 = t3 * t;
        return Width * ((0.5 * t4 - t3 + t) * F0 + (0.25 * t4 - 2.0 / 3.0 * t3 + 0.5 * t2) * Width * D0
                        + (-0.5 * t4 + t3) * F1 + (0.25 * t4 - t3 / 3.0) * Width * D1);
    }

    /// <summary>
    /// A point of [a, a + h] where the interpolant equals <paramref name="target"/> (F0 &lt;= target &lt;= F1):
    /// bisection on the sign, at most 200 halvings (each halves the bracket; 64 already reach one ulp).
    /// </summary>
    public double Solve(double target)
    {
        if (Linear)
        {
            return F1 > F0 ? Start + Width * Math.Clamp((target - F0) / (F1 - F0), 0, 1) : Start;
        }

        double low = Start, high = Start + Width;
        for (var step = 0; step < 200; step++)
        {
            var middle = 0.5 * (low + high);
            if (middle <= low || middle >= high)
            {
                break;
            }

            if (Value(middle) < target)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return 0.5 * (low + high);
    }
}

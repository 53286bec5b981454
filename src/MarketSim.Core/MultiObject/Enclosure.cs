namespace MarketSim.Core.MultiObject;

/// <summary>
/// An interval [Lower, Upper] known to contain an exact rational, with endpoints rounded outward to
/// about 128 significant bits (interval arithmetic). With N objects the exact coefficients of the
/// multi-object LP have about 54 N bits (docs/theory.md §3), so a product or quotient of them costs
/// milliseconds at N = 1000; their enclosures cost microseconds. A double derived from an exact value
/// is read off its enclosure when both ends round to the same double (rounding is monotone, so the
/// exact value rounds there too), else computed exactly: the result is the exact path's either way.
/// </summary>
internal readonly record struct Enclosure(Fraction Lower, Fraction Upper)
{
    /// <summary>Significant bits kept per endpoint: 75 beyond a double's, so nearly every rounding is decided.</summary>
    private const int Precision = 128;

    /// <summary>The tightest enclosure of <paramref name="value"/> at this precision (the point itself when it fits).</summary>
    public static Enclosure Of(Fraction value) => new(value.Round(Precision, up: false), value.Round(Precision, up: true));

    public static Enclosure operator +(Enclosure left, Enclosure right) =>
        Outward(left.Lower + right.Lower, left.Upper + right.Upper);

    public static Enclosure operator -(Enclosure left, Enclosure right) =>
        Outward(left.Lower - right.Upper, left.Upper - right.Lower);

    public static Enclosure operator *(Enclosure left, Enclosure right)
    {
        var a = left.Lower * right.Lower;
        var b = left.Lower * right.Upper;
        var c = left.Upper * right.Lower;
        var d = left.Upper * right.Upper;
        return Outward(Fraction.Min(Fraction.Min(a, b), Fraction.Min(c, d)), Max(Max(a, b), Max(c, d)));
    }

    /// <summary>Quotient by a strictly positive enclosure.</summary>
    public static Enclosure operator /(Enclosure left, Enclosure right)
    {
        if (right.Lower.Sign <= 0)
        {
            throw new DivideByZeroException("the divisor's enclosure must be strictly positive");
        }

        var lower = left.Lower.Sign >= 0 ? left.Lower / right.Upper : left.Lower / right.Lower;
        var upper = left.Upper.Sign >= 0 ? left.Upper / right.Lower : left.Upper / right.Upper;
        return Outward(lower, upper);
    }

    /// <summary>
    /// The nearest double to the enclosed value if the enclosure decides it (both ends round to the same
    /// double, zeros of either sign told apart), else <paramref name="exact"/>() — which must compute the
    /// nearest double of the exact value itself.
    /// </summary>
    public double ToDouble(Func<double> exact)
    {
        var lower = Lower.ToDouble();
        return BitConverter.DoubleToInt64Bits(lower) == BitConverter.DoubleToInt64Bits(Upper.ToDouble()) ? lower : exact();
    }

    private static Enclosure Outward(Fraction lower, Fraction upper) =>
        new(lower.Round(Precision, up: false), upper.Round(Precision, up: true));

    private static Fraction Max(Fraction left, Fraction right) => left >= right ? left : right;
}

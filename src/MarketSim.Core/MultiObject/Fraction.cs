using System.Globalization;
using System.Numerics;

namespace MarketSim.Core.MultiObject;

/// <summary>
/// An exact rational number (BigInteger numerator over a positive denominator, in lowest terms).
/// The multi-object LP is solved exactly: every double input is a dyadic rational, so the
/// knapsack order, the tie tests and the Pareto breakpoints (e.g. 148/281 in 004 Section 2)
/// come out exactly, with no tolerance.
/// </summary>
public readonly struct Fraction : IComparable<Fraction>, IEquatable<Fraction>
{
    private readonly BigInteger denominator;

    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("a fraction's denominator must not be zero");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
        Numerator = numerator / divisor;
        this.denominator = denominator / divisor;
    }

    public BigInteger Numerator { get; }

    /// <summary>Positive; 1 for the default value (zero).</summary>
    public BigInteger Denominator => denominator.IsZero ? BigInteger.One : denominator;

    public static Fraction Zero => new(BigInteger.Zero, BigInteger.One);

    public static Fraction One => new(BigInteger.One, BigInteger.One);

    public int Sign => Numerator.Sign;

    public bool IsZero => Numerator.IsZero;

    /// <summary>The exact value of a finite double (a dyadic rational).</summary>
    public static Fraction FromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"cannot represent {value} exactly", nameof(value));
        }

        if (value == 0)
        {
            return Zero;
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
        {
            exponent = 1; // subnormal
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        BigInteger numerator = mantissa;
        var denominatorPower = BigInteger.One;
        if (exponent > 0)
        {
            numerator <<= exponent;
        }
        else
        {
            denominatorPower <<= -exponent;
        }

        return new Fraction(bits < 0 ? -numerator : numerator, denominatorPower);
    }

    public static implicit operator Fraction(int value) => new(value, BigInteger.One);

    /// <summary>The nearest double, also for numerators and denominators beyond double range.</summary>
    public double ToDouble()
    {
        if (Numerator.IsZero)
        {
            return 0;
        }

        // A 62-64 bit quotient with a sticky bit for the remainder: the ulong -> double conversion then
        // rounds to nearest exactly as a correctly rounded division would.
        var magnitude = BigInteger.Abs(Numerator);
        var shift = 63 - (int)(magnitude.GetBitLength() - Denominator.GetBitLength());
        var scaledNumerator = shift >= 0 ? magnitude << shift : magnitude;
        var scaledDenominator = shift >= 0 ? Denominator : Denominator << -shift;
        var quotient = (ulong)BigInteger.DivRem(scaledNumerator, scaledDenominator, out var remainder);
        if (!remainder.IsZero)
        {
            quotient |= 1;
        }

        var result = Math.ScaleB((double)quotient, -shift);
        return Numerator.Sign < 0 ? -result : result;
    }

    public static Fraction operator +(Fraction left, Fraction right) =>
        new(left.Numerator * right.Denominator + right.Numerator * left.Denominator, left.Denominator * right.Denominator);

    public static Fraction operator -(Fraction left, Fraction right) =>
        new(left.Numerator * right.Denominator - right.Numerator * left.Denominator, left.Denominator * right.Denominator);

    public static Fraction operator -(Fraction value) => new(-value.Numerator, value.Denominator);

    public static Fraction operator *(Fraction left, Fraction right) =>
        new(left.Numerator * right.Numerator, left.Denominator * right.Denominator);

    public static Fraction operator /(Fraction left, Fraction right) =>
        new(left.Numerator * right.Denominator, left.Denominator * right.Numerator);

    public static bool operator <(Fraction left, Fraction right) => left.CompareTo(right) < 0;

    public static bool operator >(Fraction left, Fraction right) => left.CompareTo(right) > 0;

    public static bool operator <=(Fraction left, Fraction right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Fraction left, Fraction right) => left.CompareTo(right) >= 0;

    public static bool operator ==(Fraction left, Fraction right) => left.Equals(right);

    public static bool operator !=(Fraction left, Fraction right) => !left.Equals(right);

    public static Fraction Min(Fraction left, Fraction right) => left <= right ? left : right;

    /// <summary>Sign of a b - c d, by cross-multiplication without building (and reducing) the products.</summary>
    public static int CompareProducts(Fraction a, Fraction b, Fraction c, Fraction d) =>
        (a.Numerator * b.Numerator * (c.Denominator * d.Denominator))
            .CompareTo(c.Numerator * d.Numerator * (a.Denominator * b.Denominator));

    /// <summary>Exact comparison by cross-multiplication (denominators are positive).</summary>
    public int CompareTo(Fraction other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Fraction other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Fraction other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    public override string ToString() => Denominator.IsOne
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}

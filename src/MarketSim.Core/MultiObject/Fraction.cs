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

    // log2 of the denominator when it is a power of two (0 for the default value, whose denominator is 1),
    // else -1. Dyadic fractions (every double, and every sum and product of them: all the knapsack's
    // coefficients, docs/theory.md §3) add, multiply, compare and reduce by shifts, without a GCD or a
    // multiplication by the denominator: with N objects their numerators have about 54 N bits.
    private readonly int denominatorExponent;

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

        if (numerator.IsZero)
        {
            Numerator = BigInteger.Zero;
            this.denominator = BigInteger.One;
            denominatorExponent = 0;
            return;
        }

        if (denominator.IsPowerOfTwo)
        {
            // gcd(n, 2^k) = 2^min(trailing zeros of n, k): the same lowest terms, by a shift.
            var exponent = (long)denominator.GetBitLength() - 1;
            var shift = (int)Math.Min((long)BigInteger.TrailingZeroCount(numerator), exponent);
            Numerator = numerator >> shift;
            this.denominator = denominator >> shift;
            denominatorExponent = checked((int)(exponent - shift));
            return;
        }

        var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
        Numerator = numerator / divisor;
        this.denominator = denominator / divisor;
        denominatorExponent = this.denominator.IsPowerOfTwo ? (int)(this.denominator.GetBitLength() - 1) : -1;
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
    public double ToDouble() => Quotient(Numerator, Denominator);

    /// <summary>Whether the denominator is a power of two (the value is a dyadic rational, as every double is).</summary>
    internal bool IsDyadic => denominatorExponent >= 0;

    /// <summary>
    /// The nearest double to <paramref name="numerator"/> / <paramref name="denominator"/> (denominator
    /// positive; the two need not be in lowest terms): the value <see cref="ToDouble"/> gives for that fraction.
    /// </summary>
    internal static double Quotient(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.IsZero)
        {
            return 0;
        }

        // A 62-64 bit quotient with a sticky bit for the remainder: the ulong -> double conversion then
        // rounds to nearest exactly as a correctly rounded division would.
        var magnitude = BigInteger.Abs(numerator);
        var shift = 63 - (int)(magnitude.GetBitLength() - denominator.GetBitLength());
        ulong quotient;
        bool inexact;
        if (denominator.IsPowerOfTwo)
        {
            // Dividing by 2^k is a shift; the bits shifted out are the remainder.
            var right = (int)(denominator.GetBitLength() - 1) - shift;
            quotient = right > 0 ? (ulong)(magnitude >> right) : (ulong)(magnitude << -right);
            inexact = right > 0 && BigInteger.TrailingZeroCount(magnitude) < right;
        }
        else
        {
            var scaledNumerator = shift >= 0 ? magnitude << shift : magnitude;
            var scaledDenominator = shift >= 0 ? denominator : denominator << -shift;
            quotient = (ulong)BigInteger.DivRem(scaledNumerator, scaledDenominator, out var remainder);
            inexact = !remainder.IsZero;
        }

        if (inexact)
        {
            quotient |= 1;
        }

        var result = Math.ScaleB((double)quotient, -shift);
        return numerator.Sign < 0 ? -result : result;
    }

    /// <summary>The nearest double to <paramref name="left"/> / <paramref name="right"/> (right positive), without reducing the quotient.</summary>
    internal static double QuotientToDouble(Fraction left, Fraction right) =>
        Quotient(Times(left.Numerator, right), Times(right.Numerator, left));

    /// <summary>
    /// The largest (<paramref name="up"/> false) or smallest (true) dyadic rational with at most
    /// <paramref name="bits"/> significant bits below or above this value: the outward rounding of <see cref="Enclosure"/>.
    /// </summary>
    internal Fraction Round(int bits, bool up)
    {
        var magnitude = BigInteger.Abs(Numerator);
        if (IsDyadic && magnitude.GetBitLength() <= bits)
        {
            return this;
        }

        // The value is m / d = sign * |n| / d; keep `bits` bits of |n| 2^k / d, rounding |value| towards zero
        // or away from it so that the signed result moves in the asked direction.
        var k = bits - (int)(magnitude.GetBitLength() - Denominator.GetBitLength()) + 1;
        var scaled = k >= 0 ? magnitude << k : magnitude;
        var divisor = k >= 0 ? Denominator : Denominator << -k;
        var truncated = BigInteger.DivRem(scaled, divisor, out var remainder);
        var awayFromZero = up == (Numerator.Sign > 0);
        if (awayFromZero && !remainder.IsZero)
        {
            truncated += 1;
        }

        var signed = Numerator.Sign < 0 ? -truncated : truncated;
        return k >= 0 ? new Fraction(signed, BigInteger.One << k) : new Fraction(signed << -k, BigInteger.One);
    }

    public static Fraction operator +(Fraction left, Fraction right)
    {
        if (left.IsDyadic && right.IsDyadic)
        {
            return Dyadic(left, right, subtract: false);
        }

        return new(Times(left.Numerator, right) + Times(right.Numerator, left), Times(left.Denominator, right));
    }

    public static Fraction operator -(Fraction left, Fraction right)
    {
        if (left.IsDyadic && right.IsDyadic)
        {
            return Dyadic(left, right, subtract: true);
        }

        return new(Times(left.Numerator, right) - Times(right.Numerator, left), Times(left.Denominator, right));
    }

    public static Fraction operator -(Fraction value) => new(-value.Numerator, value.Denominator);

    public static Fraction operator *(Fraction left, Fraction right) =>
        new(left.Numerator * right.Numerator, Times(left.Denominator, right));

    public static Fraction operator /(Fraction left, Fraction right) =>
        new(Times(left.Numerator, right), right.Numerator * left.Denominator);

    public static bool operator <(Fraction left, Fraction right) => left.CompareTo(right) < 0;

    public static bool operator >(Fraction left, Fraction right) => left.CompareTo(right) > 0;

    public static bool operator <=(Fraction left, Fraction right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Fraction left, Fraction right) => left.CompareTo(right) >= 0;

    public static bool operator ==(Fraction left, Fraction right) => left.Equals(right);

    public static bool operator !=(Fraction left, Fraction right) => !left.Equals(right);

    public static Fraction Min(Fraction left, Fraction right) => left <= right ? left : right;

    /// <summary>Sign of a b - c d, by cross-multiplication without building (and reducing) the products.</summary>
    public static int CompareProducts(Fraction a, Fraction b, Fraction c, Fraction d) =>
        Times(Times(a.Numerator * b.Numerator, c), d).CompareTo(Times(Times(c.Numerator * d.Numerator, a), b));

    /// <summary>Exact comparison by cross-multiplication (denominators are positive).</summary>
    public int CompareTo(Fraction other)
    {
        if (Numerator.Sign != other.Numerator.Sign)
        {
            return Numerator.Sign.CompareTo(other.Numerator.Sign);
        }

        return Times(Numerator, other).CompareTo(Times(other.Numerator, this));
    }

    public bool Equals(Fraction other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Fraction other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary><paramref name="value"/> times the denominator of <paramref name="scale"/>: a shift when that is a power of two.</summary>
    private static BigInteger Times(BigInteger value, Fraction scale) =>
        scale.IsDyadic ? value << scale.denominatorExponent : value * scale.Denominator;

    /// <summary>Sum or difference of two dyadic fractions over the larger power of two.</summary>
    private static Fraction Dyadic(Fraction left, Fraction right, bool subtract)
    {
        var exponent = Math.Max(left.denominatorExponent, right.denominatorExponent);
        var leftScaled = left.Numerator << (exponent - left.denominatorExponent);
        var rightScaled = right.Numerator << (exponent - right.denominatorExponent);
        return new(subtract ? leftScaled - rightScaled : leftScaled + rightScaled, BigInteger.One << exponent);
    }

    public override string ToString() => Denominator.IsOne
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}

using System.Numerics;
using MathNet.Numerics;

namespace MarketSim.Core.Laws;

/// <summary>
/// A Pareto weight lambda(r) = c0 + c1 r + c2 r^2 + ... (the Pareto-weight form, 001 Theorem 8;
/// docs/architecture.md <c>weight: { polynomial: [...] }</c>).
/// </summary>
public sealed class WeightPolynomial
{
    private readonly double[] coefficients;

    public WeightPolynomial(IReadOnlyList<double> coefficients)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        if (coefficients.Count == 0)
        {
            throw new ArgumentException("A weight polynomial needs at least one coefficient.", nameof(coefficients));
        }

        this.coefficients = coefficients.ToArray();
        if (this.coefficients.Any(c => !double.IsFinite(c)))
        {
            throw new ArgumentException("Weight polynomial coefficients must be finite.", nameof(coefficients));
        }
    }

    public IReadOnlyList<double> Coefficients => coefficients;

    public int Degree => coefficients.Length - 1;

    /// <summary>lambda(r) by Horner's rule.</summary>
    public double Evaluate(double rate)
    {
        var value = 0.0;
        for (var k = coefficients.Length - 1; k >= 0; k--)
        {
            value = value * rate + coefficients[k];
        }

        return value;
    }

    /// <summary>
    /// Throws unless lambda &gt; 0 on [lower, upper] (a Pareto weight is a value of money, docs/theory.md §1.1):
    /// positive at the finite ends (or growing to +infinity at an infinite end) and no real root inside.
    /// With <paramref name="allowZeroAtEnds"/> a finite end may also be a zero of lambda (the richest or
    /// poorest type's money is worth nothing to the designer, a natural case of 001 Theorem 7;
    /// docs/theory.md §1.5): lambda must then be positive strictly inside and not negative at the ends.
    /// </summary>
    public void RequirePositiveOn(double lower, double upper, bool allowZeroAtEnds = false)
    {
        var trimmed = coefficients.Length;
        while (trimmed > 1 && coefficients[trimmed - 1] == 0)
        {
            trimmed--;
        }

        var degree = trimmed - 1;
        var leading = coefficients[degree];
        var zeroAtLower = allowZeroAtEnds && VanishesAt(lower);
        var zeroAtUpper = allowZeroAtEnds && VanishesAt(upper);
        if ((!zeroAtLower && !PositiveAtEnd(lower, leading, degree, atMinusInfinity: true))
            || (!zeroAtUpper && !PositiveAtEnd(upper, leading, degree, atMinusInfinity: false)))
        {
            throw new ArgumentException(
                allowZeroAtEnds
                    ? $"The Pareto weight polynomial must be positive inside the support [{lower}, {upper}] of the rate and not negative at its ends."
                    : $"The Pareto weight polynomial must be positive on the support [{lower}, {upper}] of the rate.", "weight");
        }

        if (degree == 0)
        {
            return;
        }

        var roots = new Polynomial(coefficients.Take(trimmed).ToArray()).Roots();
        foreach (Complex root in roots)
        {
            // A double root comes out of the eigenvalue solver as a pair about sqrt(eps) off the axis;
            // so also reject where lambda is not positive at a root's real part.
            var nearlyReal = Math.Abs(root.Imaginary) <= 1e-6 * (1 + Math.Abs(root.Real));
            if (root.Real > lower && root.Real < upper && (nearlyReal || !(Evaluate(root.Real) > 0))
                && !(zeroAtLower && NearEnd(root.Real, lower)) && !(zeroAtUpper && NearEnd(root.Real, upper)))
            {
                throw new ArgumentException(
                    $"The Pareto weight polynomial vanishes at r = {root.Real} inside the support [{lower}, {upper}] of the rate.", "weight");
            }
        }

        // The roots ignored next to a vanishing end must not hide a sign change: lambda stays positive
        // on the way in from that end.
        for (var k = 2; k <= 8 && (zeroAtLower || zeroAtUpper); k++)
        {
            var width = double.IsFinite(upper - lower) ? upper - lower : 1.0;
            var step = width * Math.Pow(10, -k);
            if ((zeroAtLower && !(Evaluate(lower + step) > 0)) || (zeroAtUpper && !(Evaluate(upper - step) > 0)))
            {
                throw new ArgumentException(
                    $"The Pareto weight polynomial is not positive just inside the support [{lower}, {upper}] of the rate.", "weight");
            }
        }
    }

    // lambda(end) = 0 up to rounding: |lambda(end)| within 1e-12 of the size of its terms.
    private bool VanishesAt(double end)
    {
        if (!double.IsFinite(end))
        {
            return false;
        }

        var scale = 0.0;
        var power = 1.0;
        foreach (var coefficient in coefficients)
        {
            scale += Math.Abs(coefficient * power);
            power *= end;
        }

        return Math.Abs(Evaluate(end)) <= 1e-12 * scale;
    }

    // The eigenvalue solver returns a multiple root at an end about eps^(1/multiplicity) away from it.
    private static bool NearEnd(double root, double end) => Math.Abs(root - end) <= 1e-4 * (1 + Math.Abs(end));

    private bool PositiveAtEnd(double end, double leading, int degree, bool atMinusInfinity)
    {
        if (double.IsFinite(end))
        {
            return Evaluate(end) > 0;
        }

        // At +infinity the sign is the leading coefficient's; at -infinity it flips with odd degree.
        return atMinusInfinity && degree % 2 == 1 ? leading < 0 : leading > 0;
    }
}

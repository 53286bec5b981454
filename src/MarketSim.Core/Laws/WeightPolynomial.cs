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
    /// </summary>
    public void RequirePositiveOn(double lower, double upper)
    {
        var trimmed = coefficients.Length;
        while (trimmed > 1 && coefficients[trimmed - 1] == 0)
        {
            trimmed--;
        }

        var degree = trimmed - 1;
        var leading = coefficients[degree];
        if (!PositiveAtEnd(lower, leading, degree, atMinusInfinity: true) || !PositiveAtEnd(upper, leading, degree, atMinusInfinity: false))
        {
            throw new ArgumentException(
                $"The Pareto weight polynomial must be positive on the support [{lower}, {upper}] of the rate.", "weight");
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
            if (root.Real > lower && root.Real < upper && (nearlyReal || !(Evaluate(root.Real) > 0)))
            {
                throw new ArgumentException(
                    $"The Pareto weight polynomial vanishes at r = {root.Real} inside the support [{lower}, {upper}] of the rate.", "weight");
            }
        }
    }

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

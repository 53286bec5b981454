using MarketSim.Core.Laws;

namespace MarketSim.Core.Scenarios;

/// <summary>
/// A player's welfare ranking lambda_i as a density w on its type with respect to its type law:
/// <c>d lambda_i(t) = w(t) dF_i(t)</c> (003 Theorem 1; w is the Radon-Nikodym derivative lambda'_i of
/// 003 Corollary 3; docs/theory.md §4). The weight of money is then
/// <c>Lambda_i(t) = int_{a_i}^t w(s)/s dF_i(s)</c> (003 (11)). "utils" is w = 1, "money-metric" w = t;
/// <see cref="Polynomial"/> and <see cref="PiecewiseConstant"/> are the general measures. The
/// player's weight (AuctionPlayer.Weight) still multiplies w.
/// </summary>
public abstract record WelfareWeightDensity
{
    /// <summary>w = 1: every type's utility counts once.</summary>
    public static WelfareWeightDensity Utils { get; } = new Standard(WelfareWeights.Utils);

    /// <summary>w = t: utilities counted in money (the second-price sanity check).</summary>
    public static WelfareWeightDensity MoneyMetric { get; } = new Standard(WelfareWeights.MoneyMetric);

    /// <summary>The density of a named weighting.</summary>
    public static WelfareWeightDensity Of(WelfareWeights weights) => weights == WelfareWeights.Utils ? Utils : MoneyMetric;

    /// <summary>w(t) = c0 + c1 t + ...</summary>
    public static WelfareWeightDensity Polynomial(IReadOnlyList<double> coefficients) => new PolynomialDensity(new WeightPolynomial(coefficients));

    /// <summary>w(t) = values[k] for breaks[k-1] &lt;= t &lt; breaks[k] (breaks ascending, one value more than breaks).</summary>
    public static WelfareWeightDensity PiecewiseConstant(IReadOnlyList<double> breaks, IReadOnlyList<double> values) => new PiecewiseConstantDensity(breaks, values);

    /// <summary>w(t).</summary>
    public abstract double At(double type);

    /// <summary>Types where w jumps (quadrature splits cells there).</summary>
    public virtual IReadOnlyList<double> Jumps => [];

    /// <summary>The named weighting this is, if any: those keep their exact closed forms.</summary>
    internal virtual WelfareWeights? Named => null;

    /// <summary>
    /// Throws an ArgumentException naming <paramref name="field"/> unless w &gt;= 0 on [lower, upper]
    /// and not zero everywhere there (lambda_i is a non-zero measure, 003 Section 2.2).
    /// </summary>
    public abstract void Validate(double lower, double upper, string field);

    private sealed record Standard(WelfareWeights Kind) : WelfareWeightDensity
    {
        public override double At(double type) => Kind == WelfareWeights.Utils ? 1 : type;

        internal override WelfareWeights? Named => Kind;

        public override void Validate(double lower, double upper, string field)
        {
        }
    }

    private sealed record PolynomialDensity(WeightPolynomial Weight) : WelfareWeightDensity
    {
        public override double At(double type) => Weight.Evaluate(type);

        public override void Validate(double lower, double upper, string field)
        {
            try
            {
                Weight.RequirePositiveOn(lower, upper);
            }
            catch (ArgumentException exception)
            {
                throw new ArgumentException(
                    $"the weight density polynomial must be positive on the type support [{lower}, {upper}]", field, exception);
            }
        }
    }

    private sealed record PiecewiseConstantDensity : WelfareWeightDensity
    {
        private readonly double[] breaks;
        private readonly double[] values;

        public PiecewiseConstantDensity(IReadOnlyList<double> breaks, IReadOnlyList<double> values)
        {
            ArgumentNullException.ThrowIfNull(breaks);
            ArgumentNullException.ThrowIfNull(values);
            this.breaks = breaks.ToArray();
            this.values = values.ToArray();
        }

        public override IReadOnlyList<double> Jumps => breaks;

        public override double At(double type)
        {
            var piece = 0;
            while (piece < breaks.Length && type >= breaks[piece])
            {
                piece++;
            }

            return values[piece];
        }

        public override void Validate(double lower, double upper, string field)
        {
            if (values.Length != breaks.Length + 1)
            {
                throw new ArgumentException(
                    $"a piecewise-constant weight needs one value more than breaks (got {values.Length} values, {breaks.Length} breaks)", field);
            }

            if (breaks.Any(b => !double.IsFinite(b)) || breaks.Zip(breaks.Skip(1)).Any(pair => !(pair.Second > pair.First)))
            {
                throw new ArgumentException("the breaks of a piecewise-constant weight must be finite and strictly increasing", field);
            }

            if (values.Any(v => !(v >= 0) || double.IsInfinity(v)))
            {
                throw new ArgumentException("the values of a piecewise-constant weight must be finite and non-negative", field);
            }

            // Positive somewhere inside the support: a piece overlapping (lower, upper) with a positive value.
            var positive = Enumerable.Range(0, values.Length).Any(k =>
                values[k] > 0 && (k == 0 ? double.NegativeInfinity : breaks[k - 1]) < upper && (k == breaks.Length ? double.PositiveInfinity : breaks[k]) > lower);
            if (!positive)
            {
                throw new ArgumentException($"a piecewise-constant weight must be positive somewhere on the type support [{lower}, {upper}]", field);
            }
        }
    }
}

using MarketSim.Core.Distributions;

namespace MarketSim.Core.Laws;

/// <summary>
/// The Pareto-weight form (001 Theorem 8): r ~ <see cref="Rate"/>, lambda(r) a polynomial. An agent
/// of rate r is simulated as v^M = lambda(r), v^K = r lambda(r), so E[v^M | r] = lambda(r) exactly.
/// </summary>
public sealed class ParetoWeightLaw : ISideLaw
{
    public ParetoWeightLaw(IValueDistribution rate, WeightPolynomial weight)
    {
        ArgumentNullException.ThrowIfNull(rate);
        ArgumentNullException.ThrowIfNull(weight);
        weight.RequirePositiveOn(rate.Lower, rate.Upper, allowZeroAtEnds: true);
        Rate = rate;
        Weight = weight;
        MeanValueOfMoney = MeanWeight(rate, weight);
    }

    // Far below any weight that matters, far above the subnormals (so r * v^M / v^M == r to an ulp).
    private const double SmallestValueOfMoney = 1e-300;

    public IValueDistribution Rate { get; }
    public WeightPolynomial Weight { get; }

    /// <summary>Lambda = E[lambda(R)] = sum_k c_k E[R^k] (exact moments).</summary>
    public double MeanValueOfMoney { get; }

    public (double ValueOfGood, double ValueOfMoney) Draw(double firstUniform, double secondUniform)
    {
        var rate = Rate.InverseCdf(firstUniform);
        // Where lambda vanishes at an end of the support (docs/theory.md §1.5) rounding can make it 0 or
        // slightly negative within ~1e-7 of that end; v^M must stay positive (§1.1) and r = v^K / v^M exact.
        var weight = Math.Max(Weight.Evaluate(rate), SmallestValueOfMoney);
        return (rate * weight, weight);
    }

    internal static double MeanWeight(IValueDistribution rate, WeightPolynomial weight)
    {
        var mean = 0.0;
        for (var k = 0; k < weight.Coefficients.Count; k++)
        {
            if (weight.Coefficients[k] != 0)
            {
                mean += weight.Coefficients[k] * (k == 0 ? 1 : rate.RawMoment(k));
            }
        }

        return mean;
    }
}

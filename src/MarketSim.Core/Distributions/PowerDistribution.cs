namespace MarketSim.Core.Distributions;

/// <summary>
/// CDF v^beta on [0, 1] (<c>power: beta</c>; the sellers' v^K of 000 Section 7). The density
/// beta v^{beta-1} is infinite at 0 when beta &lt; 1 and vanishes there when beta &gt; 1.
/// </summary>
public sealed class PowerDistribution : IValueDistribution
{
    public PowerDistribution(double exponent)
    {
        if (!(exponent > 0) || !double.IsFinite(exponent))
        {
            throw new ArgumentException("A power law needs a finite exponent beta > 0.", nameof(exponent));
        }

        Exponent = exponent;
    }

    public double Exponent { get; }
    public double Lower => 0;
    public double Upper => 1;
    public double Mean => Exponent / (Exponent + 1);
    public bool IsDegenerate => false;

    public double Cdf(double x) => x <= 0 ? 0 : x >= 1 ? 1 : Math.Pow(x, Exponent);

    public double Density(double x) =>
        x < 0 || x > 1 ? 0
        : x == 0 ? (Exponent < 1 ? double.PositiveInfinity : Exponent == 1 ? 1 : 0)
        : Exponent * Math.Pow(x, Exponent - 1);

    public double InverseCdf(double probability) => Math.Pow(probability, 1 / Exponent);

    // int_0^t v^beta dv = t^{beta+1} / (beta + 1).
    public double LowerPartialExpectation(double threshold) =>
        threshold <= 0 ? 0
        : threshold >= 1 ? threshold - Mean
        : Math.Pow(threshold, Exponent + 1) / (Exponent + 1);

    // int_t^1 (1 - v^beta) dv.
    public double UpperPartialExpectation(double threshold) =>
        threshold >= 1 ? 0
        : threshold <= 0 ? Mean - threshold
        : (1 - threshold) - (1 - Math.Pow(threshold, Exponent + 1)) / (Exponent + 1);

    public double RawMoment(int order) => Exponent / (Exponent + order);
}

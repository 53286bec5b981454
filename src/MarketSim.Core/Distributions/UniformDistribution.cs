namespace MarketSim.Core.Distributions;

/// <summary>U[a, b] (<c>uniform: [a, b]</c>); closed forms throughout (000 Section 2 example).</summary>
public sealed class UniformDistribution : IValueDistribution
{
    public UniformDistribution(double lower, double upper)
    {
        if (!double.IsFinite(lower))
        {
            throw new ArgumentException("The lower end of a uniform law must be finite.", nameof(lower));
        }

        if (!double.IsFinite(upper) || !(upper > lower))
        {
            throw new ArgumentException($"A uniform law needs a finite upper end above the lower end {lower}.", nameof(upper));
        }

        Lower = lower;
        Upper = upper;
    }

    public double Lower { get; }
    public double Upper { get; }
    public double Mean => 0.5 * (Lower + Upper);
    public bool IsDegenerate => false;
    private double Width => Upper - Lower;

    public double Cdf(double x) => x <= Lower ? 0 : x >= Upper ? 1 : (x - Lower) / Width;

    public double Density(double x) => x < Lower || x > Upper ? 0 : 1 / Width;

    public double InverseCdf(double probability) => Lower + probability * Width;

    public double LowerPartialExpectation(double threshold) =>
        threshold <= Lower ? 0
        : threshold >= Upper ? threshold - Mean
        : (threshold - Lower) * (threshold - Lower) / (2 * Width);

    public double UpperPartialExpectation(double threshold) =>
        threshold >= Upper ? 0
        : threshold <= Lower ? Mean - threshold
        : (Upper - threshold) * (Upper - threshold) / (2 * Width);

    // E[X^k] = (b^{k+1} - a^{k+1}) / ((k + 1)(b - a)).
    public double RawMoment(int order) =>
        (Math.Pow(Upper, order + 1) - Math.Pow(Lower, order + 1)) / ((order + 1) * Width);
}

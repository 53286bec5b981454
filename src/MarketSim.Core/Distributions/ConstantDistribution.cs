namespace MarketSim.Core.Distributions;

/// <summary>A point mass at <see cref="Value"/> (<c>constant: c</c>), e.g. v^M = m in 000 Section 2.</summary>
public sealed class ConstantDistribution : IValueDistribution
{
    public ConstantDistribution(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("A constant must be finite.", nameof(value));
        }

        Value = value;
    }

    public double Value { get; }
    public double Lower => Value;
    public double Upper => Value;
    public double Mean => Value;
    public bool IsDegenerate => true;

    public double Cdf(double x) => x >= Value ? 1 : 0;

    public double Density(double x) => 0;

    public double InverseCdf(double probability) => Value;

    public double LowerPartialExpectation(double threshold) => Math.Max(threshold - Value, 0);

    public double UpperPartialExpectation(double threshold) => Math.Max(Value - threshold, 0);

    public double RawMoment(int order) => Math.Pow(Value, order);
}

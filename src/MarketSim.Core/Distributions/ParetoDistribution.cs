namespace MarketSim.Core.Distributions;

/// <summary>
/// Pareto(scale, shape): CDF 1 - (scale/x)^shape on [scale, infinity) (<c>pareto: { scale, shape }</c>;
/// the sellers' v^M of 000 Section 7). The mean is infinite when shape &lt;= 1.
/// </summary>
public sealed class ParetoDistribution : IValueDistribution
{
    public ParetoDistribution(double scale, double shape)
    {
        if (!(scale > 0) || !double.IsFinite(scale))
        {
            throw new ArgumentException("A Pareto law needs a finite scale > 0.", nameof(scale));
        }

        if (!(shape > 0) || !double.IsFinite(shape))
        {
            throw new ArgumentException("A Pareto law needs a finite shape > 0.", nameof(shape));
        }

        Scale = scale;
        Shape = shape;
    }

    public double Scale { get; }
    public double Shape { get; }
    public double Lower => Scale;
    public double Upper => double.PositiveInfinity;
    public double Mean => RawMoment(1);
    public bool IsDegenerate => false;

    public double Cdf(double x) => x <= Scale ? 0 : 1 - Math.Pow(Scale / x, Shape);

    public double Density(double x) => x < Scale ? 0 : Shape / x * Math.Pow(Scale / x, Shape);

    public double InverseCdf(double probability) => Scale * Math.Pow(1 - probability, -1 / Shape);

    public double LowerPartialExpectation(double threshold) =>
        threshold <= Scale ? 0 : threshold - Mean + UpperPartialExpectation(threshold);

    // int_t^inf (s/x)^a dx = s^a t^{1-a} / (a - 1) = t (s/t)^a / (a - 1), for t >= s.
    public double UpperPartialExpectation(double threshold) =>
        Shape <= 1 ? double.PositiveInfinity
        : threshold <= Scale ? Mean - threshold
        : threshold * Math.Pow(Scale / threshold, Shape) / (Shape - 1);

    public double RawMoment(int order) =>
        Shape <= order ? double.PositiveInfinity : Shape * Math.Pow(Scale, order) / (Shape - order);
}

namespace MarketSim.Core.Distributions;

/// <summary>
/// A distribution exactly as a scenario names it (docs/architecture.md, "Distributions"). Records are
/// validated by the loader; <see cref="DistributionFactory"/> turns them into laws.
/// </summary>
public abstract record DistributionSpec;

/// <summary><c>constant: c</c></summary>
public sealed record ConstantSpec(double Value) : DistributionSpec;

/// <summary><c>uniform: [a, b]</c></summary>
public sealed record UniformSpec(double Lower, double Upper) : DistributionSpec;

/// <summary><c>power: beta</c>: CDF v^beta on [0, 1] (000 Section 7).</summary>
public sealed record PowerSpec(double Exponent) : DistributionSpec;

/// <summary><c>pareto: { scale, shape }</c>: CDF 1 - (scale/x)^shape on [scale, infinity).</summary>
public sealed record ParetoSpec(double Scale, double Shape) : DistributionSpec;

/// <summary><c>lognormal: { mu, sigma }</c> of the underlying normal.</summary>
public sealed record LogNormalSpec(double Mu, double Sigma) : DistributionSpec;

/// <summary><c>beta: { a, b }</c> on [0, 1].</summary>
public sealed record BetaSpec(double A, double B) : DistributionSpec;

/// <summary><c>empirical: file.csv</c>: the CLI reads the file; the core sees the values only.</summary>
public sealed record EmpiricalSpec(string Source, IReadOnlyList<double> Values) : DistributionSpec;

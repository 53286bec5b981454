namespace MarketSim.Core.Distributions;

/// <summary>
/// A univariate law of a value (v^K, v^M, or a rate r) as the scenario gives it. Sampling is by
/// inverse CDF from the keyed random streams (SPEC 6), never from System.Random.
/// </summary>
public interface IValueDistribution
{
    /// <summary>Lower end of the support (may be 0).</summary>
    double Lower { get; }

    /// <summary>Upper end of the support (may be +infinity).</summary>
    double Upper { get; }

    double Mean { get; }

    /// <summary>P(X &lt;= x).</summary>
    double Cdf(double x);

    /// <summary>Density at x (0 outside the support; +infinity allowed at an end where it blows up).
    /// A point mass (constant) reports 0 everywhere.</summary>
    double Density(double x);

    /// <summary>The quantile function; probability in (0, 1).</summary>
    double InverseCdf(double probability);

    /// <summary>True for a point mass (constant), whose CDF is a step.</summary>
    bool IsDegenerate { get; }
}

using MarketSim.Core.Distributions;

namespace MarketSim.Core.Laws;

/// <summary>How a scenario describes the types of one side (docs/architecture.md).</summary>
public abstract record SideLawSpec;

/// <summary>
/// The two-dimensional form: v^K and v^M with given marginals, independent unless a Gaussian
/// copula with correlation rho couples them (docs/theory.md §1.5).
/// </summary>
public sealed record TwoDimensionalLawSpec(DistributionSpec Good, DistributionSpec Money, double CopulaCorrelation = 0.0)
    : SideLawSpec;

/// <summary>
/// The Pareto-weight form (001 Theorem 8): the rate r has law <c>Rate</c> and the Pareto weight is
/// lambda(r) = c0 + c1 r + c2 r^2 + ... An agent of rate r is simulated with v^M = lambda(r),
/// v^K = r lambda(r), so that E[v^M | r] = lambda(r) exactly.
/// </summary>
public sealed record ParetoWeightLawSpec(DistributionSpec Rate, IReadOnlyList<double> WeightPolynomial) : SideLawSpec;

/// <summary>
/// Joint data (<c>joint: { empirical: pairs.csv }</c>): one agent a row, (v^K, v^M) = (Goods[i], Moneys[i]).
/// Agents are drawn from the rows; the continuum theory uses the rows' smoothed rate law
/// (<see cref="Theory.RateLaws.SmoothedJointRateLaw"/>). <c>Source</c> names the file in messages.
/// </summary>
public sealed record JointEmpiricalLawSpec(string Source, IReadOnlyList<double> Goods, IReadOnlyList<double> Moneys) : SideLawSpec;

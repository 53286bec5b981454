namespace MarketSim.Core.Solutions;

/// <summary>
/// One posted mechanism's exact expectations at the scenario's N_B and N_S, keyed by metric name (the
/// <c>theory_finite</c> column of <c>summary.csv</c>; docs/theory.md §2.2, docs/finite-markets.md).
/// </summary>
public sealed record MechanismFiniteValues(string Mechanism, IReadOnlyDictionary<string, double> Values);

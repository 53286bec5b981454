using MarketSim.Core.Mechanisms;
using MarketSim.Core.Theory.Diagnostics;

namespace MarketSim.Core.Solutions;

/// <summary>
/// The continuum theory of a whole scenario: the diagnostics of its two-sided market (null when it lists
/// no two-sided mechanism) and one <see cref="MechanismSolution"/> per mechanism, in scenario order.
/// </summary>
public sealed record ScenarioSolution(string Scenario, MarketDiagnostics? Diagnostics, IReadOnlyList<MechanismSolution> Mechanisms);

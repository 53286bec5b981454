using MarketSim.Core.Mechanisms;
using MarketSim.Core.OneSided;
using MarketSim.Core.Theory.Diagnostics;

namespace MarketSim.Core.Solutions;

/// <summary>
/// The continuum theory of a whole scenario: the diagnostics of its two-sided market (null when it lists
/// no two-sided mechanism), one <see cref="MechanismSolution"/> per mechanism, in scenario order, and the
/// scenario's one-sided problem (001 Section 3) when it has one.
/// </summary>
public sealed record ScenarioSolution(
    string Scenario,
    MarketDiagnostics? Diagnostics,
    IReadOnlyList<MechanismSolution> Mechanisms,
    OneSidedReport? OneSided = null);

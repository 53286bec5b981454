using MarketSim.Core.Scenarios;

namespace MarketSim.Cli.Scenarios;

/// <summary>A validated scenario with where it came from: the manifest records the file and its SHA-256.</summary>
public sealed record LoadedScenario(Scenario Scenario, string File, string Sha256);

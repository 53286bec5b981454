namespace MarketSim.Cli.Commands;

/// <summary>The options of <c>run</c> (ARCHITECTURE.md); null = take the scenario's value or the default.</summary>
public sealed record RunOptions(
    string ScenarioFile,
    int? Replications = null,
    ulong? Seed = null,
    string? OutputFolder = null,
    int? Workers = null,
    int? CohortSize = null);

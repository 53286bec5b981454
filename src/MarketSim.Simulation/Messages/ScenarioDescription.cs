namespace MarketSim.Simulation.Messages;

/// <summary>
/// What a worker needs to rebuild the run's <c>MarketModel</c>: the scenario as text (the YAML file
/// the coordinator read, so every node parses the same bytes) with the command line's overrides.
/// Plain strings and integers travel exactly over any serializer; Core's records are not sent.
/// </summary>
/// <param name="RunId">Unique per run, so a late message of an earlier run is never taken for this one.</param>
/// <param name="Name">The scenario file's path on the coordinator (default scenario name, error messages, data files beside it).</param>
/// <param name="Text">The scenario file's text.</param>
public sealed record ScenarioDescription(string RunId, string Name, string Text, ulong Seed, int Replications);

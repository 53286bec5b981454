namespace MarketSim.Cli.Commands;

/// <summary>
/// The options of <c>stress</c>; null = default. <c>Sizes</c> is the raw <c>--sizes</c> list
/// (numbers of sellers, comma separated); <c>Replications</c> null = per-size default
/// (<see cref="Core.Stress.StressStudy.DefaultReplications"/>).
/// </summary>
public sealed record StressOptions(
    string ScenarioFile,
    string? Sizes = null,
    int? Replications = null,
    double MaxDeficitProbability = 0.05,
    ulong? Seed = null,
    string? OutputFolder = null,
    int? Workers = null,
    bool Entry = false)
{
    /// <summary><c>--force</c>: replace another scenario's or command's results in the output folder.</summary>
    public bool Force { get; init; }

    /// <summary><c>--max-memory</c> in bytes; null = the memory available to the process.</summary>
    public long? MaxMemoryBytes { get; init; }
}

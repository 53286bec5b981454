namespace MarketSim.Cli.Options;

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
    bool Entry = false) : VerbOptions;

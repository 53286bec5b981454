namespace MarketSim.Cli.Scenarios;

/// <summary>
/// The largest counts and magnitudes MarketSim accepts (docs/running.md, "Limits"). Every count is
/// bounded so that no input can hang the tool or overflow an index, and every number of a scenario is
/// kept where rates, prices, payments and welfare (sums over up to <see cref="MaxAgentsPerSide"/>
/// agents, and their squares in the variance) stay finite in double precision.
/// </summary>
public static class InputLimits
{
    /// <summary>Agents on one side of a market (sellers, or buyers = round(sellers x buyersPerSeller)).</summary>
    public const int MaxAgentsPerSide = 100_000_000;

    /// <summary>Replications of one run (the journal holds one line per replication).</summary>
    public const int MaxReplications = 10_000_000;

    /// <summary>Points of a sweep, grid or Latin hypercube.</summary>
    public const int MaxSweepPoints = 100_000;

    /// <summary>Rounds of the entry dynamics (<c>entry.rounds</c>).</summary>
    public const int MaxEntryRounds = 10_000;

    /// <summary>Players of an auction or objects of a multi-object scenario.</summary>
    public const int MaxPlayers = 1_000_000;

    /// <summary>Objects of a multi-object scenario (each is a threshold of the solver).</summary>
    public const int MaxObjects = 1_000;

    /// <summary>Largest magnitude of a scenario number: its square times 10^8 agents squared stays far inside double range.</summary>
    public const double MaxMagnitude = 1e12;

    /// <summary>Smallest magnitude of a nonzero scenario number: its reciprocal (a rate of substitution) stays below <see cref="MaxMagnitude"/>.</summary>
    public const double MinMagnitude = 1e-12;

    /// <summary>Why a scenario number is out of range, or null if it is fine.</summary>
    public static string? WhyOutOfRange(double value) =>
        value == 0 || (Math.Abs(value) <= MaxMagnitude && Math.Abs(value) >= MinMagnitude)
            ? null
            : $"must be 0 or between 1e-12 and 1e12 in size, so that rates, prices, payments and welfare stay finite (found {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})";
}

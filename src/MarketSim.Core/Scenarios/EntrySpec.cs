namespace MarketSim.Core.Scenarios;

/// <summary>Which side the potential entrants of <see cref="EntrySpec"/> come from.</summary>
public enum EntrySide
{
    Both,
    Buyers,
    Sellers,
}

/// <summary>
/// <c>entry: { pool, side, cost, rounds }</c>: the "No Free Lunch" entry model (000 Section 6).
/// <c>Pool</c> potential sellers (and round(mu Pool) potential buyers when <c>Side</c> is Both or
/// Buyers) drawn from the scenario's type laws arrive in <c>Rounds</c> equal batches; each enters
/// iff its expected utility under the announced mechanism (lump sum included) exceeds <c>Cost</c>
/// (money). Constructing validates; the ArgumentException's ParamName is the YAML field path.
/// </summary>
public sealed record EntrySpec(int Pool, EntrySide Side, double Cost, int Rounds)
{
    public int Pool { get; init; } = Pool >= 1
        ? Pool
        : throw new ArgumentException($"pool must be at least 1 (got {Pool})", "entry.pool");

    public double Cost { get; init; } = double.IsFinite(Cost) && Cost >= 0
        ? Cost
        : throw new ArgumentException($"cost must be a finite number >= 0 (got {Cost})", "entry.cost");

    public int Rounds { get; init; } = Rounds >= 1
        ? Rounds
        : throw new ArgumentException($"rounds must be at least 1 (got {Rounds})", "entry.rounds");

    /// <summary>Potential entrants arriving per round per side: ceil(pool / rounds) (the last batch may be smaller).</summary>
    public int ArrivalsPerRound => (Pool + Rounds - 1) / Rounds;
}

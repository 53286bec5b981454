namespace MarketSim.Simulation.Running;

/// <summary>
/// How to run replications with actors. <c>Workers</c> is the number of lanes (replications in
/// flight at once). <c>CohortSize</c> is the number of agents one trader actor stands for; null picks
/// it automatically (<see cref="CohortPlan.AutomaticSize"/>). Neither changes any result (docs/theory.md §6).
/// </summary>
public sealed record SimulationOptions(int Replications, int Workers, int? CohortSize = null)
{
    /// <summary>
    /// The replications to run: strictly ascending, each in [0, Replications); null runs all of
    /// 0 .. R-1. A resumed run passes the ones its journal lacks; results come back for these only,
    /// ordered by replication, and each is the same as in a full run (a pure function of its keys, docs/theory.md §6).
    /// </summary>
    public IReadOnlyList<int>? ReplicationsToRun { get; init; }

    /// <summary>
    /// False: results go only to the completion callback, and the run returns none. A caller that streams
    /// them to disk (<c>run</c>'s journal) then holds no replication in memory, whatever their number.
    /// </summary>
    public bool KeepResults { get; init; } = true;

    /// <summary><see cref="ReplicationsToRun"/>, or 0 .. R-1 when it is null.</summary>
    internal IReadOnlyList<int> IndicesToRun() => ReplicationsToRun ?? [.. Enumerable.Range(0, Replications)];

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Replications, nameof(Replications));
        if (ReplicationsToRun is { } subset)
        {
            for (var i = 0; i < subset.Count; i++)
            {
                if (subset[i] < 0 || subset[i] >= Replications || (i > 0 && subset[i] <= subset[i - 1]))
                {
                    throw new ArgumentException(
                        $"replications to run must be strictly ascending in [0, {Replications}) (found {subset[i]} at {i})",
                        nameof(ReplicationsToRun));
                }
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Workers, 1, nameof(Workers));
        if (CohortSize is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(CohortSize));
        }
    }
}

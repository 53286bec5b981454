namespace MarketSim.Core.Mechanisms;

/// <summary>
/// A mechanism with its own population (docs/theory.md §3 buyer-seller pairs, docs/theory.md §4 groups of players): it
/// needs no two-sided market and is run on <see cref="Units"/> independent units per replication.
/// One replication is split into steps so the actor shell can batch them: every role of every unit
/// draws its private information (<see cref="Draw"/>: one role per actor, units in blocks), then the
/// clearinghouse clears all units and measures (<see cref="Clear"/>).
/// <see cref="Run"/> is the pure per-replication function; the steps give the same bits (docs/theory.md §6).
/// </summary>
public interface IStandaloneMechanism
{
    /// <summary>The label used in the output (unique within a scenario).</summary>
    string Name { get; }

    /// <summary>Independent units (pairs, groups) per replication.</summary>
    int Units { get; }

    /// <summary>Roles within a unit that draw independently (buyer and seller; player 0 .. n-1).</summary>
    int Roles { get; }

    /// <summary>The numbers one role draws per unit (N objects' values, or one type).</summary>
    int DrawsPerUnit { get; }

    /// <summary>The metric names of <see cref="Run"/>, in order.</summary>
    IReadOnlyList<string> MetricNames { get; }

    /// <summary>The exact expectation of each metric (the summary's <c>theory</c> column), where known.</summary>
    IReadOnlyDictionary<string, double> ContinuumValues { get; }

    /// <summary>A readable role name for actor names ("buyer", "seller", "player0").</summary>
    string RoleName(int role);

    /// <summary>
    /// The draws of <paramref name="role"/> for units [firstUnit, firstUnit + values.Length / DrawsPerUnit),
    /// unit-major. Each unit draws from its own keyed stream, so any split into blocks gives the same values.
    /// </summary>
    void Draw(ulong seed, int replication, int role, int firstUnit, Span<double> values);

    /// <summary>
    /// Clears every unit on the draws (<c>draws[role]</c> holds Units x DrawsPerUnit values) with the
    /// mechanism's own lottery streams and returns the replication's metrics.
    /// </summary>
    IReadOnlyList<MetricValue> Clear(ulong seed, int replication, IReadOnlyList<double[]> draws);

    /// <summary>One replication: every role draws for every unit, then <see cref="Clear"/> (<see cref="DrawAndClear"/>).</summary>
    IReadOnlyList<MetricValue> Run(ulong seed, int replication);

    /// <summary>The reference implementation of <see cref="Run"/> from the two steps.</summary>
    static IReadOnlyList<MetricValue> DrawAndClear(IStandaloneMechanism mechanism, ulong seed, int replication)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        var draws = new double[mechanism.Roles][];
        for (var role = 0; role < mechanism.Roles; role++)
        {
            draws[role] = new double[mechanism.Units * mechanism.DrawsPerUnit];
            mechanism.Draw(seed, replication, role, 0, draws[role]);
        }

        return mechanism.Clear(seed, replication, draws);
    }
}

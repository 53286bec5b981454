using MarketSim.Core.Mechanisms;
using MarketSim.Core.Replications;

namespace MarketSim.Simulation.Running;

/// <summary>
/// Splits the populations of the mechanisms that bring their own (docs/theory.md §3 pairs, docs/theory.md §4 groups) into
/// cohorts: for every mechanism and every role, contiguous blocks of units sized like the two-sided
/// cohorts (<see cref="CohortPlan.AutomaticSize"/>: one actor per unit up to 64 units). Units draw
/// from streams keyed by unit index (docs/theory.md §6), so the split changes message counts, never results.
/// </summary>
internal static class PopulationPlan
{
    /// <summary>Blocks of <c>model.Standalone[k]</c> at index k, roles in order, each role covered once.</summary>
    public static IReadOnlyList<IReadOnlyList<UnitBlock>> For(MarketModel model, int? cohortSize, int workers) =>
        model.Standalone.Select(mechanism => For(mechanism, cohortSize, workers)).ToArray();

    public static IReadOnlyList<UnitBlock> For(IStandaloneMechanism mechanism, int? cohortSize, int workers)
    {
        var size = cohortSize ?? CohortPlan.AutomaticSize(mechanism.Units, workers);
        var blocks = new List<UnitBlock>();
        for (var role = 0; role < mechanism.Roles; role++)
        {
            for (var offset = 0; offset < mechanism.Units; offset += size)
            {
                blocks.Add(new UnitBlock(role, offset, Math.Min(size, mechanism.Units - offset)));
            }
        }

        return blocks;
    }
}

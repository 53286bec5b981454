using MarketSim.Core.Agents;
using MarketSim.Core;

namespace MarketSim.Simulation.Running;

/// <summary>
/// Splits each side into contiguous cohorts. Agents are placed by index and draw from streams keyed
/// by index (docs/theory.md §6), so the split changes message counts, never results.
/// </summary>
internal static class CohortPlan
{
    /// <summary>Up to this many agents on a side, each agent is its own actor (behaviour visible per agent).</summary>
    public const int PerAgentLimit = 64;

    /// <summary>Cap on automatic cohorts: bounds one report at 2 x 16384 doubles (256 KiB) for future remoting.</summary>
    public const int MaximumAutomaticSize = 16384;

    /// <summary>
    /// 1 for small sides (per-agent actors). Otherwise: with at least as many replications as
    /// workers every core already has a lane, so splitting a side only adds messages: one cohort per
    /// side. With fewer replications than workers, about 4 cohorts per side per idle core of a lane,
    /// so one replication's draws spread over the cores. Always capped at <see cref="MaximumAutomaticSize"/>.
    /// </summary>
    public static int AutomaticSize(int agents, int workers, int replications = 1)
    {
        if (agents <= PerAgentLimit)
        {
            return 1;
        }

        var lanes = Math.Max(1, Math.Min(workers, replications));
        if (lanes >= workers)
        {
            return Math.Min(MaximumAutomaticSize, agents);
        }

        var coresPerLane = (workers + lanes - 1) / lanes;
        var perFourCores = (int)Math.Ceiling(agents / (4.0 * coresPerLane));
        return Math.Min(MaximumAutomaticSize, perFourCores);
    }

    /// <summary>The cohorts of both sides, buyers first, each side covered exactly once in order.</summary>
    public static IReadOnlyList<CohortBlock> For(int buyers, int sellers, int? cohortSize, int workers, int replications = 1)
    {
        var blocks = new List<CohortBlock>();
        AddSide(blocks, Side.Buyers, buyers, cohortSize ?? AutomaticSize(buyers, workers, replications));
        AddSide(blocks, Side.Sellers, sellers, cohortSize ?? AutomaticSize(sellers, workers, replications));
        return blocks;
    }

    private static void AddSide(List<CohortBlock> blocks, Side side, int agents, int size)
    {
        for (var offset = 0; offset < agents; offset += size)
        {
            blocks.Add(new CohortBlock(side, offset, Math.Min(size, agents - offset)));
        }
    }
}

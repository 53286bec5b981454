using MarketSim.Core.Agents;

namespace MarketSim.Simulation.Running;

/// <summary>
/// Splits each side into contiguous cohorts. Agents are placed by index and draw from streams keyed
/// by index (SPEC 6), so the split changes message counts, never results.
/// </summary>
internal static class CohortPlan
{
    /// <summary>Up to this many agents on a side, each agent is its own actor (behaviour visible per agent).</summary>
    public const int PerAgentLimit = 64;

    /// <summary>Cap on automatic cohorts: bounds one report at 2 x 16384 doubles (256 KiB) for future remoting.</summary>
    public const int MaximumAutomaticSize = 16384;

    /// <summary>
    /// 1 for small sides; otherwise about 4 cohorts per side per worker, so that a lane's draws can
    /// spread over the cores when there are fewer replications than workers, capped at
    /// <see cref="MaximumAutomaticSize"/>.
    /// </summary>
    public static int AutomaticSize(int agents, int workers)
    {
        if (agents <= PerAgentLimit)
        {
            return 1;
        }

        var perFourWorkers = (int)Math.Ceiling(agents / (4.0 * workers));
        return Math.Min(MaximumAutomaticSize, perFourWorkers);
    }

    /// <summary>The cohorts of both sides, buyers first, each side covered exactly once in order.</summary>
    public static IReadOnlyList<CohortBlock> For(int buyers, int sellers, int? cohortSize, int workers)
    {
        var blocks = new List<CohortBlock>();
        AddSide(blocks, Side.Buyers, buyers, cohortSize ?? AutomaticSize(buyers, workers));
        AddSide(blocks, Side.Sellers, sellers, cohortSize ?? AutomaticSize(sellers, workers));
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

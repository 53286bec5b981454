using MarketSim.Core.Agents;

namespace MarketSim.Core.Random;

/// <summary>
/// Names an independent random stream (docs/theory.md §6): agents' draws are keyed by (seed, replication,
/// side, agent index); lotteries by (seed, replication, mechanism). The domain separates the
/// purposes; the index separates agents (or players, pairs) within a domain.
/// </summary>
public readonly record struct StreamKey(ulong Seed, int Replication, uint Domain, int Index)
{
    /// <summary>Domain of the agents of one side of the two-sided market.</summary>
    public static uint AgentDomain(Side side) => (uint)side + 1;

    /// <summary>
    /// Domain of a named purpose (a mechanism's lotteries, a multi-object pair, an auction
    /// group): a stable FNV-1a hash of the name with the top bit set, so it never collides with
    /// the agent domains and never changes when other mechanisms are added to a scenario.
    /// </summary>
    public static uint NamedDomain(string name)
    {
        var hash = 2166136261u;
        foreach (var character in name)
        {
            hash = (hash ^ character) * 16777619u;
        }

        return hash | 0x8000_0000u;
    }

    public static StreamKey ForAgent(ulong seed, int replication, Side side, int agentIndex) =>
        new(seed, replication, AgentDomain(side), agentIndex);

    public static StreamKey ForPurpose(ulong seed, int replication, string purpose, int index = 0) =>
        new(seed, replication, NamedDomain(purpose), index);
}

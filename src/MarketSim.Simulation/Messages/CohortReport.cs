using MarketSim.Core.Agents;
using MarketSim.Core;

namespace MarketSim.Simulation.Messages;

/// <summary>
/// Trader cohort -> clearinghouse: the types of agents [Offset, Offset + Count) of one side, in ONE
/// message for the whole cohort (docs/architecture.md "Large populations"), struct-of-arrays.
/// </summary>
/// <remarks>
/// The memory is the cohort's own buffer, lent read-only to avoid copying millions of doubles per
/// replication: it stays valid until the cohort's next <see cref="DrawTypes"/>. A lane asks for the
/// next draw only after its clearinghouse has placed every report, so the loan never overlaps a write.
/// </remarks>
public sealed record CohortReport(
    int Replication, Side Side, int Offset, ReadOnlyMemory<double> ValueOfGood, ReadOnlyMemory<double> ValueOfMoney)
{
    public int Count => ValueOfGood.Length;
}

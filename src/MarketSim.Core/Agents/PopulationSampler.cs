using MarketSim.Core.Laws;

namespace MarketSim.Core.Agents;

/// <summary>Draws agents' types from their keyed streams (SPEC 6).</summary>
public static class PopulationSampler
{
    /// <summary>
    /// Draws agents offset .. offset + valueOfGood.Length - 1 of one side in one replication. Agent i
    /// always gets the same type whatever block (cohort) it is drawn in.
    /// </summary>
    public static void Draw(
        ISideLaw law, ulong seed, int replication, Side side, int offset,
        Span<double> valueOfGood, Span<double> valueOfMoney) =>
        throw new NotImplementedException("filled by the distributions work");
}

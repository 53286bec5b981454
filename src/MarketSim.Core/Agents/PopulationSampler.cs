using MarketSim.Core.Laws;
using MarketSim.Core.Random;

namespace MarketSim.Core.Agents;

/// <summary>Draws agents' types from their keyed streams (docs/theory.md §6).</summary>
public static class PopulationSampler
{
    /// <summary>
    /// Draws agents offset .. offset + valueOfGood.Length - 1 of one side in one replication. Agent i
    /// always gets the same type whatever block (cohort) it is drawn in: its uniforms are the first
    /// pair of the stream keyed (seed, replication, side, i).
    /// </summary>
    public static void Draw(
        ISideLaw law, ulong seed, int replication, Side side, int offset,
        Span<double> valueOfGood, Span<double> valueOfMoney)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (valueOfMoney.Length != valueOfGood.Length)
        {
            throw new ArgumentException("The two output spans must have the same length.", nameof(valueOfMoney));
        }

        for (var i = 0; i < valueOfGood.Length; i++)
        {
            var (first, second) = RandomStream.FirstPair(StreamKey.ForAgent(seed, replication, side, offset + i));
            (valueOfGood[i], valueOfMoney[i]) = law.Draw(first, second);
        }
    }
}

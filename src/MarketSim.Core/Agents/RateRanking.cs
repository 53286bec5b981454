using System.Buffers;
using MarketSim.Core.Metrics;
using MarketSim.Core.Numerics;

namespace MarketSim.Core.Agents;

/// <summary>
/// The CE ranking of one market (docs/theory.md §2: buyers by rate descending, sellers ascending, ties by index),
/// computed at most once per replication and shared by the reference CE and every CE mechanism
/// cleared on the same draws: they would all sort the same rates into the same order.
/// </summary>
/// <remarks>
/// Valid only while <see cref="Replications.ReplicationRunner.ClearAll"/> runs (it invalidates on entry
/// and detaches on exit), so nothing can read a ranking of draws that changed since.
/// </remarks>
internal sealed class RateRanking
{
    private int[] buyers = [];
    private int[] sellers = [];
    private bool buyersValid;
    private bool sellersValid;

    public void Invalidate()
    {
        buyersValid = false;
        sellersValid = false;
    }

    /// <summary>Buyers by rate of substitution descending, equal rates by index.</summary>
    public ReadOnlySpan<int> BuyersDescending(SidePopulation side)
    {
        if (!buyersValid)
        {
            Rank(side.RateOfSubstitution, descending: true, ref buyers);
            buyersValid = true;
        }

        return buyers.AsSpan(0, side.Count);
    }

    /// <summary>Sellers by rate of substitution ascending, equal rates by index.</summary>
    public ReadOnlySpan<int> SellersAscending(SidePopulation side)
    {
        if (!sellersValid)
        {
            Rank(side.RateOfSubstitution, descending: false, ref sellers);
            sellersValid = true;
        }

        return sellers.AsSpan(0, side.Count);
    }

    /// <summary>Fills <paramref name="order"/> with the ranking; descending = ascending negated rates.</summary>
    internal static void Rank(ReadOnlySpan<double> rates, bool descending, Span<int> order)
    {
        var keys = ArrayPool<double>.Shared.Rent(rates.Length);
        try
        {
            var span = keys.AsSpan(0, rates.Length);
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = descending ? -rates[i] : rates[i];
            }

            RankOrder.Ascending(span, order);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(keys);
        }
    }

    private static void Rank(double[] rates, bool descending, ref int[] order)
    {
        if (order.Length < rates.Length)
        {
            order = new int[rates.Length];
        }

        Rank(rates, descending, order.AsSpan(0, rates.Length));
    }
}

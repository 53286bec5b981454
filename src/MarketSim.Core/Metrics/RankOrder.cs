namespace MarketSim.Core.Metrics;

/// <summary>
/// Orders agents by a key with ties broken by agent index, so that who trades (CE, SPEC 2) and who
/// counts among the poorest fifth (SPEC 5) is deterministic whatever the sort algorithm does.
/// </summary>
internal static class RankOrder
{
    /// <summary>
    /// Fills <paramref name="order"/> with 0 .. n-1 sorted by <paramref name="keys"/> ascending, equal
    /// keys by ascending index. <paramref name="keys"/> is sorted in place (it is scratch).
    /// </summary>
    public static void Ascending(Span<double> keys, Span<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        keys.Sort(order);

        // The span sort is an unstable introsort: restore index order inside each run of equal keys.
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[start])
            {
                if (i - start > 1)
                {
                    order[start..i].Sort();
                }

                start = i;
            }
        }
    }
}

namespace MarketSim.Core.Numerics;

/// <summary>
/// Lower and upper bounds in a weakly increasing array. Array.BinarySearch is not used: among equal
/// values it returns any one of them, and the callers count ties (empirical CDFs, tie lotteries).
/// </summary>
internal static class SortedSearch
{
    /// <summary>First index whose value is &gt;= x (= number of values &lt; x).</summary>
    public static int LowerBound(ReadOnlySpan<double> sorted, double x)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle] < x)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>First index whose value is &gt; x (= number of values &lt;= x).</summary>
    public static int UpperBound(ReadOnlySpan<double> sorted, double x)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle] <= x)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}

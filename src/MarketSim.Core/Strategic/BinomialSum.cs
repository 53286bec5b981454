namespace MarketSim.Core.Strategic;

/// <summary>
/// The law of A + B for independent A ~ Bin(n1, p1) and B ~ Bin(n2, p2): the number of a trader's
/// rivals (n1 of one side, n2 of the other) whose reports are at most x, so that the j-th smallest
/// rival report o_j satisfies P(o_j &lt;= x) = P(A + B &gt;= j) (docs/theory.md §2.4). Exact sums in
/// O(n1 + n2); the buffers are reused between calls (one instance per thread).
/// </summary>
internal sealed class BinomialSum(int maximumCount)
{
    private readonly double[] first = new double[maximumCount + 1];
    private readonly double[] second = new double[maximumCount + 1];

    /// <summary>P(A + B = j).</summary>
    public double Pmf(int j, int n1, double p1, int n2, double p2)
    {
        if (j < 0 || j > n1 + n2 || n1 < 0 || n2 < 0)
        {
            return 0.0;
        }

        PooledOrderStatistics.BinomialPmf(n1, p1, first.AsSpan(0, n1 + 1));
        PooledOrderStatistics.BinomialPmf(n2, p2, second.AsSpan(0, n2 + 1));
        var total = 0.0;
        for (var a = Math.Max(0, j - n2); a <= Math.Min(n1, j); a++)
        {
            total += first[a] * second[j - a];
        }

        return total;
    }

    /// <summary>P(A + B &lt; j), summed directly (no cancellation when it is tiny).</summary>
    public double Below(int j, int n1, double p1, int n2, double p2)
    {
        if (j <= 0)
        {
            return 0.0;
        }

        PooledOrderStatistics.BinomialPmf(n1, p1, first.AsSpan(0, n1 + 1));
        PooledOrderStatistics.BinomialPmf(n2, p2, second.AsSpan(0, n2 + 1));
        // second[b] becomes P(B <= b).
        for (var b = 1; b <= n2; b++)
        {
            second[b] += second[b - 1];
        }

        var total = 0.0;
        for (var a = 0; a <= Math.Min(n1, j - 1); a++)
        {
            total += first[a] * second[Math.Min(j - 1 - a, n2)];
        }

        return Math.Min(total, 1.0);
    }

    /// <summary>
    /// The density of o_j at x: d/dx P(A + B &gt;= j) = n1 f1 P(A' + B = j - 1) + n2 f2 P(A + B' = j - 1),
    /// A' ~ Bin(n1 - 1, p1), B' ~ Bin(n2 - 1, p2) (the derivative of a binomial tail in p).
    /// </summary>
    public double OrderStatisticDensity(int j, int n1, double p1, double f1, int n2, double p2, double f2)
    {
        var density = 0.0;
        if (n1 > 0 && f1 > 0)
        {
            density += n1 * f1 * Pmf(j - 1, n1 - 1, p1, n2, p2);
        }

        if (n2 > 0 && f2 > 0)
        {
            density += n2 * f2 * Pmf(j - 1, n1, p1, n2 - 1, p2);
        }

        return density;
    }
}

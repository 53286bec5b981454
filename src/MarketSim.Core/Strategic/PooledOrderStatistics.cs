namespace MarketSim.Core.Strategic;

/// <summary>
/// The exact law of an order statistic of a pooled sample of independent reports: n1 reports with
/// CDF F1 and n2 with CDF F2 (a trader's rivals: the other buyers' bids and the sellers' asks). The
/// j-th smallest o_j satisfies P(o_j &lt;= x) = P(A + B &gt;= j) with A ~ Bin(n1, F1(x)) and
/// B ~ Bin(n2, F2(x)) independent, summed exactly in O(n1 + n2) per point (<see cref="BinomialSum"/>). On a grid of reports
/// x_0 &lt; ... &lt; x_K the class also gives I_j(x) = E[o_j 1{o_j &lt;= x}] by the midpoint rule on the
/// grid (an atom of o_j at x_0 counted at x_0), the building block of expected payments.
/// </summary>
internal static class PooledOrderStatistics
{
    /// <summary>CDF values on the grid and I_j on the grid (midpoint rule).</summary>
    public static (double[] Cdf, double[] PartialMean) OnGrid(int j, int n1, double[] f1, int n2, double[] f2, double[] grid)
    {
        var cdf = new double[grid.Length];
        var partial = new double[grid.Length];
        var sum = new BinomialSum(Math.Max(n1, n2));
        for (var k = 0; k < grid.Length; k++)
        {
            cdf[k] = sum.AtLeast(j, n1, f1[k], n2, f2[k]);
        }

        partial[0] = grid[0] * cdf[0];
        for (var k = 1; k < grid.Length; k++)
        {
            partial[k] = partial[k - 1] + (0.5 * (grid[k] + grid[k - 1]) * (cdf[k] - cdf[k - 1]));
        }

        return (cdf, partial);
    }
}

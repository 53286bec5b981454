namespace MarketSim.Core.Strategic;

/// <summary>
/// The exact law of an order statistic of a pooled sample of independent reports: n1 reports with
/// CDF F1 and n2 with CDF F2 (a trader's rivals: the other buyers' bids and the sellers' asks). The
/// j-th smallest o_j satisfies P(o_j &lt;= x) = P(A + B &gt;= j) with A ~ Bin(n1, F1(x)) and
/// B ~ Bin(n2, F2(x)) independent, summed exactly in O(n1 + n2) per point. On a grid of reports
/// x_0 &lt; ... &lt; x_K the class also gives I_j(x) = E[o_j 1{o_j &lt;= x}] by the midpoint rule on the
/// grid (an atom of o_j at x_0 counted at x_0), the building block of expected payments.
/// </summary>
internal static class PooledOrderStatistics
{
    /// <summary>P(A + B &gt;= j); 1 for j &lt;= 0, 0 for j &gt; n1 + n2.</summary>
    public static double AtLeast(int j, int n1, double p1, int n2, double p2, Span<double> scratch)
    {
        if (j <= 0)
        {
            return 1.0;
        }

        if (j > n1 + n2)
        {
            return 0.0;
        }

        var pmf1 = scratch[..(n1 + 1)];
        var tail2 = scratch.Slice(n1 + 1, n2 + 2);
        BinomialPmf(n1, p1, pmf1);
        var pmf2 = scratch.Slice(n1 + n2 + 3, n2 + 1);
        BinomialPmf(n2, p2, pmf2);
        tail2[n2 + 1] = 0;
        for (var b = n2; b >= 0; b--)
        {
            tail2[b] = tail2[b + 1] + pmf2[b];
        }

        var total = 0.0;
        for (var a = 0; a <= n1; a++)
        {
            var need = j - a;
            total += pmf1[a] * (need <= 0 ? 1.0 : need > n2 ? 0.0 : tail2[need]);
        }

        return Math.Clamp(total, 0.0, 1.0);
    }

    /// <summary>Scratch length needed by <see cref="AtLeast"/>.</summary>
    public static int ScratchLength(int n1, int n2) => (n1 + 1) + (2 * (n2 + 2)) + 2;

    /// <summary>CDF values on the grid and I_j on the grid (midpoint rule).</summary>
    public static (double[] Cdf, double[] PartialMean) OnGrid(int j, int n1, double[] f1, int n2, double[] f2, double[] grid)
    {
        var cdf = new double[grid.Length];
        var partial = new double[grid.Length];
        var scratch = new double[ScratchLength(n1, n2)];
        for (var k = 0; k < grid.Length; k++)
        {
            cdf[k] = AtLeast(j, n1, f1[k], n2, f2[k], scratch);
        }

        partial[0] = grid[0] * cdf[0];
        for (var k = 1; k < grid.Length; k++)
        {
            partial[k] = partial[k - 1] + (0.5 * (grid[k] + grid[k - 1]) * (cdf[k] - cdf[k - 1]));
        }

        return (cdf, partial);
    }

    internal static void BinomialPmf(int n, double p, Span<double> pmf)
    {
        pmf.Clear();
        if (p <= 0)
        {
            pmf[0] = 1;
            return;
        }

        if (p >= 1)
        {
            pmf[n] = 1;
            return;
        }

        // Multiplicative recurrence from P(0) = (1-p)^n, computed in logs so small n p stays exact enough.
        var logQ = Math.Log(1 - p);
        var odds = p / (1 - p);
        var value = Math.Exp(n * logQ);
        if (value > 1e-280)
        {
            pmf[0] = value;
            for (var k = 0; k < n; k++)
            {
                value *= (n - k) / (double)(k + 1) * odds;
                pmf[k + 1] = value;
            }

            return;
        }

        for (var k = 0; k <= n; k++)
        {
            pmf[k] = MathNet.Numerics.Distributions.Binomial.PMF(p, n, k);
        }
    }
}

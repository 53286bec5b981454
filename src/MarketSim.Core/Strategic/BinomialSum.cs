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
    private readonly double[] tail = new double[maximumCount + 2];

    /// <summary>P(A + B &gt;= j), summed directly (no cancellation when it is tiny); 1 for j &lt;= 0, 0 for j &gt; n1 + n2.</summary>
    public double AtLeast(int j, int n1, double p1, int n2, double p2)
    {
        if (j <= 0)
        {
            return 1.0;
        }

        if (j > n1 + n2)
        {
            return 0.0;
        }

        BinomialPmf(n1, p1, first.AsSpan(0, n1 + 1));
        BinomialPmf(n2, p2, second.AsSpan(0, n2 + 1));
        // tail[b] = P(B >= b).
        tail[n2 + 1] = 0;
        for (var b = n2; b >= 0; b--)
        {
            tail[b] = tail[b + 1] + second[b];
        }

        var total = 0.0;
        for (var a = 0; a <= n1; a++)
        {
            var need = j - a;
            total += first[a] * (need <= 0 ? 1.0 : need > n2 ? 0.0 : tail[need]);
        }

        return Math.Clamp(total, 0.0, 1.0);
    }

    /// <summary>P(A + B = j).</summary>
    public double Pmf(int j, int n1, double p1, int n2, double p2)
    {
        if (j < 0 || j > n1 + n2 || n1 < 0 || n2 < 0)
        {
            return 0.0;
        }

        BinomialPmf(n1, p1, first.AsSpan(0, n1 + 1));
        BinomialPmf(n2, p2, second.AsSpan(0, n2 + 1));
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

        BinomialPmf(n1, p1, first.AsSpan(0, n1 + 1));
        BinomialPmf(n2, p2, second.AsSpan(0, n2 + 1));
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

    private static void BinomialPmf(int n, double p, Span<double> pmf)
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

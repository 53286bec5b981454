namespace MarketSim.Core.Strategic;

/// <summary>
/// The law of A + B for independent A ~ Bin(n1, p1) and B ~ Bin(n2, p2): the number of a trader's
/// rivals (n1 of one side, n2 of the other) whose reports are at most x, so that the j-th smallest
/// rival report o_j satisfies P(o_j &lt;= x) = P(A + B &gt;= j) (docs/theory.md §2.4).
/// <para>Every binomial probability is exp(log C(n, k) + k log p + (n - k) log(1 - p)) from a table of
/// log k!, so no recurrence underflows: in markets of hundreds of traders the probability that a
/// trader is pivotal is often below 1e-300, and the first-order conditions need RATIOS of such
/// probabilities (<see cref="PivotOverDensity"/>), which are summed in logs. Tails are exact sums in
/// O(n1 + n2); the buffers are reused between calls (one instance per thread).</para>
/// </summary>
internal sealed class BinomialSum
{
    /// <summary>Terms below e^-50 (2e-22) of a log-concave sum's largest term are dropped (at most n of them).</summary>
    private const double NegligibleLogTerm = -50.0;

    private readonly double[] logFactorial;
    private readonly double[] first;
    private readonly double[] second;
    private readonly double[] tail;

    public BinomialSum(int maximumCount)
    {
        logFactorial = new double[maximumCount + 2];
        for (var k = 2; k < logFactorial.Length; k++)
        {
            logFactorial[k] = logFactorial[k - 1] + Math.Log(k);
        }

        first = new double[maximumCount + 1];
        second = new double[maximumCount + 1];
        tail = new double[maximumCount + 2];
    }

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

    /// <summary>
    /// P(A + B = i) divided by the density of o_j at x, n1 f1 P(A' + B = j - 1) + n2 f2 P(A + B' = j - 1)
    /// with A' ~ Bin(n1 - 1, p1), B' ~ Bin(n2 - 1, p2) (the derivative of a binomial tail in p): the
    /// pivotal probability over the marginal-trade density of the first-order conditions. Computed in logs,
    /// exact however small both are; NaN where o_j has no density at x.
    /// </summary>
    public double PivotOverDensity(int i, int j, int n1, double p1, double f1, int n2, double p2, double f2)
    {
        var logDensity = double.NegativeInfinity;
        if (n1 > 0 && f1 > 0)
        {
            logDensity = LogAdd(logDensity, Math.Log(n1 * f1) + LogPmf(j - 1, n1 - 1, p1, n2, p2));
        }

        if (n2 > 0 && f2 > 0)
        {
            logDensity = LogAdd(logDensity, Math.Log(n2 * f2) + LogPmf(j - 1, n1, p1, n2 - 1, p2));
        }

        return double.IsNegativeInfinity(logDensity) ? double.NaN : Math.Exp(LogPmf(i, n1, p1, n2, p2) - logDensity);
    }

    /// <summary>
    /// log P(A + B = j) (negative infinity where impossible). The terms P(A = a) P(B = j - a) are
    /// log-concave in a, so the sum starts at the largest (found by bisection on the increments) and
    /// walks outwards until the terms are negligible: O(sqrt n) terms in the bulk, fewer in the tails.
    /// </summary>
    public double LogPmf(int j, int n1, double p1, int n2, double p2)
    {
        var (low1, high1) = Range(n1, p1);
        var (low2, high2) = Range(n2, p2);
        var low = Math.Max(low1, j - high2);
        var high = Math.Min(high1, j - low2);
        if (n1 < 0 || n2 < 0 || low > high)
        {
            return double.NegativeInfinity;
        }

        var (logs1, logs2) = (LogProbabilities.Of(p1), LogProbabilities.Of(p2));
        double Term(int a) => LogBinomial(n1, a, logs1) + LogBinomial(n2, j - a, logs2);

        // Largest term: the first a whose increment Term(a + 1) - Term(a) is not positive.
        var (from, to) = (low, high);
        while (from < to)
        {
            var middle = from + ((to - from) / 2);
            if (Term(middle + 1) > Term(middle))
            {
                from = middle + 1;
            }
            else
            {
                to = middle;
            }
        }

        var peak = Term(from);
        var total = 1.0;
        for (var a = from + 1; a <= high; a++)
        {
            var relative = Term(a) - peak;
            total += Math.Exp(relative);
            if (relative < NegligibleLogTerm)
            {
                break;
            }
        }

        for (var a = from - 1; a >= low; a--)
        {
            var relative = Term(a) - peak;
            total += Math.Exp(relative);
            if (relative < NegligibleLogTerm)
            {
                break;
            }
        }

        return peak + Math.Log(total);
    }

    /// <summary>The support of Bin(n, p): one point when p is 0 or 1.</summary>
    private static (int Low, int High) Range(int n, double p) => p <= 0 ? (0, 0) : p >= 1 ? (n, n) : (0, n);

    /// <summary>log P(Bin(n, p) = k) for k in the support (0 where p is 0 or 1: the support is one point).</summary>
    private double LogBinomial(int n, int k, LogProbabilities p) =>
        p.Degenerate ? 0.0 : logFactorial[n] - logFactorial[k] - logFactorial[n - k] + (k * p.LogP) + ((n - k) * p.LogQ);

    /// <summary>log p and log(1 - p), taken once per sum rather than once per term (the sums' hot path).</summary>
    private readonly record struct LogProbabilities(double LogP, double LogQ, bool Degenerate)
    {
        public static LogProbabilities Of(double p) => p <= 0 || p >= 1 ? new(0, 0, true) : new(Math.Log(p), Math.Log(1 - p), false);
    }

    private static double LogAdd(double x, double y)
    {
        if (double.IsNegativeInfinity(x))
        {
            return y;
        }

        if (double.IsNegativeInfinity(y))
        {
            return x;
        }

        var larger = Math.Max(x, y);
        return larger + Math.Log(Math.Exp(x - larger) + Math.Exp(y - larger));
    }

    private void BinomialPmf(int n, double p, Span<double> pmf)
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

        var logs = LogProbabilities.Of(p);
        for (var k = 0; k <= n; k++)
        {
            pmf[k] = Math.Exp(LogBinomial(n, k, logs));
        }
    }
}

namespace MarketSim.Core.Stress;

/// <summary>
/// The smallest cut of the promised lump sum per recipient agent that keeps the deficit
/// probability at or below <c>maxDeficitProbability</c> (a). Cutting the lump sum by m per agent of
/// the recipient side (N_r agents) raises the budget surplus per seller S by m N_r / N_S, so the
/// budget is in deficit iff D = -S N_S / N_r exceeds m: the margin is the (1 - a)-quantile of D,
/// estimated by the order statistic D_(ceil((1-a) R)) over the R replications (at most a fraction a
/// of the replications would still run a deficit) with its order-statistic interval. Negative
/// means the promise could even be raised. For a wedge, D = (p_B - p_S)(Q N_S - min(k_B, k_S)) / N_r
/// has spread of order sqrt(N) / N, hence the theory's margin ~ N^{-1/2} (docs/theory.md §2, issue 8).
/// </summary>
public static class SafetyMargin
{
    public static (double Value, double Low, double High) Of(
        ReadOnlySpan<double> surplusPerSeller, int sellers, int recipients, double maxDeficitProbability)
    {
        if (!(maxDeficitProbability > 0 && maxDeficitProbability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(maxDeficitProbability), maxDeficitProbability, "must lie in (0, 1)");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(recipients, 1);
        var shortfall = new double[surplusPerSeller.Length];
        var scale = (double)sellers / recipients;
        for (var i = 0; i < shortfall.Length; i++)
        {
            shortfall[i] = -surplusPerSeller[i] * scale;
        }

        Array.Sort(shortfall);
        return SampleQuantile.Of(shortfall, 1 - maxDeficitProbability);
    }
}

using MathNet.Numerics.Distributions;

namespace MarketSim.Core.Stress;

/// <summary>
/// Exact (Clopper-Pearson) interval for a binomial proportion: the Beta quantiles
/// [Beta^{-1}(a/2; k, n-k+1), Beta^{-1}(1-a/2; k+1, n-k)], with 0 and 1 at the ends k = 0, k = n.
/// Conservative (coverage >= 1 - a), so "no deficit in 200 replications" reads as [0, 0.018].
/// </summary>
public static class ProportionInterval
{
    public static (double Low, double High) ClopperPearson(int successes, int trials, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        var tail = (1 - level) / 2;
        var low = successes == 0 ? 0.0 : Beta.InvCDF(successes, trials - successes + 1, tail);
        var high = successes == trials ? 1.0 : Beta.InvCDF(successes + 1, trials - successes, 1 - tail);
        return (low, high);
    }
}

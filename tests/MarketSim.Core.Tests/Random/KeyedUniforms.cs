using MarketSim.Core.Random;

namespace MarketSim.Core.Tests.Random;

/// <summary>Test randomness from fixed stream keys (never System.Random).</summary>
internal static class KeyedUniforms
{
    public static double[] Draw(int count, uint domain, ulong seed = 20260101)
    {
        var stream = new RandomStream(new StreamKey(seed, 0, domain, 0));
        var uniforms = new double[count];
        for (var i = 0; i < count; i++)
        {
            uniforms[i] = stream.NextUniform();
        }

        return uniforms;
    }

    /// <summary>Kolmogorov-Smirnov statistic sup |F_n - F| of a sample against a continuous CDF.</summary>
    public static double KolmogorovSmirnov(double[] sample, Func<double, double> cdf)
    {
        var sorted = (double[])sample.Clone();
        Array.Sort(sorted);
        var n = sorted.Length;
        var statistic = 0.0;
        for (var i = 0; i < n; i++)
        {
            var f = cdf(sorted[i]);
            statistic = Math.Max(statistic, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }

        return statistic;
    }
}

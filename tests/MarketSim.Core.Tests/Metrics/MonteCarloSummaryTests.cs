using MarketSim.Core.Metrics;
using MarketSim.Core.Random;
using MathNet.Numerics.Distributions;

namespace MarketSim.Core.Tests.Metrics;

/// <summary>Mean, sample sd, se and the Student-t 95% interval (docs/theory.md §5); NaN skipped; interval coverage.</summary>
public sealed class MonteCarloSummaryTests
{
    /// <summary>
    /// (1..5): mean 3, sd sqrt(10/4) = 1.5811388300841898, se = sd/sqrt(5) = 0.7071067811865476,
    /// t_{0.975,4} = 2.7764451051977987 (Student-t table): CI 3 -+ 1.9632432.
    /// </summary>
    [Fact]
    public void MatchesHandComputation()
    {
        var summary = MonteCarloSummary.Summarise([1, 2, 3, 4, 5]);

        Assert.Equal(3, summary.Mean, 14);
        Assert.Equal(1.5811388300841898, summary.StandardDeviation, 12);
        Assert.Equal(0.7071067811865476, summary.StandardError, 12);
        Assert.Equal(3 - (2.7764451051977987 * 0.7071067811865476), summary.ConfidenceLow, 9);
        Assert.Equal(3 + (2.7764451051977987 * 0.7071067811865476), summary.ConfidenceHigh, 9);
        Assert.Equal(5, summary.Count);
    }

    /// <summary>Only finite values count: (1, 3) gives mean 2, sd sqrt 2, se 1, t_{0.975,1} = 12.706204736174698.</summary>
    [Fact]
    public void NonFiniteValuesAreSkippedAndNotCounted()
    {
        var summary = MonteCarloSummary.Summarise([1, double.NaN, 3, double.PositiveInfinity]);

        Assert.Equal(2, summary.Count);
        Assert.Equal(2, summary.Mean, 14);
        Assert.Equal(Math.Sqrt(2), summary.StandardDeviation, 12);
        Assert.Equal(1, summary.StandardError, 12);
        Assert.Equal(2 + 12.706204736174698, summary.ConfidenceHigh, 8);
    }

    [Fact]
    public void OneValueHasNoSpreadAndNoneHasNothing()
    {
        var one = MonteCarloSummary.Summarise([0.4, double.NaN]);
        var none = MonteCarloSummary.Summarise([double.NaN]);

        Assert.Equal(new SummaryStatistics(0.4, double.NaN, double.NaN, 0.4, 0.4, 1), one);
        Assert.Equal(0, none.Count);
        Assert.True(double.IsNaN(none.Mean) && double.IsNaN(none.ConfidenceLow) && double.IsNaN(none.ConfidenceHigh));
    }

    /// <summary>
    /// 2000 samples of 20 normal(0.3, 2) values: the t interval covers 0.3 with probability exactly
    /// 0.95, so the observed coverage lies within 0.95 +- 4 sqrt(0.95 x 0.05 / 2000) = +-0.0195.
    /// </summary>
    [Fact]
    public void NinetyFivePercentIntervalCoversTheMean()
    {
        const int Samples = 2000;
        var sample = new double[20];
        var covered = 0;
        for (var s = 0; s < Samples; s++)
        {
            var stream = new RandomStream(StreamKey.ForPurpose(5, s, "test:summary-coverage"));
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = Normal.InvCDF(0.3, 2, stream.NextUniform());
            }

            var summary = MonteCarloSummary.Summarise(sample);
            if (summary.ConfidenceLow <= 0.3 && 0.3 <= summary.ConfidenceHigh)
            {
                covered++;
            }
        }

        var coverage = covered / (double)Samples;
        Assert.InRange(coverage, 0.95 - (4 * Math.Sqrt(0.95 * 0.05 / Samples)), 0.95 + (4 * Math.Sqrt(0.95 * 0.05 / Samples)));
    }
}

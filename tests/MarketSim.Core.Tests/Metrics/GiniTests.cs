using MarketSim.Core.Metrics;

namespace MarketSim.Core.Tests.Metrics;

/// <summary>
/// Population Gini (convention: G = sum_ij |y_i - y_j| / (2 n^2 mean), no n/(n-1) correction), so
/// one agent holding everything among n has G = 1 - 1/n.
/// </summary>
public sealed class GiniTests
{
    [Theory]
    [InlineData(new[] { 1.0, 1.0, 1.0 }, 0.0)]
    [InlineData(new[] { 0.0, 0.0, 0.0, 1.0 }, 0.75)]     // 1 - 1/4
    [InlineData(new[] { 4.0, 3.0, 2.0, 1.0 }, 0.25)]     // pairwise |differences| 20 / (2 x 16 x 2.5)
    [InlineData(new[] { 5.0 }, 0.0)]
    [InlineData(new[] { -1.0, 3.0 }, 1.0)]               // 2 x 4 / (2 x 4 x 1): above 1 - 1/n = 0.5 with a negative
    public void KnownVectors(double[] values, double gini) =>
        Assert.Equal(gini, OutcomeMetrics.Gini(values.ToArray()), 12);

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 0.0, 0.0 })]
    [InlineData(new[] { -1.0, 1.0 })]
    [InlineData(new[] { -2.0, 1.0 })]
    public void NonPositiveMeanOrNoAgentsIsNaN(double[] values) =>
        Assert.True(double.IsNaN(OutcomeMetrics.Gini(values.ToArray())));

    /// <summary>ceil(0.2 n) exactly: 0.2 x 15 = 3.0000000000000004 in floating point would give 4.</summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(15, 3)]
    [InlineData(16, 4)]
    [InlineData(0, 0)]
    public void PoorestFifthSizeIsTheCeilingOfOneFifth(int agents, int size) =>
        Assert.Equal(size, OutcomeMetrics.PoorestFifthSize(agents));
}

using MarketSim.Core.Scenarios;
using MarketSim.Core.Stress;
using Xunit.Abstractions;

namespace MarketSim.Core.Tests.Stress;

/// <summary>
/// The safety margin of the paper's wedge (000 Section 2) shrinks like N^{-1/2}: the budget surplus
/// per seller is w (min(k_B, k_S) - Q N) / N with binomial counts of spread sqrt(N) (issue 8).
/// </summary>
[Collection(StressMarkets.MonteCarloCollection)]
public sealed class SafetyMarginScalesAsInverseSquareRootTests(ITestOutputHelper output)
{
    [Fact]
    public void FittedExponentOfThePaperWedgeIsMinusOneHalf()
    {
        // Four sizes over a factor 30, 500 replications each (fixed seed): the 95% quantile has a
        // relative standard error of about 5%, giving se(b) ~ 0.025; the lattice of the smallest size
        // (one trade = 1/sd(k) = 0.2 sd at N = 50) biases b by a few hundredths. Hence |b + 1/2| < 0.1.
        var scenario = StressMarkets.Section2(21, StressMarkets.PaperWedge);
        var margins = new List<(int, double)>();
        foreach (var sellers in new[] { 50, 150, 500, 1500 })
        {
            var (model, results) = StressMarkets.Run(scenario, sellers, 500, LumpSumPolicy.Promised);
            var margin = StressMarkets.Row(StressAnalysis.Analyse(model, results, 0.05), "paper-wedge", StressMetrics.SafetyMarginPerAgent);
            var theory = new WedgeSurplusApproximation(sellers, sellers, 0.5, 0.5, 0.25, 0.125).SafetyMargin(0.05, sellers);
            output.WriteLine($"N = {sellers}: margin {margin.Value} [{margin.ConfidenceLow}, {margin.ConfidenceHigh}], normal approximation {theory}");
            margins.Add((sellers, margin.Value));
        }

        var fit = MarginScaling.Fit("paper-wedge", margins);
        output.WriteLine($"b = {fit.Exponent} [{fit.ExponentLow}, {fit.ExponentHigh}]");
        Assert.Equal(4, fit.Points);
        Assert.InRange(fit.Exponent, -0.6, -0.4);
        Assert.InRange(-0.5, fit.ExponentLow, fit.ExponentHigh);
    }

    [Fact]
    public void FitRecoversAnExactPowerLawAndItsInterval()
    {
        // Noise-free points c N^{-0.5}: slope -0.5 exactly, zero-width interval; non-positive margins are skipped.
        var fit = MarginScaling.Fit("m", [(10, 3 / Math.Sqrt(10)), (100, 0.3), (1000, 3 / Math.Sqrt(1000)), (10000, 0.0)]);
        Assert.Equal(3, fit.Points);
        Assert.Equal(-0.5, fit.Exponent, 12);
        Assert.Equal(Math.Log(3), fit.Intercept, 12);
        Assert.Equal(-0.5, fit.ExponentLow, 9);
        Assert.Equal(-0.5, fit.ExponentHigh, 9);
    }
}

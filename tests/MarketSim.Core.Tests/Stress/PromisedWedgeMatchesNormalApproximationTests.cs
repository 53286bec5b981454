using MarketSim.Core.Scenarios;
using MarketSim.Core.Stress;
using Xunit.Abstractions;

namespace MarketSim.Core.Tests.Stress;

/// <summary>
/// Under promised lump sums the paper's wedge (000 Section 2: p_B = 1/2, p_S = 1/4, L = 1/8 to
/// sellers) runs deficits whose probability and surplus quantiles match the independent normal
/// approximation of <see cref="WedgeSurplusApproximation"/> at large N.
/// </summary>
[Collection(StressMarkets.MonteCarloCollection)]
public sealed class PromisedWedgeMatchesNormalApproximationTests(ITestOutputHelper output)
{
    private const int Sellers = 1000;
    private const int Replications = 1000;

    [Fact]
    public void DeficitProbabilityQuantilesAndMeanMatchTheNormalApproximation()
    {
        var (model, results) = StressMarkets.Run(
            StressMarkets.Section2(8, StressMarkets.PaperWedge), Sellers, Replications, LumpSumPolicy.Promised);
        var rows = StressAnalysis.Analyse(model, results, 0.05);

        // b = 1 - G_B(1/2) = 1/2, s = G_S(1/4) = 2 x 1/4 = 1/2, w = 1/4, l = 1/8 per seller (docs/theory.md §1.4).
        var approximation = new WedgeSurplusApproximation(Sellers, Sellers, 0.5, 0.5, 0.25, 0.125);
        var deficit = StressMarkets.Row(rows, "paper-wedge", StressMetrics.DeficitProbability);
        var expected = approximation.DeficitProbability();
        output.WriteLine($"deficit probability {deficit.Value} [{deficit.ConfidenceLow}, {deficit.ConfidenceHigh}], normal approximation {expected}");

        // 4 binomial standard errors (sqrt(p(1-p)/R) = 0.014) plus 0.01 for the approximation
        // (Berry-Esseen on the CDF with sd 16 trades is a few 1e-3). Limit 3/4 minus the atom at Q N.
        Assert.InRange(expected, 0.72, 0.75);
        Assert.InRange(deficit.Value, expected - (4 * Math.Sqrt(expected * (1 - expected) / Replications)) - 0.01,
            expected + (4 * Math.Sqrt(expected * (1 - expected) / Replications)) + 0.01);

        // Quantiles: the order-statistic 95% interval, widened by two lattice steps of the surplus
        // (w / N_S per trade: the approximation's continuity correction is accurate to a step or two).
        var step = 0.25 / Sellers;
        foreach (var (metric, level) in new[] { (StressMetrics.BudgetSurplusQuantile01, 0.01), (StressMetrics.BudgetSurplusQuantile05, 0.05) })
        {
            var row = StressMarkets.Row(rows, "paper-wedge", metric);
            var theory = approximation.SurplusQuantile(level);
            output.WriteLine($"{metric} {row.Value} [{row.ConfidenceLow}, {row.ConfidenceHigh}], normal approximation {theory}");
            Assert.InRange(theory, row.ConfidenceLow - (2 * step), row.ConfidenceHigh + (2 * step));
            Assert.True(theory < 0, "a 5% quantile of the surplus of the paper's wedge is a deficit");
        }

        // Mean surplus: Clark's E[min] gives -w theta phi(0) / N_S = -0.25 x sqrt(500) x 0.3989 / 1000
        // = -0.00223 (x sqrt(1/2) at N = 2000: -0.00158, the menus work measured -0.00156); 4 se of the mean.
        var mean = StressMarkets.Row(rows, "paper-wedge", StressMetrics.BudgetSurplusMean);
        var meanTheory = approximation.MeanSurplus();
        var standardError = (mean.ConfidenceHigh - mean.ConfidenceLow) / (2 * 1.96);
        output.WriteLine($"mean surplus {mean.Value} +- {standardError}, Clark {meanTheory}");
        Assert.InRange(meanTheory, -0.00228, -0.00218);
        Assert.InRange(mean.Value, meanTheory - (4 * standardError), meanTheory + (4 * standardError));

        // The safety margin at 5%: order-statistic interval plus two lattice steps per recipient (N_r = N_S).
        var margin = StressMarkets.Row(rows, "paper-wedge", StressMetrics.SafetyMarginPerAgent);
        var marginTheory = approximation.SafetyMargin(0.05, Sellers);
        output.WriteLine($"safety margin {margin.Value} [{margin.ConfidenceLow}, {margin.ConfidenceHigh}], normal approximation {marginTheory}");
        Assert.InRange(marginTheory, margin.ConfidenceLow - (2 * step), margin.ConfidenceHigh + (2 * step));
    }
}

using MarketSim.Core.Stress;
using MarketSim.Core.Stress.Entry;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>
/// The pictures of <c>stress</c> (issue 8): each headline measure of stress.csv against the number of
/// sellers on a log axis, one series per mechanism with its 95% interval as dotted lines; the safety
/// margin on log-log axes with the fitted power law of margin-fit.csv; with entry dynamics, the budget
/// surplus per round (000 Section 6, "No Free Lunch").
/// </summary>
internal static class StressPlots
{
    private static readonly (string Metric, string File, string Title, string YLabel)[] Headlines =
    [
        (StressMetrics.DeficitProbability, "deficit-probability.png", "Probability of a budget deficit (promised lump sums)", "P(budget surplus < 0)"),
        (StressMetrics.BudgetSurplusQuantile05, "budget-surplus-q05.png", "5% quantile of the budget surplus per seller", "budget surplus per seller"),
        (StressMetrics.BrokenPromiseRate, "broken-promises.png", "Rate of broken sure-trade promises", "rationed sure choosers / sure choosers"),
        (StressMetrics.WelfareGap, "welfare-gap.png", "Welfare gap to the continuum", "mean welfare - continuum welfare"),
    ];

    public static IReadOnlyList<FigureImage> Draw(
        string scenario,
        IReadOnlyList<StressRow> rows,
        IReadOnlyList<MarginScaling> fits,
        IReadOnlyList<EntryRound>? entry,
        IReadOnlyList<StressRow>? theory = null)
    {
        theory ??= [];
        var images = new List<FigureImage>();
        foreach (var (metric, file, title, yLabel) in Headlines)
        {
            var plot = PlotImages.Create($"{title}: {scenario}", "number of sellers N_S (log scale)", yLabel);
            var mechanisms = AddSeries(plot, rows.Where(row => row.Metric == metric).ToArray(), logValues: false);
            AddTheory(plot, mechanisms, theory.Where(row => row.Metric == metric).ToArray(), logValues: false);
            PlotImages.LogBottomAxis(plot);
            plot.ShowLegend(Edge.Bottom);
            images.Add(PlotImages.Render(file, plot));
        }

        images.Add(SafetyMargin(scenario, rows, fits, theory));
        if (entry is { Count: > 0 })
        {
            images.Add(EntryBudget(scenario, entry));
        }

        return images;
    }

    /// <summary>log10 margin against log10 N: a straight line of slope b; theory b = -1/2 (issue 8).</summary>
    private static FigureImage SafetyMargin(
        string scenario, IReadOnlyList<StressRow> rows, IReadOnlyList<MarginScaling> fits, IReadOnlyList<StressRow> theory)
    {
        var plot = PlotImages.Create(
            $"Safety margin: lump-sum cut that keeps P(deficit) below target: {scenario}",
            "number of sellers N_S (log scale)",
            "log10 of the margin per agent");
        var margins = rows.Where(row => row.Metric == StressMetrics.SafetyMarginPerAgent && row.Value > MarginScaling.MinimumMargin).ToArray();
        var mechanisms = AddSeries(plot, margins, logValues: true);
        AddTheory(
            plot,
            mechanisms,
            theory.Where(row => row.Metric == StressMetrics.SafetyMarginPerAgent && row.Value > MarginScaling.MinimumMargin).ToArray(),
            logValues: true);
        foreach (var fit in fits.Where(fit => double.IsFinite(fit.Exponent)))
        {
            var sizes = margins.Where(row => row.Mechanism == fit.Mechanism).Select(row => (double)row.Sellers).ToArray();
            var x = new[] { Math.Log10(sizes.Min()), Math.Log10(sizes.Max()) };
            // margin-fit.csv: ln(margin) = a + b ln(N), i.e. log10(margin) = (a + b ln N) / ln 10.
            var y = x.Select(log10Sellers => (fit.Intercept + fit.Exponent * log10Sellers * Math.Log(10)) / Math.Log(10)).ToArray();
            var line = plot.Add.Scatter(x, y);
            line.Color = PlotImages.Palette[Array.IndexOf(mechanisms, fit.Mechanism) % PlotImages.Palette.Length];
            line.LinePattern = LinePattern.Dashed;
            line.MarkerSize = 0;
            line.LegendText = $"{fit.Mechanism}: fit N^{fit.Exponent:0.000}";
        }

        PlotImages.LogBottomAxis(plot);
        plot.ShowLegend(Edge.Bottom);
        return PlotImages.Render("safety-margin.png", plot);
    }

    private static FigureImage EntryBudget(string scenario, IReadOnlyList<EntryRound> entry)
    {
        var plot = PlotImages.Create(
            $"Entry dynamics (000 Section 6): budget surplus by round: {scenario}", "round", "budget surplus per initial seller");
        var mechanisms = entry.Select(round => round.Mechanism).Distinct().ToArray();
        for (var k = 0; k < mechanisms.Length; k++)
        {
            var rounds = entry.Where(round => round.Mechanism == mechanisms[k]).ToArray();
            var line = plot.Add.Scatter(rounds.Select(round => (double)round.Round).ToArray(), rounds.Select(round => round.BudgetSurplus).ToArray());
            line.Color = PlotImages.Palette[k % PlotImages.Palette.Length];
            line.LegendText = mechanisms[k];
        }

        plot.ShowLegend(Edge.Bottom);
        return PlotImages.Render("entry-budget-surplus.png", plot);
    }

    /// <summary>The exact finite-market values (stress-theory.csv) as a dash-dot line without markers, in the mechanism's colour.</summary>
    private static void AddTheory(Plot plot, string[] mechanisms, IReadOnlyList<StressRow> theory, bool logValues)
    {
        for (var k = 0; k < mechanisms.Length; k++)
        {
            var series = theory.Where(row => row.Mechanism == mechanisms[k] && double.IsFinite(row.Value)).OrderBy(row => row.Sellers).ToArray();
            if (series.Length == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(
                series.Select(row => Math.Log10(row.Sellers)).ToArray(),
                series.Select(row => logValues ? Math.Log10(row.Value) : row.Value).ToArray());
            line.Color = PlotImages.Palette[k % PlotImages.Palette.Length];
            line.LinePattern = LinePattern.DenselyDashed;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = $"{mechanisms[k]}: exact finite-N theory";
        }
    }

    /// <summary>One series per mechanism (markers and line), its interval as dotted lines; returns the mechanisms in order.</summary>
    private static string[] AddSeries(Plot plot, IReadOnlyList<StressRow> rows, bool logValues)
    {
        var mechanisms = rows.Select(row => row.Mechanism).Distinct().ToArray();
        double Y(double value) => logValues ? Math.Log10(value) : value;
        for (var k = 0; k < mechanisms.Length; k++)
        {
            var color = PlotImages.Palette[k % PlotImages.Palette.Length];
            var series = rows.Where(row => row.Mechanism == mechanisms[k] && double.IsFinite(row.Value)).OrderBy(row => row.Sellers).ToArray();
            var x = series.Select(row => Math.Log10(row.Sellers)).ToArray();
            var line = plot.Add.Scatter(x, series.Select(row => Y(row.Value)).ToArray());
            line.Color = color;
            line.MarkerSize = 7;
            line.LegendText = mechanisms[k];
            foreach (var bound in new Func<StressRow, double>[] { row => row.ConfidenceLow, row => row.ConfidenceHigh })
            {
                var bounded = series.Where(row => double.IsFinite(bound(row)) && (!logValues || bound(row) > 0)).ToArray();
                var band = plot.Add.Scatter(bounded.Select(row => Math.Log10(row.Sellers)).ToArray(), bounded.Select(row => Y(bound(row))).ToArray());
                band.Color = color;
                band.LinePattern = LinePattern.Dotted;
                band.MarkerSize = 0;
            }
        }

        return mechanisms;
    }
}

using System.Globalization;
using MarketSim.Cli.Scenarios;
using MarketSim.Core.Experiments;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>
/// Convergence to the continuum (issue 5): simulated mean welfare per seller with its 95% CI against
/// the number of sellers (10 to 10^5, log axis), per mechanism of scenarios/paper-section2.yaml, with
/// the continuum value W (docs/theory.md §1.1) as a dashed line. Replications per size:
/// R(N) = clamp(R_1000 * 1000 / N, 50, 5000), so sizes from 1000 to 10^4 cost about the same and,
/// since the standard deviation of welfare per seller falls like 1/sqrt(N), their CIs have about the
/// same width; the floor of 50 keeps the CIs at 3*10^4 and 10^5 meaningful (they are narrower).
/// R_1000 = <see cref="FigureOptions.ConvergenceReplications"/>, 500 by default: about 9 million
/// seller draws in all, 20 to 60 s on 2 cores.
/// </summary>
internal sealed class ConvergenceFigure(string scenarioFile) : IFigure
{
    public const string DefaultScenario = "scenarios/paper-section2.yaml";


    public string Name => "convergence";

    /// <summary>The figure simulates the scenario's two-sided market at growing sizes: a scenario without one is invalid input.</summary>
    public static void CheckScenario(string scenarioFile)
    {
        var loaded = ScenarioLoader.Load(scenarioFile);
        if (!loaded.Scenario.Mechanisms.Any(Core.Replications.MechanismFactory.IsTwoSided))
        {
            throw new InvalidInputException(
                "--scenario " + scenarioFile, "mechanisms", "the convergence figure needs a two-sided market (market, buyers, sellers) and a two-sided mechanism; this scenario has none");
        }
    }

    public string Description => "Convergence: simulated welfare per seller (95% CI) vs number of sellers, approaching the continuum value";

    public static IReadOnlyList<ConvergenceSize> Sizes(FigureOptions options)
    {
        var sizes = new List<ConvergenceSize>();
        foreach (var sellers in new[] { 10, 30, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000 }.Where(n => n <= options.MaximumSellers))
        {
            var replications = (int)Math.Clamp(options.ConvergenceReplications * 1000L / sellers, Math.Min(50, options.ConvergenceReplications), 5000);
            sizes.Add(new ConvergenceSize(sellers, replications));
        }

        return sizes;
    }

    public FigureResult Render(FigureOptions options)
    {
        var loaded = ScenarioLoader.Load(scenarioFile);
        var sizes = Sizes(options);
        var points = ConvergenceStudy.Compute(loaded.Scenario, sizes);
        var table = new FigureTable("sellers", "replications", "mechanism", "metric", "mean", "se", "ci_low", "ci_high", "continuum");
        foreach (var p in points)
        {
            table.Add(p.Sellers, p.Welfare.Count, p.Mechanism, ConvergenceStudy.Metric, p.Welfare.Mean, p.Welfare.StandardError,
                p.Welfare.ConfidenceLow, p.Welfare.ConfidenceHigh, p.ContinuumWelfare);
        }

        var plot = PlotImages.Create(
            $"Convergence to the continuum: {loaded.Scenario.Name} (000 Section 2, m = 2)", "number of sellers N_S (log scale)", "welfare per seller (mean, 95% CI)");
        var mechanisms = points.Select(p => p.Mechanism).Distinct().ToArray();
        for (var k = 0; k < mechanisms.Length; k++)
        {
            var color = PlotImages.Palette[k % PlotImages.Palette.Length];
            var series = points.Where(p => p.Mechanism == mechanisms[k]).ToArray();
            // Shift each mechanism a little along the log axis so the error bars do not overlap.
            var x = series.Select(p => Math.Log10(p.Sellers) + 0.03 * (k - (mechanisms.Length - 1) / 2.0)).ToArray();
            var means = series.Select(p => p.Welfare.Mean).ToArray();
            var bars = plot.Add.ErrorBar(x, means, series.Select(p => p.Welfare.ConfidenceHigh - p.Welfare.Mean).ToArray());
            bars.Color = color;
            var line = plot.Add.Scatter(x, means);
            line.Color = color;
            line.MarkerSize = 7;
            line.LegendText = mechanisms[k];
            var continuum = plot.Add.HorizontalLine(series[0].ContinuumWelfare, 1.5f, color, LinePattern.Dashed);
            continuum.LegendText = mechanisms[k] + ": continuum W";
        }

        PlotImages.LogBottomAxis(plot);
        plot.ShowLegend(Edge.Bottom);
        return new FigureResult([PlotImages.Render(Name + ".png", plot)], table, Parameters(scenarioFile, loaded, sizes));
    }

    /// <summary>The manifest parameters of a figure of welfare against market size (this one and strategic-vs-n).</summary>
    internal static Dictionary<string, string> Parameters(string scenarioFile, LoadedScenario loaded, IEnumerable<ConvergenceSize> sizes) => new()
    {
        ["scenario"] = Path.GetFileName(scenarioFile),
        ["scenarioSha256"] = loaded.Sha256,
        ["seed"] = loaded.Scenario.Seed.ToString(CultureInfo.InvariantCulture),
        ["sizes"] = string.Join(" ", sizes.Select(size => $"{size.Sellers}x{size.Replications}")),
    };
}

using System.Globalization;
using MarketSim.Cli.Scenarios;
using MarketSim.Core.Experiments;
using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>
/// Finite markets (docs/finite-markets.md): welfare per seller (mean, 95% CI) of the truthful CE, the CE
/// with both sides reporting the equilibrium bids of the finite double auction (docs/theory.md §2.4),
/// McAfee's trade reduction and the paper's wedge against N = 2 ... 1000 sellers (log axis) in the
/// Section 2 example (scenarios/paper-section2.yaml's market), with the wedge's exact finite-N
/// expectation (theory_finite) as a dashed line. The equilibrium CE is drawn where its equilibrium is
/// found: in this example from 10 sellers on (below, high buyers and high sellers pool together at the
/// top, which the solver does not represent); the table has no rows for it at the smaller sizes.
/// Replications per size R(N) = clamp(ConvergenceReplications x 400 / N, 200, 20000).
/// </summary>
internal sealed class StrategicVersusNFigure(string scenarioFile) : IFigure
{
    private static readonly int[] SellerCounts = [2, 5, 10, 20, 50, 100, 200, 500, 1000];

    /// <summary>The label of the CE cleared on equilibrium bids and asks.</summary>
    private const string EquilibriumBids = "competitive-equilibrium (equilibrium bids)";

    public string Name => "strategic-vs-n";

    public string Description => "Finite markets: welfare per seller of CE (truthful and equilibrium bids), trade reduction and the paper's wedge vs N = 2..1000, with the wedge's exact finite-N value";

    public FigureResult Render(FigureOptions options)
    {
        var loaded = ScenarioLoader.Load(scenarioFile);
        var scenario = loaded.Scenario with
        {
            Mechanisms =
            [
                new CompetitiveEquilibriumSpec("competitive-equilibrium"),
                new TradeReductionSpec("trade-reduction"),
                new PriceWedgeSpec("paper-wedge", 0.5, 0.25, LumpSumPolicy.Realized, LumpSumRecipient.Sellers),
            ],
        };
        var sizes = SellerCounts
            .Select(n => new ConvergenceSize(n, (int)Math.Clamp(options.ConvergenceReplications * 400L / n, Math.Min(200, options.ConvergenceReplications), 20_000)))
            .ToArray();
        var strategic = scenario with
        {
            BuyerBehaviour = TraderBehaviour.Equilibrium,
            SellerBehaviour = TraderBehaviour.Equilibrium,
            Mechanisms = [new CompetitiveEquilibriumSpec(EquilibriumBids)],
        };
        var points = ConvergenceStudy.Compute(scenario, sizes).Concat(ConvergenceStudy.Compute(strategic, sizes))
            .OrderBy(point => point.Sellers).ToArray();
        var finiteWedge = sizes.ToDictionary(
            size => size.Sellers,
            size =>
            {
                var model = new MarketModel(scenario with { Market = scenario.Market! with { Sellers = size.Sellers } });
                return model.FiniteValuesOf("paper-wedge")[MenuLedger.Welfare];
            });

        var table = new FigureTable("sellers", "replications", "mechanism", "mean", "se", "ci_low", "ci_high", "continuum", "theory_finite");
        foreach (var p in points)
        {
            table.Add(p.Sellers, p.Welfare.Count, p.Mechanism, p.Welfare.Mean, p.Welfare.StandardError, p.Welfare.ConfidenceLow,
                p.Welfare.ConfidenceHigh, p.ContinuumWelfare, p.Mechanism == "paper-wedge" ? finiteWedge[p.Sellers] : double.NaN);
        }

        var plot = PlotImages.Create(
            $"Finite markets: {loaded.Scenario.Name} (000 Section 2, m = 2)", "number of sellers N (log scale)", "welfare per seller (mean, 95% CI)");
        var mechanisms = points.Select(p => p.Mechanism).Distinct().ToArray();
        for (var k = 0; k < mechanisms.Length; k++)
        {
            var color = PlotImages.Palette[k % PlotImages.Palette.Length];
            var series = points.Where(p => p.Mechanism == mechanisms[k]).ToArray();
            var x = series.Select(p => Math.Log10(p.Sellers) + (0.02 * (k - ((mechanisms.Length - 1) / 2.0)))).ToArray();
            var means = series.Select(p => p.Welfare.Mean).ToArray();
            var bars = plot.Add.ErrorBar(x, means, series.Select(p => p.Welfare.ConfidenceHigh - p.Welfare.Mean).ToArray());
            bars.Color = color;
            var line = plot.Add.Scatter(x, means);
            line.Color = color;
            line.MarkerSize = 7;
            line.LegendText = mechanisms[k];
            if (mechanisms[k] == "paper-wedge")
            {
                var exact = plot.Add.Scatter(
                    SellerCounts.Select(n => Math.Log10(n)).ToArray(), SellerCounts.Select(n => finiteWedge[n]).ToArray());
                exact.Color = color;
                exact.LinePattern = LinePattern.Dashed;
                exact.MarkerSize = 0;
                exact.LegendText = "paper-wedge: exact finite-N (theory_finite)";
            }
        }

        PlotImages.LogBottomAxis(plot);
        plot.ShowLegend(Edge.Bottom);
        return new FigureResult([PlotImages.Render(Name + ".png", plot)], table, ConvergenceFigure.Parameters(scenarioFile, loaded, sizes));
    }
}

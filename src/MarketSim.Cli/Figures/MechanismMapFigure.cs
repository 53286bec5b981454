using System.Diagnostics;
using System.Globalization;
using MarketSim.Core.Experiments;
using MarketSim.Core.Theory.Solver;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>
/// 000 Figures 7.1 (lump sums allowed) and 7.2 (No Free Lunch): the optimal mechanism's form over (alpha, beta) for
/// mu in {1, 0.1, 0.01} (<see cref="MechanismForm"/>, the classifier <c>solve</c> prints), with docs/theory.md §1.4's
/// theory lines: beta = alpha - 1 - 1/alpha (a price mechanism is optimal below it, with lump sums) and
/// beta = (alpha^2 - alpha)/(alpha + 1) (sellers' same-side inequality is high above it). Figure 7.1 hatches the
/// paper's "Theory" region, the cells where the diagnostics prove a price mechanism optimal (000 Theorem 2 with
/// Remark 2), and marks with x the cells where Remark 1 proves seller rationing at that mu.
/// </summary>
internal sealed class MechanismMapFigure : IFigure
{
    public const double AlphaLow = 1.1;
    public const double AlphaHigh = 4.0;
    public const double BetaLow = 0.1;
    public const double BetaHigh = 4.0;

    public static readonly double[] BuyersPerSeller = [1.0, 0.1, 0.01];

    public string Name => "mechanism-map";

    public string Description => "000 Figures 7.1 and 7.2: optimal mechanism over (alpha, beta), mu in {1, 0.1, 0.01}, with and without lump sums";

    public FigureResult Render(FigureOptions options)
    {
        var alphas = MechanismMapStudy.Grid(AlphaLow, AlphaHigh, options.MapGridSize);
        var betas = MechanismMapStudy.Grid(BetaLow, BetaHigh, options.MapGridSize);
        var table = new FigureTable(
            "lump_sums", "mu", "alpha", "beta", "region", "mechanism_class", "welfare", "price_mechanism_line", "high_inequality_line",
            "theory_price_mechanism", "theory_sellers_rationed");
        var images = new List<FigureImage>();
        var seconds = new Dictionary<string, double>();
        foreach (var lumpSums in new[] { true, false })
        {
            var panels = new List<Plot>();
            foreach (var mu in BuyersPerSeller)
            {
                var clock = Stopwatch.StartNew();
                var cells = MechanismMapStudy.Compute(mu, lumpSums, alphas, betas);
                seconds[string.Create(CultureInfo.InvariantCulture, $"seconds_{(lumpSums ? "lump_sums" : "no_lump_sums")}_mu_{mu}")] =
                    clock.Elapsed.TotalSeconds;
                foreach (var cell in cells)
                {
                    table.Add(lumpSums, mu, cell.Alpha, cell.Beta, MechanismFormNames.Key(cell.Form), cell.MechanismClass, cell.Welfare,
                        MechanismMapStudy.PriceMechanismLine(cell.Alpha), MechanismMapStudy.HighInequalityLine(cell.Alpha),
                        cell.TheoryPriceMechanism, cell.TheorySellersRationed);
                }

                panels.Add(Panel(cells, alphas, betas, mu, lumpSums));
            }

            images.Add(PlotImages.RenderRow(lumpSums ? "figure-7-1-lump-sums.png" : "figure-7-2-no-lump-sums.png", panels, 600, 660));
        }

        var parameters = new Dictionary<string, string>
        {
            ["grid"] = string.Create(CultureInfo.InvariantCulture, $"{options.MapGridSize}x{options.MapGridSize}"),
            ["alpha"] = string.Create(CultureInfo.InvariantCulture, $"{AlphaLow}..{AlphaHigh}"),
            ["beta"] = string.Create(CultureInfo.InvariantCulture, $"{BetaLow}..{BetaHigh}"),
        };
        return new FigureResult(images, table, parameters) { Timings = seconds };
    }

    private static Color ColorOf(MechanismForm form) => form switch
    {
        MechanismForm.CompetitiveEquilibrium => Color.FromHex("#DCE9F5"),
        MechanismForm.WedgeWithLumpSum => Color.FromHex("#8DB9E0"),
        MechanismForm.PriceWedge => Color.FromHex("#3F6E9E"),
        MechanismForm.PriceFloorSellerRationing => Color.FromHex("#E4572E"),
        MechanismForm.SureSalePlusTopPriceLottery => Color.FromHex("#76B041"),
        MechanismForm.BuyerRationing => Color.FromHex("#F3A712"),
        MechanismForm.SurePurchasePlusBottomPriceLottery => Color.FromHex("#B48EC9"),
        MechanismForm.BothRationed => Color.FromHex("#7B2D26"),
        _ => Colors.Gray,
    };

    private static Plot Panel(IReadOnlyList<MechanismMapCell> cells, double[] alphas, double[] betas, double mu, bool lumpSums)
    {
        var figure = lumpSums ? "000 Fig. 7.1 (lump sums)" : "000 Fig. 7.2 (no lump sums)";
        var plot = PlotImages.Create(string.Create(CultureInfo.InvariantCulture, $"{figure}, mu = {mu}"), "alpha (Pareto shape of v^M)", "beta (power of v^K)");
        double halfAlpha = (alphas[^1] - alphas[0]) / Math.Max(alphas.Length - 1, 1) / 2, halfBeta = (betas[^1] - betas[0]) / Math.Max(betas.Length - 1, 1) / 2;
        foreach (var cell in cells)
        {
            var rectangle = plot.Add.Rectangle(cell.Alpha - halfAlpha, cell.Alpha + halfAlpha, cell.Beta - halfBeta, cell.Beta + halfBeta);
            rectangle.FillColor = ColorOf(cell.Form);
            rectangle.LineColor = ColorOf(cell.Form);
            rectangle.LineWidth = 1;
        }

        // 000 Figure 7.1's "Theory" region: per alpha column, each run of cells where the papers' conditions prove a
        // price mechanism optimal is hatched as one rectangle.
        var theoryColor = Colors.Black.WithAlpha(0.7);
        if (lumpSums)
        {
            foreach (var column in cells.GroupBy(cell => cell.Alpha))
            {
                var ordered = column.OrderBy(cell => cell.Beta).ToArray();
                for (int start = 0; start < ordered.Length; start++)
                {
                    if (!ordered[start].TheoryPriceMechanism) continue;
                    int end = start;
                    while (end + 1 < ordered.Length && ordered[end + 1].TheoryPriceMechanism) end++;
                    var hatched = plot.Add.Rectangle(column.Key - halfAlpha, column.Key + halfAlpha, ordered[start].Beta - halfBeta, ordered[end].Beta + halfBeta);
                    hatched.FillColor = Colors.Gray.WithAlpha(0.25);
                    hatched.FillHatch = new ScottPlot.Hatches.Striped();
                    hatched.FillHatchColor = theoryColor;
                    hatched.LineWidth = 0;
                    start = end;
                }
            }

            var rationed = cells.Where(cell => cell.TheorySellersRationed).ToArray();
            if (rationed.Length > 0)
            {
                var marks = plot.Add.ScatterPoints(rationed.Select(c => c.Alpha).ToArray(), rationed.Select(c => c.Beta).ToArray());
                marks.MarkerShape = MarkerShape.Cross;
                marks.MarkerSize = 7;
                marks.MarkerLineWidth = 1.5f;
                marks.Color = Colors.Black;
            }
        }

        var fine = MechanismMapStudy.Grid(AlphaLow, AlphaHigh, 200).Where(alpha => MechanismMapStudy.PriceMechanismLine(alpha) >= BetaLow - 0.05).ToArray();
        var priceLine = plot.Add.ScatterLine(fine, fine.Select(MechanismMapStudy.PriceMechanismLine).ToArray());
        priceLine.Color = Colors.Black;
        priceLine.LineWidth = 2.5f;
        var all = MechanismMapStudy.Grid(AlphaLow, AlphaHigh, 200);
        var inequalityLine = plot.Add.ScatterLine(all, all.Select(MechanismMapStudy.HighInequalityLine).ToArray());
        inequalityLine.Color = Colors.Black;
        inequalityLine.LineWidth = 2;
        inequalityLine.LinePattern = LinePattern.Dashed;

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "beta = alpha - 1 - 1/alpha", LineColor = Colors.Black, LineWidth = 2.5f });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "beta = (alpha^2-alpha)/(alpha+1)", LineColor = Colors.Black, LineWidth = 2, LinePattern = LinePattern.Dashed });
        foreach (var form in cells.Select(cell => cell.Form).Distinct().Order())
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = MechanismFormNames.Words(form), FillColor = ColorOf(form) });
        }

        if (lumpSums && cells.Any(cell => cell.TheorySellersRationed))
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = "Theory: sellers rationed at this mu (000 Remark 1)",
                MarkerShape = MarkerShape.Cross, MarkerSize = 8, MarkerLineColor = Colors.Black, MarkerLineWidth = 1.5f, MarkerColor = Colors.Black,
            });
        }

        if (lumpSums && cells.Any(cell => cell.TheoryPriceMechanism))
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = "Theory: price mechanism proved optimal (000 Thm 2, Remark 2)",
                FillColor = Colors.Gray.WithAlpha(0.25), FillHatch = new ScottPlot.Hatches.Striped(), FillHatchColor = theoryColor,
            });
        }

        plot.Axes.SetLimits(alphas[0] - halfAlpha, alphas[^1] + halfAlpha, betas[0] - halfBeta, betas[^1] + halfBeta);
        // ScottPlot measures the bottom legend panel short by about one row here: extra padding keeps every item.
        var legend = plot.ShowLegend(Edge.Bottom);
        legend.Padding = new PixelPadding(20, 20, 10, 50);
        return plot;
    }
}

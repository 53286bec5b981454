using System.Diagnostics;
using System.Globalization;
using MarketSim.Core.Experiments;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>
/// 000 Figures 7.1 (lump sums allowed) and 7.2 (No Free Lunch): the optimal mechanism's class over
/// (alpha, beta) for mu in {1, 0.1, 0.01}, with docs/theory.md §1.4's theory lines: beta = alpha - 1 - 1/alpha
/// (a price mechanism is optimal below it, with lump sums) and beta = (alpha^2 - alpha)/(alpha + 1)
/// (sellers' same-side inequality is high above it).
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
        var table = new FigureTable("lump_sums", "mu", "alpha", "beta", "region", "mechanism_class", "welfare", "price_mechanism_line", "high_inequality_line");
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
                    table.Add(lumpSums, mu, cell.Alpha, cell.Beta, RegionName(cell.Region), cell.MechanismClass, cell.Welfare,
                        MechanismMapStudy.PriceMechanismLine(cell.Alpha), MechanismMapStudy.HighInequalityLine(cell.Alpha));
                }

                panels.Add(Panel(cells, alphas, betas, mu, lumpSums));
            }

            images.Add(PlotImages.RenderRow(lumpSums ? "figure-7-1-lump-sums.png" : "figure-7-2-no-lump-sums.png", panels, 600, 560));
        }

        var parameters = new Dictionary<string, string>
        {
            ["grid"] = string.Create(CultureInfo.InvariantCulture, $"{options.MapGridSize}x{options.MapGridSize}"),
            ["alpha"] = string.Create(CultureInfo.InvariantCulture, $"{AlphaLow}..{AlphaHigh}"),
            ["beta"] = string.Create(CultureInfo.InvariantCulture, $"{BetaLow}..{BetaHigh}"),
        };
        return new FigureResult(images, table, parameters) { Timings = seconds };
    }

    public static string RegionName(MechanismMapRegion region) => region switch
    {
        MechanismMapRegion.PriceMechanism => "price-mechanism",
        MechanismMapRegion.SellersRationed => "sellers-rationed",
        MechanismMapRegion.BuyersRationed => "buyers-rationed",
        MechanismMapRegion.BothRationed => "both-rationed",
        _ => "no-trade",
    };

    private static Color ColorOf(MechanismMapRegion region) => region switch
    {
        MechanismMapRegion.PriceMechanism => Color.FromHex("#DCE9F5"),
        MechanismMapRegion.SellersRationed => Color.FromHex("#E4572E"),
        MechanismMapRegion.BuyersRationed => Color.FromHex("#F3A712"),
        MechanismMapRegion.BothRationed => Color.FromHex("#7B2D26"),
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
            rectangle.FillColor = ColorOf(cell.Region);
            rectangle.LineColor = ColorOf(cell.Region);
            rectangle.LineWidth = 1;
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
        foreach (var region in cells.Select(cell => cell.Region).Distinct().Order())
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = RegionName(region), FillColor = ColorOf(region) });
        }

        plot.Axes.SetLimits(alphas[0] - halfAlpha, alphas[^1] + halfAlpha, betas[0] - halfBeta, betas[^1] + halfBeta);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}

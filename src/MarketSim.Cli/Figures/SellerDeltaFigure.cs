using System.Globalization;
using MarketSim.Core.Experiments;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>000 Figure A.1: Delta_S(p) for sellers v^K ~ U[0,1], v^M ~ Pareto(alpha), several alpha (docs/theory.md §1.1, §1.4).</summary>
internal sealed class SellerDeltaFigure : IFigure
{
    private static readonly Color[] Colours = [Colors.Red, Colors.Orange, Colors.Green, Colors.Blue];

    public string Name => "delta-s";

    public string Description => "000 Figure A.1: same-side inequality Delta_S(p), v^K ~ U[0,1], v^M ~ Pareto(alpha) (docs/theory.md §1.1)";

    public FigureResult Render(FigureOptions options)
    {
        var curves = SellerDeltaStudy.Curves(SellerDeltaStudy.PaperAlphas, options.CurvePoints);
        var table = new FigureTable("alpha", "price", "delta_s", "area_below_curve");
        foreach (var curve in curves)
        {
            for (int i = 0; i < curve.Prices.Count; i++)
            {
                table.Add(curve.Alpha, curve.Prices[i], curve.Deltas[i], curve.Area);
            }
        }

        var plot = PlotImages.Create("000 Figure A.1: Delta_S(p), v^K ~ U[0,1], v^M ~ Pareto(alpha)", "p (sellers' price)", "Delta_S(p)");
        for (int k = 0; k < curves.Count; k++)
        {
            var curve = curves[k];
            PlotImages.Line(plot, curve.Prices.ToArray(), curve.Deltas.ToArray(),
                string.Create(CultureInfo.InvariantCulture, $"alpha = {curve.Alpha:0.##} (area {curve.Area:0.0000})"), Colours[k % Colours.Length], 3);
        }

        plot.Axes.SetLimits(0, 1, 0, 1.15 * curves.Max(curve => curve.Deltas.Max()));
        plot.ShowLegend(Alignment.UpperRight);
        return new FigureResult([PlotImages.Render(Name + ".png", plot)], table,
            new Dictionary<string, string>
            {
                ["alpha"] = string.Join(", ", SellerDeltaStudy.PaperAlphas.Select(a => a.ToString(CultureInfo.InvariantCulture))),
                ["p"] = string.Create(CultureInfo.InvariantCulture, $"0..1 ({options.CurvePoints} points)"),
            });
    }
}

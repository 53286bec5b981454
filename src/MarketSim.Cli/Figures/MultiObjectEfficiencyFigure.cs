using MarketSim.Core.Experiments;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>Issue 6: efficiency (expected gains / first-best gains) of the optimum at equal weights against N = 1..40: it rises towards 1.</summary>
internal sealed class MultiObjectEfficiencyFigure : IFigure
{
    public const int MaximumObjects = 40;
    public const double SellerWeight = 0.5;

    public string Name => "multi-object-efficiency";

    public string Description => "004: efficiency of the optimal threshold mechanism vs N = 1..40 at equal weights";

    public FigureResult Render(FigureOptions options)
    {
        var points = MultiObjectStudy.Efficiency(MaximumObjects, SellerWeight);
        var table = new FigureTable("objects", "seller_weight", "gains_from_trade", "first_best", "efficiency");
        foreach (var p in points)
        {
            table.Add(p.Objects, SellerWeight, p.GainsFromTrade, p.FirstBestGains, p.Efficiency);
        }

        var plot = PlotImages.Create("004: efficiency vs number of objects (a_s = a_b = 1/2)", "number of objects N", "efficiency = expected gains / first-best gains");
        var curve = plot.Add.Scatter(points.Select(p => (double)p.Objects).ToArray(), points.Select(p => p.Efficiency).ToArray());
        curve.LegendText = "optimal threshold mechanism";
        curve.Color = Colors.Blue;
        curve.LineWidth = 2;
        curve.MarkerSize = 6;
        var one = plot.Add.HorizontalLine(1, 1.5f, Colors.Gray, LinePattern.Dashed);
        one.LegendText = "first best";
        plot.Axes.SetLimits(0, MaximumObjects + 1, Math.Floor(points.Min(p => p.Efficiency) * 50) / 50, 1.005);
        plot.ShowLegend(Alignment.LowerRight);
        return new FigureResult([PlotImages.Render(Name + ".png", plot)], table, new Dictionary<string, string> { ["objects"] = "1..40", ["sellerWeight"] = "0.5" });
    }
}

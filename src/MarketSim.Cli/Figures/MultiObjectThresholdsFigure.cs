using System.Globalization;
using MarketSim.Core.Experiments;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>
/// Issue 6: each side's threshold M + 1 - sigma against the seller weight (004 Theorem 1 as corrected
/// in SPEC 3: a side's threshold DECREASES in its own weight), for 004's example with N = 15.
/// </summary>
internal sealed class MultiObjectThresholdsFigure : IFigure
{
    public const int Objects = 15;

    public string Name => "multi-object-thresholds";

    public string Description => "004: thresholds M + 1 - sigma of buyer and seller vs the seller weight, N = 15";

    public FigureResult Render(FigureOptions options)
    {
        var weights = MechanismMapStudy.Grid(0, 1, options.CurvePoints);
        var points = MultiObjectStudy.Thresholds(Objects, weights);
        var table = new FigureTable("objects", "seller_weight", "buyer_threshold", "seller_threshold", "efficiency");
        foreach (var p in points)
        {
            table.Add(Objects, p.SellerWeight, p.BuyerThreshold, p.SellerThreshold, p.Efficiency);
        }

        var plot = PlotImages.Create(
            string.Create(CultureInfo.InvariantCulture, $"004: thresholds vs seller weight (N = {Objects})"),
            "seller weight a_s (a_b = 1 - a_s)", "threshold M + 1 - sigma (0 = trade every bad object)");
        PlotImages.Line(plot, weights, points.Select(p => p.BuyerThreshold).ToArray(), "buyer's threshold", Colors.Red, 3);
        PlotImages.Line(plot, weights, points.Select(p => p.SellerThreshold).ToArray(), "seller's threshold", Colors.Blue, 3);
        plot.Axes.SetLimits(0, 1, 0, Objects + 0.5);
        plot.ShowLegend(Alignment.UpperCenter);
        return new FigureResult([PlotImages.Render(Name + ".png", plot)], table,
            new Dictionary<string, string> { ["objects"] = Objects.ToString(CultureInfo.InvariantCulture), ["weights"] = weights.Length.ToString(CultureInfo.InvariantCulture) });
    }
}

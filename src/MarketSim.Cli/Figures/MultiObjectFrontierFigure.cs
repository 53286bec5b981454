using MarketSim.Core.Experiments;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>Issue 6: the Pareto frontier of 004's example per object, N = 1 against N = 15 (more objects, less inefficiency).</summary>
internal sealed class MultiObjectFrontierFigure : IFigure
{
    public static readonly int[] ObjectCounts = [1, 15];

    public string Name => "multi-object-frontier";

    public string Description => "004: Pareto frontier of ex-ante utilities per object, N = 1 vs N = 15 (vb 12/1, vs 11/0, q = 1/2)";

    public FigureResult Render(FigureOptions options)
    {
        var table = new FigureTable("objects", "vertex", "seller_weight_from", "seller_weight_to", "buyer_utility_per_object", "seller_utility_per_object", "first_best_per_object");
        var plot = PlotImages.Create("004: Pareto frontier per object (vb = 12/1, vs = 11/0, q = 1/2)", "buyer's utility per object", "seller's utility per object");
        var firstBest = MultiObjectStudy.Example(1).FirstBestGains;
        var line = plot.Add.ScatterLine(new[] { firstBest, 0.0 }, new[] { 0.0, firstBest });
        line.LegendText = $"first best: U_b + U_s = {firstBest:0.###} per object";
        line.Color = Colors.Gray;
        line.LinePattern = LinePattern.Dashed;
        line.LineWidth = 2;
        foreach (var (objects, color) in ObjectCounts.Zip(new[] { Colors.Red, Colors.Blue }))
        {
            var vertices = MultiObjectStudy.FrontierPerObject(objects);
            for (var k = 0; k < vertices.Count; k++)
            {
                var v = vertices[k];
                table.Add(objects, k, v.SellerWeightFrom, v.SellerWeightTo, v.BuyerUtilityPerObject, v.SellerUtilityPerObject, firstBest);
            }

            var curve = plot.Add.Scatter(vertices.Select(v => v.BuyerUtilityPerObject).ToArray(), vertices.Select(v => v.SellerUtilityPerObject).ToArray());
            curve.LegendText = $"N = {objects} ({vertices.Count} vertices)";
            curve.Color = color;
            curve.LineWidth = 2.5f;
            curve.MarkerSize = 6;
        }

        plot.Axes.SetLimits(0, firstBest * 1.05, 0, firstBest * 1.05);
        plot.ShowLegend(Alignment.UpperRight);
        return new FigureResult([PlotImages.Render(Name + ".png", plot)], table, new Dictionary<string, string> { ["objects"] = "1 15" });
    }
}

using MarketSim.Core.Experiments;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>000 Figure 1.1: constrained (optimal mechanisms) against unconstrained (lump-sum transfers) Pareto frontier.</summary>
internal sealed class ParetoFrontierFigure : IFigure
{
    public string Name => "pareto-frontier";

    public string Description => "000 Figure 1.1: constrained vs unconstrained Pareto frontier, uniform rates, mu = 1";

    public FigureResult Render(FigureOptions options)
    {
        // Seller weight shares w in [0.02, 0.98]: the designer maximises (1-w) U_B + w U_S.
        var shares = MechanismMapStudy.Grid(0.02, 0.98, Math.Max(options.CurvePoints / 2, 5));
        var points = ParetoFrontierStudy.Compute(shares);
        var total = ParetoFrontierStudy.UnconstrainedTotal();

        var table = new FigureTable("curve", "seller_weight_share", "buyer_utility", "seller_utility", "volume", "mechanism_class");
        foreach (var point in points)
        {
            table.Add("constrained", point.SellerWeightShare, point.BuyerUtility, point.SellerUtility, point.Volume, point.MechanismClass);
        }

        table.Add("unconstrained", 0.0, total, 0.0, 0.5, "first-best");
        table.Add("unconstrained", 1.0, 0.0, total, 0.5, "first-best");

        var plot = PlotImages.Create("000 Figure 1.1: Pareto frontiers (uniform rates, mu = 1)", "buyers' utility U_B", "sellers' utility U_S");
        var line = plot.Add.ScatterLine(new[] { total, 0.0 }, new[] { 0.0, total });
        line.LegendText = $"unconstrained: U_B + U_S = {total:0.###} (lump-sum transfers)";
        line.Color = Colors.Blue;
        line.LineWidth = 2;
        var curve = plot.Add.ScatterLine(points.Select(p => p.BuyerUtility).ToArray(), points.Select(p => p.SellerUtility).ToArray());
        curve.LegendText = "constrained: optimal mechanism (IC, IR, budget balance)";
        curve.Color = Colors.Red;
        curve.LineWidth = 3;
        var equilibrium = plot.Add.Markers(new[] { 0.125 }, new[] { 0.125 }, MarkerShape.FilledCircle, 10, Colors.Black);
        equilibrium.LegendText = "competitive equilibrium (1/8, 1/8)";
        plot.Axes.SetLimits(0, total * 1.05, 0, total * 1.05);
        plot.ShowLegend(Alignment.UpperRight);
        return new FigureResult([PlotImages.Render(Name + ".png", plot)], table, new Dictionary<string, string> { ["points"] = shares.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }
}

using System.Globalization;
using MarketSim.Core.Experiments;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>000 Figure 2.1: the optimal single price against m without lump sums, with p_CE and the maximal price 1/m.</summary>
internal sealed class OptimalSinglePriceFigure : IFigure
{
    public string Name => "optimal-single-price";

    public string Description => "000 Figure 2.1: optimal single price vs m, no lump sums (solver and closed form 000 (2.2))";

    public FigureResult Render(FigureOptions options)
    {
        var values = MechanismMapStudy.Grid(1.0, 8.0, options.CurvePoints);
        var points = UniformPriceStudy.SinglePrice(values);
        var table = new FigureTable("m", "solver_price", "closed_form_price", "ce_price", "maximal_price", "solver_buyer_price", "solver_seller_price", "volume", "mechanism_class");
        foreach (var p in points)
        {
            table.Add(p.SellerValueOfMoney, p.SolverPrice, p.ClosedFormPrice, p.CompetitiveEquilibriumPrice, p.MaximalPrice,
                p.SolverBuyerPrice, p.SolverSellerPrice, p.Volume, p.MechanismClass);
        }

        var m = points.Select(p => p.SellerValueOfMoney).ToArray();
        var plot = PlotImages.Create("000 Figure 2.1: optimal single price, no lump sums", "m (sellers' value of money)", "price");
        var maximal = PlotImages.Line(plot, m, points.Select(p => p.MaximalPrice).ToArray(), "maximal price 1/m (every seller sells)", Colors.Black, 2);
        maximal.LinePattern = LinePattern.Dotted;
        PlotImages.Line(plot, m, points.Select(p => p.CompetitiveEquilibriumPrice).ToArray(), "competitive equilibrium 1/(1+m)", Colors.Black, 1.5f);
        PlotImages.Line(plot, m, points.Select(p => p.ClosedFormPrice).ToArray(), "optimal p* (closed form 000 (2.2))", Colors.Red, 4);
        var solver = plot.Add.Markers(m.Where((_, i) => i % 4 == 0).ToArray(), points.Where((_, i) => i % 4 == 0).Select(p => p.SolverPrice).ToArray(), MarkerShape.OpenCircle, 7, Colors.DarkBlue);
        solver.LegendText = "solver (OptimalMechanismSolver, no lump sums)";
        foreach (var x in new[] { 3.0, 2 + Math.Sqrt(2) })
        {
            var marker = plot.Add.VerticalLine(x, 1, Colors.Gray, LinePattern.Dashed);
            marker.LegendText = x == 3.0 ? "m = 3 and m = 2 + sqrt 2 (regime changes)" : string.Empty;
        }

        plot.Axes.SetLimits(1, 8, 0, 1.02);
        plot.ShowLegend(Alignment.UpperRight);
        return new FigureResult([PlotImages.Render(Name + ".png", plot)], table,
            new Dictionary<string, string> { ["m"] = string.Create(CultureInfo.InvariantCulture, $"1..8 ({values.Length} points)") });
    }
}

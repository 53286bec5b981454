using System.Globalization;
using MarketSim.Core.Experiments;
using MarketSim.Core.OneSided;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>
/// 001 Proposition 1 / 002 slides: the optimal seller price against the quantity Q bought, for two
/// budgets R, with sellers of high same-side inequality (<see cref="OneSidedStudy"/>). Markers: Q where
/// sellers are rationed at a single price above the competitive price p_S^C = Q (dashed).
/// </summary>
internal sealed class OneSidedFigure : IFigure
{
    public static readonly double[] Revenues = [0.03, 0.2];

    private static readonly Color[] RevenueColors = [Colors.Red, Colors.Blue];

    public string Name => "one-sided";

    public string Description => "001 Prop. 1: optimal seller price and rationing region vs Q for R = 0.03 and 0.2 (r ~ U[0,1], lambda = (1 - r)^2 + 0.05)";

    public FigureResult Render(FigureOptions options)
    {
        var quantities = MechanismMapStudy.Grid(0.005, 0.5, Math.Max(options.CurvePoints / 2, 11));
        var points = OneSidedStudy.SellerPrices(Revenues, quantities);
        var table = new FigureTable("revenue", "quantity", "class", "price", "sale_probability", "competitive_price", "lump_sum", "welfare");
        foreach (var p in points)
        {
            table.Add(p.Revenue, p.Quantity, p.Class.ToString(), p.Price, p.Probability, p.CompetitivePrice, p.LumpSum, p.Welfare);
        }

        var plot = PlotImages.Create(
            "001 Proposition 1: optimal seller price vs quantity bought",
            "quantity Q the designer must buy", "price paid per unit sold");
        PlotImages.Line(plot, quantities, quantities, "competitive price p_S^C = G_S^{-1}(Q)", Colors.Gray, 2).LinePattern = LinePattern.Dashed;
        foreach (var (revenue, color) in Revenues.Zip(RevenueColors))
        {
            var own = points.Where(p => p.Revenue == revenue).ToArray();
            var label = string.Create(CultureInfo.InvariantCulture, $"R = {revenue}");
            PlotImages.Line(plot, own.Select(p => p.Quantity).ToArray(), own.Select(p => p.Price).ToArray(), $"optimal price, {label}", color, 2.5f);
            var rationed = own.Where(p => p.Class == OneSidedMechanismClass.RationingAtSinglePrice).ToArray();
            if (rationed.Length > 0)
            {
                var markers = plot.Add.ScatterPoints(rationed.Select(p => p.Quantity).ToArray(), rationed.Select(p => p.Price).ToArray());
                markers.Color = color;
                markers.MarkerSize = 6;
                markers.LegendText = string.Create(CultureInfo.InvariantCulture, $"rationed at one price, {label} (Q < {rationed.Max(p => p.Quantity):0.###})");
            }
        }

        plot.ShowLegend(Alignment.UpperLeft);
        var parameters = new Dictionary<string, string>
        {
            ["rate"] = "U[0,1]",
            ["paretoWeight"] = "1.05 - 2 r + r^2",
            ["revenues"] = string.Join(' ', Revenues.Select(r => r.ToString(CultureInfo.InvariantCulture))),
            ["quantities"] = quantities.Length.ToString(CultureInfo.InvariantCulture),
        };
        return new FigureResult([PlotImages.Render(Name + ".png", plot)], table, parameters);
    }
}

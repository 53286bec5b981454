using System.Globalization;
using MarketSim.Core.Experiments;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>000 Figure 2.2: the optimal wedge (p_B, p_S) and the lump sum against m with lump sums allowed.</summary>
internal sealed class WedgePricesFigure : IFigure
{
    public string Name => "wedge-prices";

    public string Description => "000 Figure 2.2: wedge prices p_B, p_S and the lump sum vs m, lump sums allowed (solver and closed form, docs/theory.md §1.4)";

    public FigureResult Render(FigureOptions options)
    {
        var values = MechanismMapStudy.Grid(0.2, 8.0, options.CurvePoints);
        var points = UniformPriceStudy.Wedge(values);
        var table = new FigureTable(
            "m", "buyer_price", "seller_price", "lump_sum_buyers", "lump_sum_sellers", "volume",
            "closed_form_buyer_price", "closed_form_seller_price", "closed_form_lump_sum_buyers", "closed_form_lump_sum_sellers", "ce_price", "mechanism_class");
        foreach (var p in points)
        {
            table.Add(p.SellerValueOfMoney, p.BuyerPrice, p.SellerPrice, p.LumpSumBuyers, p.LumpSumSellers, p.Volume,
                p.ClosedForm.BuyerPrice, p.ClosedForm.SellerPrice, p.ClosedForm.LumpSumBuyers, p.ClosedForm.LumpSumSellers,
                p.CompetitiveEquilibriumPrice, p.MechanismClass);
        }

        var m = points.Select(p => p.SellerValueOfMoney).ToArray();
        var plot = PlotImages.Create("000 Figure 2.2: optimal price wedge and lump sum", "m (sellers' value of money)", "price / lump sum per agent");
        PlotImages.Line(plot, m, points.Select(p => p.CompetitiveEquilibriumPrice).ToArray(), "competitive equilibrium 1/(1+m)", Colors.Black, 1.5f);
        PlotImages.Line(plot, m, points.Select(p => p.BuyerPrice).ToArray(), "buyers' price p_B", Colors.Red, 3);
        PlotImages.Line(plot, m, points.Select(p => p.SellerPrice).ToArray(), "sellers' price p_S", Colors.Blue, 3);
        PlotImages.Line(plot, m, points.Select(p => p.LumpSumSellers).ToArray(), "lump sum to every seller", Colors.Green, 3);
        PlotImages.Line(plot, m, points.Select(p => p.LumpSumBuyers).ToArray(), "lump sum to every buyer", Colors.Orange, 3);
        var one = plot.Add.VerticalLine(1, 1, Colors.Gray, LinePattern.Dashed);
        one.LegendText = "m = 1 (CE optimal)";
        plot.Axes.SetLimits(0, 8, 0, 1.02);
        plot.ShowLegend(Alignment.UpperRight);
        return new FigureResult([PlotImages.Render(Name + ".png", plot)], table,
            new Dictionary<string, string> { ["m"] = string.Create(CultureInfo.InvariantCulture, $"0.2..8 ({values.Length} points)") });
    }
}

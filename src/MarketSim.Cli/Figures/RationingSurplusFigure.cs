using System.Globalization;
using MarketSim.Core.Experiments;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>
/// 001 Figure A.1: a seller's expected surplus against its rate r for a price p (blue ABC), rationing at p + epsilon with the
/// quantity fixed (red ABD) and p + epsilon without rationing (dotted AED); BED is lost to rationing (docs/theory.md §1.6).
/// </summary>
internal sealed class RationingSurplusFigure : IFigure
{
    public string Name => "rationing-surplus";

    public string Description => "001 Figure A.1: seller surplus at p vs rationing at p + epsilon; half the extra money is lost (docs/theory.md §1.6)";

    public FigureResult Render(FigureOptions options)
    {
        var points = RationingSurplusStudy.Compute(RationingSurplusStudy.Price, RationingSurplusStudy.Epsilons);
        var table = new FigureTable(
            "price", "epsilon", "rationing_coefficient", "surplus_at_price_abc", "surplus_rationed_abd", "surplus_unrationed_aed",
            "gain_rationed", "gain_unrationed", "lost_to_rationing_bed", "extra_cost", "lost_share", "break_even_weight_ratio");
        foreach (var p in points)
        {
            table.Add(p.Price, p.Epsilon, p.RationingCoefficient, p.SurplusAtPrice, p.SurplusRationed, p.SurplusUnrationed,
                p.GainRationed, p.GainUnrationed, p.LostToRationing, p.ExtraCost, p.LostShare, p.BreakEvenWeightRatio);
        }

        var drawn = points[0];
        double price = drawn.Price, raised = drawn.Price + drawn.Epsilon, top = drawn.RationingCoefficient * raised;
        Coordinates a = new(0, 0), b = new(0, top), c = new(price, 0), d = new(raised, 0), e = new(0, raised);
        var plot = PlotImages.Create(
            string.Create(CultureInfo.InvariantCulture, $"001 Figure A.1: price p = {price:0.##} vs rationing at p + epsilon = {raised:0.##}, sellers r ~ U[0,1]"),
            "r (sellers' rate of substitution)", "a seller's expected surplus");

        var lost = plot.Add.Polygon([b, e, d]);
        lost.FillColor = Colors.Gray.WithAlpha(0.2);
        lost.FillHatch = new ScottPlot.Hatches.Striped();
        lost.FillHatchColor = Colors.Gray.WithAlpha(0.8);
        lost.LineWidth = 0;
        lost.LegendText = Area("BED: lost to rationing", drawn.LostToRationing);

        var rationed = plot.Add.Polygon([a, b, d]);
        rationed.FillColor = Colors.Red.WithAlpha(0.3);
        rationed.LineColor = Colors.Red;
        rationed.LineWidth = 2.5f;
        rationed.LegendText = Area("ABD: rationing at p + epsilon", drawn.SurplusRationed);

        var atPrice = plot.Add.Polygon([a, b, c]);
        atPrice.FillColor = Colors.Blue.WithAlpha(0.45);
        atPrice.LineColor = Colors.Blue;
        atPrice.LineWidth = 2.5f;
        atPrice.LegendText = Area("ABC: price p", drawn.SurplusAtPrice);

        var unrationed = PlotImages.Line(plot, [e.X, d.X], [e.Y, d.Y], Area("AED: p + epsilon without rationing", drawn.SurplusUnrationed), Colors.Red, 2);
        unrationed.LinePattern = LinePattern.Dotted;

        foreach (var (name, point, dx, dy) in new[] { ("A", a, -0.02, -0.02), ("B", b, -0.025, 0.0), ("C", c, 0.0, -0.025), ("D", d, 0.0, -0.025), ("E", e, -0.025, 0.0) })
        {
            var label = plot.Add.Text(name, point.X + dx, point.Y + dy);
            label.LabelFontSize = 16;
            label.LabelBold = true;
            label.LabelAlignment = Alignment.MiddleCenter;
        }

        var note = plot.Add.Text(
            string.Create(CultureInfo.InvariantCulture,
                $"rationed sale probability G(p)/G(p + epsilon) = {drawn.RationingCoefficient:0.####}\nextra money paid epsilon G(p) = {drawn.ExtraCost:0.####}\nsurplus gained ABD - ABC = {drawn.GainRationed:0.####} = half the extra money\nrationing pays iff lambda_S(0) > {drawn.BreakEvenWeightRatio:0.##} Lambda_S"),
            0.36, 0.52);
        note.LabelFontSize = 13;
        note.LabelAlignment = Alignment.UpperLeft;

        plot.Axes.SetLimits(-0.05, raised + 0.15, -0.05, raised + 0.12);
        plot.ShowLegend(Alignment.UpperRight);
        return new FigureResult([PlotImages.Render(Name + ".png", plot)], table,
            new Dictionary<string, string>
            {
                ["price"] = price.ToString(CultureInfo.InvariantCulture),
                ["epsilon"] = string.Join(", ", RationingSurplusStudy.Epsilons.Select(x => x.ToString(CultureInfo.InvariantCulture))),
                ["sellers"] = "r ~ U[0,1], v^M = 1",
            });
    }

    private static string Area(string what, double area) => string.Create(CultureInfo.InvariantCulture, $"{what} (area {area:0.####})");
}

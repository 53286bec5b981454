using MarketSim.Core.Experiments;
using MarketSim.Core.MultiObject;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>
/// A Pareto frontier of ex-ante utilities per object for some numbers of objects (004 Section 5).
/// The default is issue 6's figure, 004 Figure 2: the example (vb 12/1, vs 11/0, q = 1/2), N = 1 against
/// N = 15 (more objects, less inefficiency). <see cref="PaperFigure1"/> and <see cref="PaperFigure4"/> are
/// 004 Figures 1 and 4.
/// </summary>
internal sealed class MultiObjectFrontierFigure : IFigure
{
    public static readonly int[] ObjectCounts = [1, 15];

    private static readonly Color[] CurveColors = [Colors.Red, Colors.Blue];

    private readonly Func<int, MultiObjectProblem> problem;
    private readonly int[] objectCounts;
    private readonly string title;

    public MultiObjectFrontierFigure()
        : this(
            "multi-object-frontier",
            "004: Pareto frontier of ex-ante utilities per object, N = 1 vs N = 15 (vb 12/1, vs 11/0, q = 1/2)",
            "004: Pareto frontier per object (vb = 12/1, vs = 11/0, q = 1/2)",
            MultiObjectStudy.Example,
            ObjectCounts)
    {
    }

    private MultiObjectFrontierFigure(string name, string description, string title, Func<int, MultiObjectProblem> problem, int[] objectCounts)
    {
        Name = name;
        Description = description;
        this.title = title;
        this.problem = problem;
        this.objectCounts = objectCounts;
    }

    /// <summary>
    /// 004 Figure 1: "a Pareto-frontier of a trading problem with eight objects". The paper does not print
    /// its values; drawn for the example, where Proposition 5 needs N >= 12 for a weight-0 agent to keep a
    /// positive utility, so at N = 8 the frontier meets both axes (docs/reproducing-the-papers.md).
    /// </summary>
    public static MultiObjectFrontierFigure PaperFigure1() => new(
        "multi-object-frontier-8",
        "004 Figure 1: Pareto frontier of ex-ante utilities per object, N = 8 (vb 12/1, vs 11/0, q = 1/2)",
        "004 Figure 1: Pareto frontier per object, N = 8 (vb = 12/1, vs = 11/0, q = 1/2)",
        MultiObjectStudy.Example,
        [8]);

    /// <summary>004 Figure 4: a first-best-attainable problem, N = 1 against N = 8: equal at equal weights, linking helps away from them.</summary>
    public static MultiObjectFrontierFigure PaperFigure4() => new(
        "multi-object-first-best-frontier",
        "004 Figure 4: Pareto frontier per object when the first best is attainable, N = 1 vs N = 8 (vb 12/4, vs 8/0, q = 1/2)",
        "004 Figure 4: first best attainable, frontier per object (vb = 12/4, vs = 8/0, q = 1/2)",
        MultiObjectStudy.FirstBestExample,
        [1, 8]);

    public string Name { get; }

    public string Description { get; }

    public FigureResult Render(FigureOptions options)
    {
        var table = new FigureTable("objects", "vertex", "seller_weight_from", "seller_weight_to", "buyer_utility_per_object", "seller_utility_per_object", "first_best_per_object");
        var plot = PlotImages.Create(title, "buyer's utility per object", "seller's utility per object");
        var firstBest = problem(1).FirstBestGains;
        var line = plot.Add.ScatterLine(new[] { firstBest, 0.0 }, new[] { 0.0, firstBest });
        line.LegendText = $"first best: U_b + U_s = {firstBest:0.###} per object";
        line.Color = Colors.Gray;
        line.LinePattern = LinePattern.Dashed;
        line.LineWidth = 2;
        foreach (var (objects, color) in objectCounts.Zip(objectCounts.Length == 1 ? [Colors.Blue] : CurveColors))
        {
            var vertices = MultiObjectStudy.FrontierPerObject(problem(objects));
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
        return new FigureResult([PlotImages.Render(Name + ".png", plot)], table, new Dictionary<string, string> { ["objects"] = string.Join(' ', objectCounts) });
    }
}

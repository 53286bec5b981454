using System.Globalization;
using MarketSim.Core.Experiments;
using MarketSim.Core.MultiObject;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>
/// Each side's threshold against the seller weight (004 Theorem 1 as corrected in docs/theory.md §3: a
/// side's threshold DECREASES in its own weight). Thick steps: 004's integer M^j (j trades a bad object
/// surely when it reports more than M^j good values); thin: M + 1 - sigma, the same rule as one number.
/// The default is 004 Figure 3 (the example at the paper's N = 8: both M^j = 1 at equal weights);
/// <see cref="PaperFigure5"/> is 004 Figure 5 (first best attainable).
/// </summary>
internal sealed class MultiObjectThresholdsFigure : IFigure
{
    public const int Objects = 8;

    private readonly MultiObjectProblem problem;
    private readonly string title;

    public MultiObjectThresholdsFigure()
        : this(
            "multi-object-thresholds",
            "004 Figure 3: thresholds of buyer and seller vs the seller weight, N = 8 (vb 12/1, vs 11/0, q = 1/2)",
            "004 Figure 3: thresholds vs seller weight (N = 8, vb = 12/1, vs = 11/0)",
            MultiObjectStudy.Example(Objects))
    {
    }

    private MultiObjectThresholdsFigure(string name, string description, string title, MultiObjectProblem problem)
    {
        Name = name;
        Description = description;
        this.title = title;
        this.problem = problem;
    }

    /// <summary>004 Figure 5: with the first best attainable only the agent with the lesser weight is restricted.</summary>
    public static MultiObjectThresholdsFigure PaperFigure5() => new(
        "multi-object-first-best-thresholds",
        "004 Figure 5: thresholds vs the seller weight when the first best is attainable, N = 8 (vb 12/4, vs 8/0, q = 1/2)",
        "004 Figure 5: first best attainable, thresholds (N = 8, vb = 12/4, vs = 8/0)",
        MultiObjectStudy.FirstBestExample(Objects));

    public string Name { get; }

    public string Description { get; }

    public FigureResult Render(FigureOptions options)
    {
        var weights = MechanismMapStudy.Grid(0, 1, options.CurvePoints);
        var points = MultiObjectStudy.Thresholds(problem, weights);
        var n = problem.Objects;
        var table = new FigureTable(
            "objects", "seller_weight", "buyer_threshold", "seller_threshold", "efficiency",
            "buyer_M", "buyer_sigma", "seller_M", "seller_sigma");
        foreach (var p in points)
        {
            table.Add(n, p.SellerWeight, p.BuyerThreshold, p.SellerThreshold, p.Efficiency,
                p.BuyerPaperThreshold, p.BuyerPaperSigma, p.SellerPaperThreshold, p.SellerPaperSigma);
        }

        var plot = PlotImages.Create(
            title,
            "weight on the seller's utility (the buyer's weight is 1 minus it)",
            "threshold: good values above which a trader trades its bad objects");
        PlotImages.Line(plot, weights, points.Select(p => (double)p.BuyerPaperThreshold).ToArray(), "buyer: trades surely above M", Colors.Red, 3);
        PlotImages.Line(plot, weights, points.Select(p => (double)p.SellerPaperThreshold).ToArray(), "seller: trades surely above M", Colors.Blue, 3);
        PlotImages.Line(plot, weights, points.Select(p => p.BuyerThreshold).ToArray(), "buyer: M + 1 - sigma (the rule as one number)", Colors.Red, 1)
            .LinePattern = LinePattern.Dashed;
        PlotImages.Line(plot, weights, points.Select(p => p.SellerThreshold).ToArray(), "seller: M + 1 - sigma", Colors.Blue, 1)
            .LinePattern = LinePattern.Dashed;
        plot.Axes.SetLimits(0, 1, 0, n + 0.5);
        plot.ShowLegend(Alignment.UpperCenter);
        return new FigureResult([PlotImages.Render(Name + ".png", plot)], table,
            new Dictionary<string, string> { ["objects"] = n.ToString(CultureInfo.InvariantCulture), ["weights"] = weights.Length.ToString(CultureInfo.InvariantCulture) });
    }
}

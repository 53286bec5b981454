using MarketSim.Core.Scenarios;
using System.Globalization;
using MarketSim.Core.Distributions;
using MarketSim.Core.Experiments;
using MarketSim.Core.RedistributiveAuctions;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>
/// 003 Figures 1-3 with a general welfare ranking (docs/theory.md §4): two players, types U[1,20] and
/// U[2,15], bad cost 1, density w(t) = 2 - t/20 on the type (poorer types weigh more; d lambda = w dF).
/// Three PNGs: the bifurcated scores Z+ and Z- (Z- lies above Z+, 003 Theorem 2), the ironed scores
/// (thick) over the raw ones (thin), and the allocation: P(good) and P(bad) against type.
/// </summary>
internal sealed class AuctionScoresFigure : IFigure
{
    public static readonly IReadOnlyList<double> DensityCoefficients = [2, -0.05];

    public const double BadCost = 1;

    private static readonly Color[] PlayerColors = [Colors.Blue, Colors.Red];

    public string Name => "auction-scores";

    public string Description => "003 Figures 1-3: scores Z+ and Z-, ironing and the allocation, 2 players U[1,20] and U[2,15], badCost 1, weight density 2 - t/20";

    public static IReadOnlyList<AuctionPlayer> Players { get; } =
        [new AuctionPlayer(new UniformDistribution(1, 20), 1), new AuctionPlayer(new UniformDistribution(2, 15), 1)];

    public FigureResult Render(FigureOptions options)
    {
        var curves = AuctionScoreStudy.Compute(Players, WelfareWeightDensity.Polynomial(DensityCoefficients), BadCost, Math.Max(options.CurvePoints * 2, 20));
        var table = new FigureTable("player", "type", "z_plus", "z_minus", "ironed_z_plus", "ironed_z_minus", "good_probability", "bad_probability");
        foreach (var p in curves.Points)
        {
            table.Add(p.Player, p.Type, p.GoodScore, p.BadScore, p.IronedGoodScore, p.IronedBadScore, p.GoodProbability, p.BadProbability);
        }

        var scores = PlotImages.Create("003 Figure 1: the bifurcated scores (weight density 2 - t/20)", "type t (value of the good in money)", "score (virtual surplus)");
        var ironed = PlotImages.Create("003 Figure 2: ironed scores (thick) over the raw ones (thin)", "type t (value of the good in money)", "score (virtual surplus)");
        var allocation = PlotImages.Create("003 Figure 3: the optimal allocation", "type t (value of the good in money)", "probability");
        for (var player = 0; player < Players.Count; player++)
        {
            var points = curves.Points.Where(p => p.Player == player).ToArray();
            var types = points.Select(p => p.Type).ToArray();
            var color = PlayerColors[player];
            var label = string.Create(CultureInfo.InvariantCulture, $"player {player + 1} (U[{Players[player].Type.Lower:0.##},{Players[player].Type.Upper:0.##}])");
            PlotImages.Line(scores, types, points.Select(p => p.GoodScore).ToArray(), $"Z+ {label}: buying the good", color, 2.5f);
            PlotImages.Line(scores, types, points.Select(p => p.BadScore).ToArray(), $"Z- {label}: taking the bad", color, 2.5f).LinePattern = LinePattern.Dashed;
            PlotImages.Line(ironed, types, points.Select(p => p.GoodScore).ToArray(), $"Z+ {label}", color.WithAlpha(0.4), 1);
            PlotImages.Line(ironed, types, points.Select(p => p.BadScore).ToArray(), $"Z- {label}", color.WithAlpha(0.4), 1).LinePattern = LinePattern.Dashed;
            PlotImages.Line(ironed, types, points.Select(p => p.IronedGoodScore).ToArray(), $"ironed Z+ {label}", color, 3);
            PlotImages.Line(ironed, types, points.Select(p => p.IronedBadScore).ToArray(), $"ironed Z- {label}", color, 3).LinePattern = LinePattern.Dashed;
            PlotImages.Line(allocation, types, points.Select(p => p.GoodProbability).ToArray(), $"P(good) {label}", color, 3);
            PlotImages.Line(allocation, types, points.Select(p => p.BadProbability).ToArray(), $"P(bad) {label}", color, 3).LinePattern = LinePattern.Dashed;
        }

        foreach (var plot in new[] { scores, ironed })
        {
            plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dotted);
            plot.ShowLegend(Alignment.UpperLeft);
        }

        allocation.ShowLegend(Alignment.MiddleLeft);
        var parameters = new Dictionary<string, string>
        {
            ["players"] = "U[1,20] U[2,15]",
            ["badCost"] = BadCost.ToString(CultureInfo.InvariantCulture),
            ["weights"] = "polynomial density 2 - 0.05 t",
            ["alpha"] = curves.Alpha.ToString("R", CultureInfo.InvariantCulture),
            ["multiplier"] = curves.Multiplier.ToString("R", CultureInfo.InvariantCulture),
            ["surplus"] = curves.Surplus.ToString("R", CultureInfo.InvariantCulture),
        };
        return new FigureResult(
            [PlotImages.Render("auction-scores.png", scores), PlotImages.Render("auction-ironed-scores.png", ironed), PlotImages.Render("auction-allocation.png", allocation)],
            table, parameters);
    }
}

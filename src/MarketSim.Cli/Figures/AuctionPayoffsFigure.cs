using System.Globalization;
using MarketSim.Core.Distributions;
using MarketSim.Core.Experiments;
using MarketSim.Core.Scenarios;
using ScottPlot;

namespace MarketSim.Cli.Figures;

/// <summary>
/// Issue 7: interim payoffs U_i(t) (utils) and t U_i(t) (money) of the optimal redistributive auction
/// against type (003 Corollary 1: U-shaped), for the issue's example (2 players, types U[1,20],
/// badCost 1, utils weights), with the player's regions marked: pooled bad lottery up to poolUpTo,
/// the bad below badBelow, the good above goodAbove, the reserve price.
/// </summary>
internal sealed class AuctionPayoffsFigure : IFigure
{
    public static readonly RedistributiveAuctionSpec Example = new(
        "redistributive-auction", 1, 1.0,
        [new AuctionPlayerSpec(new UniformSpec(1, 20), 1), new AuctionPlayerSpec(new UniformSpec(1, 20), 1)],
        WelfareWeights.Utils);

    public string Name => "auction-payoffs";

    public string Description => "003: interim payoff U(t) and t U(t) vs type with regions, 2 players U[1,20], badCost 1, utils weights";

    public FigureResult Render(FigureOptions options)
    {
        var curves = AuctionPayoffStudy.Compute(Example, Math.Max(options.CurvePoints * 2, 20));
        var table = new FigureTable("player", "type", "utility", "utility_in_money", "good_probability", "bad_probability");
        foreach (var p in curves.Points)
        {
            table.Add(p.Player, p.Type, p.Utility, p.UtilityInMoney, p.GoodProbability, p.BadProbability);
        }

        var player = curves.Points.Where(p => p.Player == 0).ToArray();
        var types = player.Select(p => p.Type).ToArray();
        var thresholds = curves.Thresholds[0];
        var panels = new List<Plot>();
        foreach (var inMoney in new[] { false, true })
        {
            var plot = PlotImages.Create(
                inMoney ? "003: interim payoff in money t U(t), player 1" : "003: interim payoff in utils U(t), player 1",
                "type t (value of the good in money)", inMoney ? "t U(t)" : "U(t)");
            var curve = plot.Add.ScatterLine(types, player.Select(p => inMoney ? p.UtilityInMoney : p.Utility).ToArray());
            curve.LegendText = inMoney ? "t U(t)" : "U(t)";
            curve.Color = Colors.Blue;
            curve.LineWidth = 3;
            double lower = types[0], upper = types[^1];
            Band(plot, lower, thresholds.BadBelow, "bad with positive probability", Colors.Red.WithAlpha(0.15));
            Band(plot, lower, thresholds.PoolUpTo, "pooled: bad by lottery", Colors.Purple.WithAlpha(0.2));
            Band(plot, thresholds.GoodAbove, upper, "good with positive probability", Colors.Green.WithAlpha(0.15));
            if (thresholds.Reserve is { } reserve)
            {
                var line = plot.Add.VerticalLine(reserve, 2, Colors.Orange, LinePattern.Dashed);
                line.LegendText = string.Create(CultureInfo.InvariantCulture, $"reserve price {reserve:0.##}");
            }

            plot.ShowLegend(inMoney ? Alignment.UpperCenter : Alignment.UpperRight);
            panels.Add(plot);
        }

        var parameters = new Dictionary<string, string>
        {
            ["players"] = "2 x U[1,20]",
            ["badCost"] = "1",
            ["weights"] = "utils",
            ["multiplier"] = curves.Multiplier.ToString("R", CultureInfo.InvariantCulture),
            ["surplus"] = curves.Surplus.ToString("R", CultureInfo.InvariantCulture),
            ["poolUpTo"] = Text(thresholds.PoolUpTo),
            ["badBelow"] = Text(thresholds.BadBelow),
            ["goodAbove"] = Text(thresholds.GoodAbove),
            ["reserve"] = Text(thresholds.Reserve),
        };
        return new FigureResult([PlotImages.RenderRow(Name + ".png", panels, 700, 560)], table, parameters);
    }

    /// <summary>A shaded type interval [from, to]; nothing when the region is empty (null threshold).</summary>
    private static void Band(Plot plot, double? from, double? to, string label, Color color)
    {
        if (from is not { } start || to is not { } end || !(end > start))
        {
            return;
        }

        var span = plot.Add.HorizontalSpan(start, end);
        span.FillStyle.Color = color;
        span.LineStyle.Width = 0;
        span.LegendText = string.Create(CultureInfo.InvariantCulture, $"{label} ({start:0.##} to {end:0.##})");
    }

    private static string Text(double? value) => value is { } number ? number.ToString("R", CultureInfo.InvariantCulture) : "null";
}

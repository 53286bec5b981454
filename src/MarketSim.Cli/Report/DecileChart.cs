using System.Text;

namespace MarketSim.Cli.Report;

/// <summary>
/// Mean money-metric utility by value-for-money decile (1 = richest, 10 = poorest) as inline SVG: one
/// coloured series per mechanism, the Monte Carlo mean of each decile with its 95% CI, slightly offset
/// so that the series do not hide each other.
/// </summary>
internal static class DecileChart
{
    private const double Width = 760, Left = 70, Right = 20, Top = 40, PlotBottom = 310, LegendRow = 18;
    private const int LegendColumns = 4;

    /// <param name="series">Per mechanism (scenario order): ten intervals, decile 1 first.</param>
    public static string Render(string title, IReadOnlyList<(string Mechanism, IReadOnlyList<ChartInterval> Deciles)> series)
    {
        var values = series.SelectMany(item => item.Deciles).SelectMany(point => new[] { point.Mean, point.Low, point.High });
        var axis = new ChartAxis(values, PlotBottom, Top);
        var height = PlotBottom + 60 + (Math.Max(1, (series.Count + LegendColumns - 1) / LegendColumns) * LegendRow);
        var deciles = series.Count > 0 ? series.Max(item => item.Deciles.Count) : 10;
        var slot = (Width - Left - Right) / Math.Max(deciles, 1);
        var svg = new StringBuilder();
        svg.Append($"""<svg viewBox="0 0 {Svg.Number(Width)} {Svg.Number(height)}" width="{Svg.Number(Width)}" height="{Svg.Number(height)}" role="img" aria-label="{Svg.Text(title)}">""").Append('\n');
        svg.Append($"""<text x="{Svg.Number(Width / 2)}" y="20" text-anchor="middle" class="title">{Svg.Text(title)}</text>""").Append('\n');
        foreach (var tick in axis.Ticks())
        {
            var y = Svg.Number(axis.Pixel(tick));
            svg.Append($"""<line x1="{Svg.Number(Left)}" y1="{y}" x2="{Svg.Number(Width - Right)}" y2="{y}" class="grid"/>""");
            svg.Append($"""<text x="{Svg.Number(Left - 6)}" y="{y}" dy="4" text-anchor="end" class="tick">{axis.Label(tick)}</text>""").Append('\n');
        }

        for (var d = 0; d < deciles; d++)
        {
            var label = d == 0 ? "1 richest" : d == deciles - 1 ? $"{d + 1} poorest" : $"{d + 1}";
            svg.Append($"""<text x="{Svg.Number(Left + ((d + 0.5) * slot))}" y="{Svg.Number(PlotBottom + 16)}" text-anchor="middle" class="tick">{label}</text>""");
        }

        svg.Append('\n');
        svg.Append($"""<text x="{Svg.Number((Left + Width - Right) / 2)}" y="{Svg.Number(PlotBottom + 34)}" text-anchor="middle" class="axis">decile of value for money v^M (10 = highest v^M = poorest)</text>""").Append('\n');
        svg.Append($"""<text transform="translate(16 {Svg.Number((Top + PlotBottom) / 2)}) rotate(-90)" text-anchor="middle" class="axis">mean money-metric utility</text>""").Append('\n');
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Svg.Colour(s);
            var offset = series.Count > 1 ? ((s / (series.Count - 1.0)) - 0.5) * slot * 0.5 : 0;
            var path = new StringBuilder();
            for (var d = 0; d < series[s].Deciles.Count; d++)
            {
                var point = series[s].Deciles[d];
                if (!double.IsFinite(point.Mean))
                {
                    continue;
                }

                var x = Left + ((d + 0.5) * slot) + offset;
                path.Append(path.Length == 0 ? "M" : " L").Append(Svg.Number(x)).Append(' ').Append(Svg.Number(axis.Pixel(point.Mean)));
                if (double.IsFinite(point.Low) && double.IsFinite(point.High))
                {
                    svg.Append($"""<line x1="{Svg.Number(x)}" y1="{Svg.Number(axis.Pixel(point.Low))}" x2="{Svg.Number(x)}" y2="{Svg.Number(axis.Pixel(point.High))}" stroke="{colour}" stroke-width="2"/>""");
                }

                svg.Append($"""<circle cx="{Svg.Number(x)}" cy="{Svg.Number(axis.Pixel(point.Mean))}" r="3.5" fill="{colour}"/>""");
            }

            if (path.Length > 0)
            {
                svg.Append($"""<path d="{path}" fill="none" stroke="{colour}" stroke-width="1.2" stroke-opacity="0.6"/>""");
            }

            // Legend below the axis title, LegendColumns per row.
            var legendX = Left + (s % LegendColumns * 170);
            var legendY = PlotBottom + 60 + (s / LegendColumns * LegendRow);
            svg.Append($"""<rect x="{Svg.Number(legendX)}" y="{Svg.Number(legendY - 9)}" width="10" height="10" fill="{colour}"/><text x="{Svg.Number(legendX + 14)}" y="{Svg.Number(legendY)}" class="legend">{Svg.Text(series[s].Mechanism)}</text>""").Append('\n');
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }
}

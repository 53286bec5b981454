using System.Text;

namespace MarketSim.Cli.Report;

/// <summary>
/// Horizontal interval plot as inline SVG: one row per mechanism, the mean as a dot, its 95% CI as a
/// bar, the continuum value as a hollow diamond, and an optional dashed reference line (0 for paired
/// differences).
/// </summary>
internal static class IntervalChart
{
    private const double Width = 760, LabelWidth = 230, Right = 30, Top = 40, Row = 30, Bottom = 46;

    public static string Render(string title, string axisTitle, IReadOnlyList<ChartInterval> rows, double? reference)
    {
        var height = Top + (Math.Max(rows.Count, 1) * Row) + Bottom;
        var values = rows.SelectMany(row => new[] { row.Mean, row.Low, row.High, row.Theory ?? double.NaN })
            .Append(reference ?? double.NaN);
        var axis = new ChartAxis(values, LabelWidth, Width - Right);
        var plotBottom = height - Bottom;
        var svg = new StringBuilder();
        svg.Append($"""<svg viewBox="0 0 {Svg.Number(Width)} {Svg.Number(height)}" width="{Svg.Number(Width)}" height="{Svg.Number(height)}" role="img" aria-label="{Svg.Text(title)}">""").Append('\n');
        svg.Append($"""<text x="{Svg.Number(Width / 2)}" y="20" text-anchor="middle" class="title">{Svg.Text(title)}</text>""").Append('\n');
        foreach (var tick in axis.Ticks())
        {
            var x = Svg.Number(axis.Pixel(tick));
            svg.Append($"""<line x1="{x}" y1="{Svg.Number(Top - 6)}" x2="{x}" y2="{Svg.Number(plotBottom)}" class="grid"/>""");
            svg.Append($"""<text x="{x}" y="{Svg.Number(plotBottom + 16)}" text-anchor="middle" class="tick">{axis.Label(tick)}</text>""").Append('\n');
        }

        svg.Append($"""<text x="{Svg.Number((LabelWidth + Width - Right) / 2)}" y="{Svg.Number(height - 8)}" text-anchor="middle" class="axis">{Svg.Text(axisTitle)}</text>""").Append('\n');
        if (reference is { } line)
        {
            var x = Svg.Number(axis.Pixel(line));
            svg.Append($"""<line x1="{x}" y1="{Svg.Number(Top - 6)}" x2="{x}" y2="{Svg.Number(plotBottom)}" class="reference"/>""").Append('\n');
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + (i * Row) + (Row / 2);
            var colour = Svg.Colour(i);
            svg.Append($"""<text x="{Svg.Number(LabelWidth - 8)}" y="{Svg.Number(y + 4)}" text-anchor="end" class="label">{Svg.Text(row.Label)}</text>""");
            if (double.IsFinite(row.Low) && double.IsFinite(row.High))
            {
                svg.Append($"""<line x1="{Svg.Number(axis.Pixel(row.Low))}" y1="{Svg.Number(y)}" x2="{Svg.Number(axis.Pixel(row.High))}" y2="{Svg.Number(y)}" stroke="{colour}" stroke-width="3"/>""");
            }

            if (double.IsFinite(row.Mean))
            {
                svg.Append($"""<circle cx="{Svg.Number(axis.Pixel(row.Mean))}" cy="{Svg.Number(y)}" r="4.5" fill="{colour}"/>""");
            }

            if (row.Theory is { } theory && double.IsFinite(theory))
            {
                var x = axis.Pixel(theory);
                svg.Append($"""<path d="M{Svg.Number(x)} {Svg.Number(y - 7)} L{Svg.Number(x + 7)} {Svg.Number(y)} L{Svg.Number(x)} {Svg.Number(y + 7)} L{Svg.Number(x - 7)} {Svg.Number(y)} Z" class="theory"/>""");
            }

            svg.Append('\n');
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }
}

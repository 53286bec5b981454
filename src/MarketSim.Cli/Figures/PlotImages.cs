using ScottPlot;
using SkiaSharp;

namespace MarketSim.Cli.Figures;

/// <summary>Renders ScottPlot plots to PNG bytes (one plot, or panels side by side) with the house style.</summary>
internal static class PlotImages
{
    public const int Width = 900;

    /// <summary>Series colours, one per mechanism, in scenario order.</summary>
    public static readonly Color[] Palette = [Colors.Black, Colors.Red, Colors.Blue, Colors.Green, Colors.Orange, Colors.Purple];
    public const int Height = 600;

    /// <summary>A plot with a title, axis labels and the legend in the given corner.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title, 15);
        plot.XLabel(xLabel, 14);
        plot.YLabel(yLabel, 14);
        return plot;
    }

    public static FigureImage Render(string fileName, Plot plot, int width = Width, int height = Height) =>
        new(fileName, plot.GetImageBytes(width, height, ImageFormat.Png), width, height);

    /// <summary>Panels in one row, each <paramref name="panelWidth"/> x <paramref name="panelHeight"/>, drawn on one canvas.</summary>
    public static FigureImage RenderRow(string fileName, IReadOnlyList<Plot> panels, int panelWidth, int panelHeight)
    {
        var width = panelWidth * panels.Count;
        using var surface = SKSurface.Create(new SKImageInfo(width, panelHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        for (var i = 0; i < panels.Count; i++)
        {
            using var bitmap = SKBitmap.Decode(panels[i].GetImageBytes(panelWidth, panelHeight, ImageFormat.Png));
            surface.Canvas.DrawBitmap(bitmap, i * panelWidth, 0);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return new FigureImage(fileName, data.ToArray(), width, panelHeight);
    }

    /// <summary>A labelled line of the given colour and width; returned for further styling (e.g. a dash pattern).</summary>
    public static ScottPlot.Plottables.Scatter Line(Plot plot, double[] x, double[] y, string label, Color color, float width)
    {
        var line = plot.Add.ScatterLine(x, y);
        line.LegendText = label;
        line.Color = color;
        line.LineWidth = width;
        return line;
    }

    /// <summary>Decimal logarithm ticks on the bottom axis for data plotted as log10(x).</summary>
    public static void LogBottomAxis(Plot plot)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = exponent => Math.Pow(10, exponent).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

using System.Globalization;

namespace MarketSim.Cli.Report;

/// <summary>
/// A linear axis over the data with "nice" ticks (steps 1, 2 or 5 times a power of ten), mapping
/// values to pixels between <paramref name="pixelFrom"/> and <paramref name="pixelTo"/>.
/// </summary>
internal sealed class ChartAxis
{
    private const int TargetTicks = 6;

    public ChartAxis(IEnumerable<double> values, double pixelFrom, double pixelTo)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        var low = finite.Length > 0 ? finite.Min() : 0;
        var high = finite.Length > 0 ? finite.Max() : 1;
        if (high - low < 1e-12 * Math.Max(1, Math.Abs(high)))
        {
            // One value (or none): a unit-wide window around it, so the point sits mid-axis.
            var half = Math.Max(Math.Abs(high) * 0.1, 0.5);
            low -= half;
            high += half;
        }

        Step = NiceStep((high - low) / TargetTicks);
        Low = Math.Floor(low / Step) * Step;
        High = Math.Ceiling(high / Step) * Step;
        PixelFrom = pixelFrom;
        PixelTo = pixelTo;
    }

    public double Low { get; }
    public double High { get; }
    public double Step { get; }
    public double PixelFrom { get; }
    public double PixelTo { get; }

    public IEnumerable<double> Ticks()
    {
        var count = (int)Math.Round((High - Low) / Step);
        for (var i = 0; i <= count; i++)
        {
            var tick = Low + (i * Step);
            yield return Math.Abs(tick) < Step * 1e-9 ? 0 : tick;
        }
    }

    public double Pixel(double value) => PixelFrom + ((value - Low) / (High - Low) * (PixelTo - PixelFrom));

    public string Label(double tick) => tick.ToString("G4", CultureInfo.InvariantCulture);

    private static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }
}

using System.Globalization;
using System.Net;

namespace MarketSim.Cli.Report;

/// <summary>Formatting shared by the inline SVG charts: fixed-precision coordinates (stable bytes) and escaped text.</summary>
internal static class Svg
{
    /// <summary>Okabe-Ito colours: distinguishable with colour-blindness, one per mechanism in scenario order.</summary>
    public static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"];

    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Text(string text) => WebUtility.HtmlEncode(text);

    public static string Colour(int index) => Palette[index % Palette.Length];
}

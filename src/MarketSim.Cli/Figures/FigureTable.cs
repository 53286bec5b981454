using System.Globalization;
using MarketSim.Cli.Output;

namespace MarketSim.Cli.Figures;

/// <summary>The tidy CSV behind a figure: one header, rows of formatted cells.</summary>
internal sealed class FigureTable(params string[] header)
{
    private readonly List<string[]> rows = [];

    public IReadOnlyList<string> Header { get; } = header;

    public IReadOnlyList<IReadOnlyList<string>> Rows => rows;

    /// <summary>Adds a row; numbers in round-trip form, integers plainly, strings as they are.</summary>
    public void Add(params object[] cells)
    {
        if (cells.Length != Header.Count)
        {
            throw new ArgumentException($"{cells.Length} cells for {Header.Count} columns", nameof(cells));
        }

        rows.Add(cells.Select(Format).ToArray());
    }

    public static string Format(object cell) => cell switch
    {
        double number => CsvFiles.Number(number),
        int whole => whole.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        null => string.Empty,
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}

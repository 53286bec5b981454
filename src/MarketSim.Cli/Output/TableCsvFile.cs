using System.Globalization;
using CsvHelper;

namespace MarketSim.Cli.Output;

/// <summary>
/// The one CSV writer of MarketSim (CsvHelper; RFC 4180 quoting, Unix line ends, invariant culture,
/// written atomically): run, stress, sweep and figure tables all go through it. Cells are already
/// formatted (numbers via <see cref="CsvFiles.Number"/>), so the same inputs give the same bytes.
/// </summary>
public static class TableCsvFile
{
    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };

    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
            WriteRecord(csv, header);
            foreach (var row in rows)
            {
                if (row.Count != header.Count)
                {
                    throw new InvalidOperationException($"a row of {path} has {row.Count} cells for {header.Count} columns");
                }

                WriteRecord(csv, row);
            }

            csv.Flush();
        });

    private static void WriteRecord(CsvWriter csv, IReadOnlyList<string> cells)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(cell);
        }

        csv.EndRecord();
    }
}

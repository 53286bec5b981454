using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MarketSim.Cli.Output;

namespace MarketSim.Cli.Figures;

/// <summary>
/// The one place that writes a figure's output folder: each PNG and the CSV (atomically, via
/// <see cref="AtomicFile"/>), then <c>manifest.json</c> (the run manifest, with the figure's
/// parameters hashed in place of a scenario file). Returns the file names written.
/// </summary>
internal static class FigureWriter
{
    public static IReadOnlyList<string> Write(
        string folder, IFigure figure, FigureResult result, DateTimeOffset startedAt, IReadOnlyDictionary<string, double> timings)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        foreach (var image in result.Images)
        {
            AtomicFile.Write(Path.Combine(folder, image.FileName), stream => stream.Write(image.Png));
            files.Add(image.FileName);
        }

        var csv = figure.Name + ".csv";
        TableCsvFile.Write(Path.Combine(folder, csv), result.Table.Header, result.Table.Rows);
        files.Add(csv);

        var parameters = JsonSerializer.Serialize(new SortedDictionary<string, string>(result.Parameters.ToDictionary()));
        var manifest = Manifest.Create(
            "figure " + figure.Name,
            new ManifestScenario(figure.Name, "(built in) " + figure.Description + " " + parameters,
                Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parameters)))),
            result.Parameters.TryGetValue("seed", out var seed) ? ulong.Parse(seed, System.Globalization.CultureInfo.InvariantCulture) : 0,
            result.Parameters.TryGetValue("replications", out var replications) ? int.Parse(replications, System.Globalization.CultureInfo.InvariantCulture) : 0,
            Environment.ProcessorCount,
            startedAt,
            timings,
            folder,
            files);
        manifest.Write(folder);
        files.Add(Manifest.FileName);
        return files;
    }
}

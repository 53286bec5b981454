using System.Text.Json;
using SkiaSharp;

namespace MarketSim.Cli.Tests.Figures;

/// <summary>Every figure's PNG exists, decodes (SkiaSharp, as ScottPlot renders) and has the pixel size the figure declares; the manifest lists the files with their hashes.</summary>
[Collection(SmallFiguresCollection.Name)]
public sealed class FigurePngsDecodeAtTheirSizeTests(SmallFiguresFixture figures)
{
    public static TheoryData<string, string, int, int> Pictures => new()
    {
        { "pareto-frontier", "pareto-frontier.png", 900, 600 },
        { "optimal-single-price", "optimal-single-price.png", 900, 600 },
        { "wedge-prices", "wedge-prices.png", 900, 600 },
        { "mechanism-map", "figure-7-1-lump-sums.png", 1800, 660 },
        { "mechanism-map", "figure-7-2-no-lump-sums.png", 1800, 660 },
        { "convergence", "convergence.png", 900, 600 },
        { "strategic-vs-n", "strategic-vs-n.png", 900, 600 },
        { "multi-object-frontier", "multi-object-frontier.png", 900, 600 },
        { "multi-object-thresholds", "multi-object-thresholds.png", 900, 600 },
        { "multi-object-efficiency", "multi-object-efficiency.png", 900, 600 },
        { "auction-payoffs", "auction-payoffs.png", 1400, 560 },
        { "multi-object-frontier-8", "multi-object-frontier-8.png", 900, 600 },
        { "multi-object-first-best-frontier", "multi-object-first-best-frontier.png", 900, 600 },
        { "multi-object-first-best-thresholds", "multi-object-first-best-thresholds.png", 900, 600 },
        { "auction-scores", "auction-scores.png", 900, 600 },
        { "auction-scores", "auction-ironed-scores.png", 900, 600 },
        { "auction-scores", "auction-allocation.png", 900, 600 },
        { "one-sided", "one-sided.png", 900, 600 },
        { "delta-s", "delta-s.png", 900, 600 },
        { "rationing-surplus", "rationing-surplus.png", 900, 600 },
    };

    [Theory]
    [MemberData(nameof(Pictures))]
    public void PngDecodesWithTheExpectedSize(string figure, string file, int width, int height)
    {
        Assert.Equal(0, figures.ExitCode);
        using var bitmap = SKBitmap.Decode(figures.PathOf(figure, file));
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        // Not blank: a drawn figure has many distinct colours (axes, curves, text).
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bitmap.Height; y += 7)
        {
            for (var x = 0; x < bitmap.Width; x += 7)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }

        Assert.True(colours.Count > 5, $"{file}: only {colours.Count} colours");
    }

    [Theory]
    [InlineData("pareto-frontier")]
    [InlineData("mechanism-map")]
    [InlineData("convergence")]
    [InlineData("auction-payoffs")]
    public void ManifestListsEveryFileWithItsHash(string figure)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(figures.PathOf(figure, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal("figure " + figure, root.GetProperty("command").GetString());
        var files = root.GetProperty("files").EnumerateArray().ToArray();
        Assert.Contains(files, file => file.GetProperty("name").GetString() == figure + ".csv");
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(figures.PathOf(figure, file.GetProperty("name").GetString()!));
            Assert.Equal(bytes.LongLength, file.GetProperty("bytes").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), file.GetProperty("sha256").GetString());
        }

        Assert.Empty(Directory.GetFiles(Path.Combine(figures.Folder, figure), ".*"));
    }
}

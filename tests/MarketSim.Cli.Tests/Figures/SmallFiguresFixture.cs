using MarketSim.Cli.Commands;
using MarketSim.Cli.Figures;
using Spectre.Console.Testing;

namespace MarketSim.Cli.Tests.Figures;

/// <summary>
/// Draws every figure once with small sizes (4 x 4 maps, 21 points per curve, convergence up to 10^4
/// sellers with few replications) into a scratch folder shared by the figure test classes.
/// </summary>
public sealed class SmallFiguresFixture : IDisposable
{
    internal static readonly FigureOptions Small = new(MapGridSize: 4, ConvergenceReplications: 5, CurvePoints: 21, MaximumSellers: 10_000);

    public SmallFiguresFixture()
    {
        Folder = Directory.CreateTempSubdirectory("marketsim-figures-").FullName;
        ExitCode = FigureCommand.Execute(FigureCatalog.All, Folder, Small, RepositoryPaths.Scenario("paper-section2.yaml"), force: false, new TestConsole());
    }

    public string Folder { get; }

    public int ExitCode { get; }

    public string PathOf(string figure, string file) => Path.Combine(Folder, figure, file);

    /// <summary>The figure's CSV as rows of column name -> cell.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Csv(string figure)
    {
        var lines = File.ReadAllLines(PathOf(figure, figure + ".csv"));
        var header = lines[0].Split(',');
        return lines.Skip(1)
            .Select(line => (IReadOnlyDictionary<string, string>)header.Zip(line.Split(',')).ToDictionary(pair => pair.First, pair => pair.Second))
            .ToArray();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in /tmp is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SmallFiguresCollection : ICollectionFixture<SmallFiguresFixture>
{
    public const string Name = "small figures";
}

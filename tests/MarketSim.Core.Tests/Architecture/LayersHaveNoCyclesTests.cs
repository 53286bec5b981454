namespace MarketSim.Core.Tests.Architecture;

/// <summary>
/// The layering of docs/architecture.md ("Layers"): Core depends on the BCL and MathNet only, and the
/// folders of Core, Simulation and Cli form an acyclic graph (each folder a layer above the folders it
/// imports), so a type that closes a loop is caught here rather than in review.
/// </summary>
public sealed class LayersHaveNoCyclesTests
{
    [Fact]
    public void CoreReferencesOnlyTheBaseClassLibraryAndMathNet()
    {
        // The BCL is what the shared framework ships (System.*, netstandard, ...); a NuGet package named
        // System.Something (System.CommandLine) is not in that folder and counts as foreign.
        var framework = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
        var references = typeof(Side).Assembly.GetReferencedAssemblies().Select(name => name.Name!).ToList();

        var foreign = references
            .Where(name => name != "MathNet.Numerics" && !File.Exists(Path.Combine(framework, name + ".dll")))
            .ToList();

        Assert.Contains("MathNet.Numerics", references);
        Assert.Contains("System.Runtime", references);
        Assert.Empty(foreign);
    }

    [Theory]
    [InlineData("MarketSim.Core")]
    [InlineData("MarketSim.Simulation")]
    [InlineData("MarketSim.Cli")]
    public void FoldersImportEachOtherWithoutCycles(string project)
    {
        var graph = FolderImportGraph.OfProject(Path.Combine(RepositoryRoot(), "src", project));

        Assert.Empty(graph.Cycles());
    }

    [Fact]
    public void AReintroducedLoopIsFound()
    {
        // Agents naming a Random type and Random naming Agents' Side: the loop issue 14 removed.
        var graph = FolderImportGraph.Of(
        [
            ("Agents", "using MarketSim.Core.Random;\nnamespace MarketSim.Core.Agents;\npublic enum Side { Buyers }\npublic sealed class Sampler { RandomStream? stream; }"),
            ("Random", "using MarketSim.Core.Agents;\nnamespace MarketSim.Core.Random;\npublic sealed class RandomStream { Side side; }"),
            ("Numerics", "namespace MarketSim.Core.Numerics;\n// Side and RandomStream named in a comment only\npublic static class RankOrder { static string Name = \"Side\"; }"),
        ]);

        Assert.Equal(["Agents <-> Random"], graph.Cycles());
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MarketSim.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no MarketSim.sln above {AppContext.BaseDirectory}");
    }
}

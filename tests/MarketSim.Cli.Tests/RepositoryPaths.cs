namespace MarketSim.Cli.Tests;

/// <summary>Finds the repository's files (scenarios/) from the test binaries' folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scenario(string name) => Path.Combine(Root, "scenarios", name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MarketSim.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MarketSim.sln not found above " + AppContext.BaseDirectory);
    }
}

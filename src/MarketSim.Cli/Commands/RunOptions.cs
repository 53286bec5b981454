namespace MarketSim.Cli.Commands;

/// <summary>The options of <c>run</c> (ARCHITECTURE.md); null = take the scenario's value or the default.</summary>
public sealed record RunOptions(
    string ScenarioFile,
    int? Replications = null,
    ulong? Seed = null,
    string? OutputFolder = null,
    int? Workers = null,
    int? CohortSize = null,
    ClusterOptions? Cluster = null);

/// <summary><c>run --cluster</c>: this process is the seed node and coordinator (docs/cluster.md).</summary>
public sealed record ClusterOptions(string Hostname = ClusterOptions.DefaultHostname, int Port = ClusterOptions.DefaultPort)
{
    public const string DefaultHostname = "127.0.0.1";
    public const int DefaultPort = 4053;
}

using MarketSim.Cli.Output;

namespace MarketSim.Cli.Options;

/// <summary>
/// The options of <c>run</c> (docs/architecture.md); null = take the scenario's value or the default.
/// <c>Resume</c> continues an interrupted run from its journal (docs/running.md).
/// </summary>
public sealed record RunOptions(
    string ScenarioFile,
    int? Replications = null,
    ulong? Seed = null,
    string? OutputFolder = null,
    int? Workers = null,
    int? CohortSize = null,
    bool Resume = false,
    ClusterOptions? Cluster = null) : VerbOptions
{
    /// <summary>The command line of these options, as the user gave them, with <c>--resume</c>: what to type to continue.</summary>
    public string ResumeCommandLine()
    {
        var words = new List<string> { "marketsim", "run", ScenarioFile };
        void Add(string option, object? value) => AddWords(words, option, value);

        Add("--replications", Replications);
        Add("--seed", Seed);
        Add("--out", OutputFolder);
        Add("--workers", Workers);
        Add("--cohort-size", CohortSize);
        Add("--max-memory", MaxMemoryBytes);
        if (Cluster is { } cluster)
        {
            // Every cluster option, explicitly: the resumed coordinator must be reachable where the last one was.
            words.Add("--cluster");
            Add("--hostname", cluster.Hostname);
            Add("--port", cluster.Port);
            Add("--cluster-cert", cluster.CertificateFolder);
        }

        words.Add("--resume");
        return ShellWords.Join(words);
    }
}

/// <summary>
/// <c>run --cluster</c>: this process is the seed node and coordinator (docs/cluster.md).
/// <c>CertificateFolder</c>: the run's credentials (<c>cluster-cert</c>); null = fresh ones in the output folder.
/// </summary>
public sealed record ClusterOptions(
    string Hostname = ClusterOptions.DefaultHostname, int Port = ClusterOptions.DefaultPort, string? CertificateFolder = null)
{
    public const string DefaultHostname = "127.0.0.1";
    public const int DefaultPort = 4053;
}

using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using MarketSim.Cli.Scenarios;

namespace MarketSim.Cli.Output;

/// <summary>
/// <c>manifest.json</c>: what produced an output folder (scenario file and hash, seed, replication
/// count, versions, timings, and the SHA-256 of every file written) so a run can be reproduced and
/// checked. Timings vary from run to run; the CSV files do not.
/// </summary>
public sealed record Manifest(
    string Tool,
    string Version,
    string Command,
    ManifestScenario Scenario,
    ulong Seed,
    int Replications,
    int Workers,
    string Runtime,
    string OperatingSystem,
    int ProcessorCount,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyDictionary<string, double> TimingsSeconds,
    IReadOnlyList<ManifestFile> Files)
{
    public const string FileName = "manifest.json";

    /// <summary>A cluster run's workers and what each did (docs/cluster.md); absent for a single-process run.</summary>
    public IReadOnlyList<ManifestWorker>? ClusterWorkers { get; init; }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string ToolVersion =>
        typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Manifest).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public static Manifest Create(
        string command, LoadedScenario loaded, ulong seed, int replications, int workers,
        DateTimeOffset startedAt, IReadOnlyDictionary<string, double> timings, string folder, IEnumerable<string> files) =>
        Create(
            command, new ManifestScenario(loaded.Scenario.Name, Path.GetFullPath(loaded.File), loaded.Sha256),
            seed, replications, workers, startedAt, timings, folder, files);

    /// <summary>A manifest for any source (a scenario file, or a built-in figure's parameters), with this machine's runtime facts.</summary>
    public static Manifest Create(
        string command, ManifestScenario source, ulong seed, int replications, int workers,
        DateTimeOffset startedAt, IReadOnlyDictionary<string, double> timings, string folder, IEnumerable<string> files) =>
        new(
            "marketsim",
            ToolVersion,
            command,
            source,
            seed,
            replications,
            workers,
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription,
            Environment.ProcessorCount,
            startedAt,
            DateTimeOffset.UtcNow,
            timings,
            files.Select(name => ManifestFile.Of(folder, name)).ToArray());

    public void Write(string folder) =>
        AtomicFile.WriteText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, JsonOptions) + "\n");
}

/// <summary>One worker of a cluster run: its address, its version (with commit), replications it computed, of which re-runs.</summary>
public sealed record ManifestWorker(string Address, string Version, int Replications, int Reran);

public sealed record ManifestScenario(string Name, string File, string Sha256);

public sealed record ManifestFile(string Name, long Bytes, string Sha256)
{
    public static ManifestFile Of(string folder, string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(folder, name));
        return new ManifestFile(name, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using MarketSim.Cli.Output;
using MarketSim.Simulation.Cluster;

namespace MarketSim.Cli.Resume;

/// <summary>
/// Who computed each replication of a cluster run, <c>&lt;output&gt;/.partial/cluster-workers</c>, one JSON
/// line per accepted replication, beside the journal and kept as long as it is, so the manifest of a
/// run resumed after a coordinator crash still names every worker of every session. A torn last line
/// is skipped (its replication is then simply not attributed).
/// </summary>
public static class ClusterProvenance
{
    public const string FileName = "cluster-workers";

    public static string PathIn(string outputFolder) => Path.Combine(outputFolder, ReplicationJournal.FolderName, FileName);

    public static void Append(string path, ContributedReplication contributed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var line = JsonSerializer.Serialize(new Entry(
            contributed.Result.Replication, contributed.Worker, contributed.ToolVersion, contributed.Rerun));
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var bytes = new List<byte>();
        if (stream.Length > 0)
        {
            // A line torn by a kill -9 is closed first, so it spoils only itself, not this one.
            stream.Seek(-1, SeekOrigin.End);
            if (stream.ReadByte() != '\n')
            {
                bytes.Add((byte)'\n');
            }
        }

        bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(line + "\n"));
        stream.Seek(0, SeekOrigin.End);
        stream.Write(bytes.ToArray());
    }

    /// <summary>Per worker (address and version): replications done and re-run, over <paramref name="replications"/> only.</summary>
    public static IReadOnlyList<ManifestWorker> Summarise(string path, IReadOnlySet<int> replications)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var byReplication = new Dictionary<int, Entry>();
        foreach (var line in File.ReadLines(path))
        {
            Entry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<Entry>(line);
            }
            catch (JsonException)
            {
                continue;
            }

            if (entry?.Worker is not null && entry.Version is not null && replications.Contains(entry.Replication))
            {
                byReplication[entry.Replication] = entry; // the last acceptance stands (a later session's re-run)
            }
        }

        return byReplication.Values
            .GroupBy(entry => (entry.Worker, entry.Version))
            .Select(group => new ManifestWorker(group.Key.Worker, group.Key.Version, group.Count(), group.Count(entry => entry.Rerun)))
            .OrderBy(worker => worker.Address, StringComparer.Ordinal)
            .ToArray();
    }

    public static void Remove(string outputFolder)
    {
        if (File.Exists(PathIn(outputFolder)))
        {
            File.Delete(PathIn(outputFolder));
        }
    }

    private sealed record Entry(
        [property: JsonPropertyName("replication")] int Replication,
        [property: JsonPropertyName("worker")] string Worker,
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("rerun")] bool Rerun);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace MarketSim.Cli.Resume;

/// <summary>
/// The first line of a journal: what run its replications belong to. A replication is a pure function
/// of (scenario, seed, replication) (SPEC 6), so journaled results may be reused only by a run with the
/// same scenario file (SHA-256), seed and replication count, made by the same tool version.
/// </summary>
public sealed record JournalHeader(
    [property: JsonPropertyName("journal")] string Kind,
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("scenarioSha256")] string ScenarioSha256,
    [property: JsonPropertyName("seed")] ulong Seed,
    [property: JsonPropertyName("replications")] int Replications,
    [property: JsonPropertyName("version")] string ToolVersion)
{
    public const string JournalKind = "marketsim-replications";
    public const int CurrentFormat = 1;

    public static JournalHeader For(string scenarioSha256, ulong seed, int replications, string toolVersion) =>
        new(JournalKind, CurrentFormat, scenarioSha256, seed, replications, toolVersion);

    public string ToLine() => JsonSerializer.Serialize(this);

    /// <summary>The header of a journal line, or null if the line is not one.</summary>
    public static JournalHeader? Parse(string line)
    {
        try
        {
            var header = JsonSerializer.Deserialize<JournalHeader>(line);
            return header is { Kind: JournalKind, ScenarioSha256: not null, ToolVersion: not null } ? header : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Why a journal with this header cannot be resumed by <paramref name="run"/>, or null if it can.</summary>
    public string? MismatchWith(JournalHeader run)
    {
        var differences = new List<string>();
        if (Format != run.Format)
        {
            differences.Add($"journal format {Format}, this tool writes {run.Format}");
        }

        if (ScenarioSha256 != run.ScenarioSha256)
        {
            differences.Add($"scenario file SHA-256 {Short(ScenarioSha256)}, now {Short(run.ScenarioSha256)} (the scenario changed)");
        }

        if (Seed != run.Seed)
        {
            differences.Add($"seed {Seed}, now {run.Seed}");
        }

        if (Replications != run.Replications)
        {
            differences.Add($"{Replications} replications, now {run.Replications}");
        }

        if (ToolVersion != run.ToolVersion)
        {
            differences.Add($"tool version {ToolVersion}, now {run.ToolVersion}");
        }

        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}

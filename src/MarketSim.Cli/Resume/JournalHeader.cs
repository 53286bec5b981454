using System.Text.Json;
using System.Text.Json.Serialization;

namespace MarketSim.Cli.Resume;

/// <summary>
/// The first line of a journal: what work its units belong to. A <c>run</c> journals replications, a
/// <c>sweep</c> its points. A replication is a pure function of (scenario, seed, replication) (docs/theory.md §6),
/// and a sweep point of (scenario, design, point), so journaled units may be reused only by the same
/// kind of work with the same scenario file (SHA-256), seed, unit count and design (the sweep's
/// <c>--set</c>/<c>--sample</c>/<c>--simulate</c>), made by the same tool version.
/// </summary>
public sealed record JournalHeader(
    [property: JsonPropertyName("journal")] string Kind,
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("scenarioSha256")] string ScenarioSha256,
    [property: JsonPropertyName("seed")] ulong Seed,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("version")] string ToolVersion,
    [property: JsonPropertyName("design"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Design = null)
{
    public const string ReplicationsKind = "marketsim-replications";
    public const string SweepKind = "marketsim-sweep";
    public const int CurrentFormat = 2;

    /// <summary>The header of a <c>run</c>: <paramref name="replications"/> units.</summary>
    public static JournalHeader For(string scenarioSha256, ulong seed, int replications, string toolVersion) =>
        new(ReplicationsKind, CurrentFormat, scenarioSha256, seed, replications, toolVersion);

    /// <summary>The header of a <c>sweep</c>: <paramref name="points"/> units, bound to its <paramref name="design"/>.</summary>
    public static JournalHeader ForSweep(string scenarioSha256, ulong seed, int points, string design, string toolVersion) =>
        new(SweepKind, CurrentFormat, scenarioSha256, seed, points, toolVersion, design);

    /// <summary>The verb whose journal this is: "run" or "sweep".</summary>
    [JsonIgnore]
    public string Verb => Kind == SweepKind ? "sweep" : "run";

    /// <summary>What one unit is called: "replication" or "point".</summary>
    [JsonIgnore]
    public string Unit => Kind == SweepKind ? "point" : "replication";

    /// <summary>What the units are called: "replications" or "points".</summary>
    [JsonIgnore]
    public string Units => Unit + "s";

    public string ToLine() => JsonSerializer.Serialize(this);

    /// <summary>The header of a journal line, or null if the line is not one.</summary>
    public static JournalHeader? Parse(string line)
    {
        try
        {
            var header = JsonSerializer.Deserialize<JournalHeader>(line);
            return header is { Kind: ReplicationsKind or SweepKind, ScenarioSha256: not null, ToolVersion: not null } ? header : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Why a journal with this header cannot be resumed by <paramref name="work"/>, or null if it can.</summary>
    public string? MismatchWith(JournalHeader work)
    {
        if (Kind != work.Kind)
        {
            return $"it is the journal of a {Verb}, this is a {work.Verb}";
        }

        var differences = new List<string>();
        if (Format != work.Format)
        {
            differences.Add($"journal format {Format}, this tool writes {work.Format}");
        }

        if (ScenarioSha256 != work.ScenarioSha256)
        {
            differences.Add($"scenario file SHA-256 {Short(ScenarioSha256)}, now {Short(work.ScenarioSha256)} (the scenario changed)");
        }

        if (Seed != work.Seed)
        {
            differences.Add($"seed {Seed}, now {work.Seed}");
        }

        if (Design != work.Design)
        {
            differences.Add($"sweep '{Design}', now '{work.Design}'");
        }

        if (Count != work.Count)
        {
            differences.Add($"{Count} {Units}, now {work.Count}");
        }

        if (ToolVersion != work.ToolVersion)
        {
            differences.Add($"tool version {ToolVersion}, now {work.ToolVersion}");
        }

        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}

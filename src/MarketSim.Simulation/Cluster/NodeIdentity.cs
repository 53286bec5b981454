namespace MarketSim.Simulation.Cluster;

/// <summary>
/// What a worker states at registration and the coordinator requires: the tool's version (with its
/// commit, e.g. 0.1.0+064265b…) and the scenario file's SHA-256. Equal versions compute equal bits
/// (docs/theory.md §6); a different build or scenario would silently mix results, so it is refused.
/// </summary>
public sealed record NodeIdentity(string ToolVersion, string ScenarioSha256)
{
    /// <summary>One line naming what differs between the coordinator's identity and a worker's, or null if nothing does.</summary>
    public string? DifferenceFrom(NodeIdentity worker)
    {
        var differences = new List<string>();
        if (!string.Equals(ToolVersion, worker.ToolVersion, StringComparison.Ordinal))
        {
            differences.Add($"the worker is version {worker.ToolVersion}, the coordinator {ToolVersion}");
        }

        if (!string.Equals(ScenarioSha256, worker.ScenarioSha256, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"the worker expects scenario SHA-256 {worker.ScenarioSha256}, the coordinator runs {ScenarioSha256}");
        }

        return differences.Count == 0 ? null : string.Join("; ", differences);
    }
}

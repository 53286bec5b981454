using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Replications;

namespace MarketSim.Cli.Resume;

/// <summary>
/// One journal line per finished unit (a replication, or a sweep point's rows): <c>&lt;check&gt; &lt;json&gt;</c>, where check is the first 8
/// hex digits of the SHA-256 of the JSON. Values are stored as the 16 hex digits of their IEEE 754 bit
/// pattern, so a resumed run's or sweep's CSV files are byte-identical to an uninterrupted run's (NaN included).
/// A torn or damaged line fails the check or the parse and is not a record.
/// </summary>
public static class JournalRecord
{
    private const int CheckLength = 8;

    public static string ToLine(ReplicationResult result)
    {
        var json = JsonSerializer.Serialize(new Stored(
            result.Replication,
            [.. result.Mechanisms.Select(mechanism => new StoredMechanism(
                mechanism.Mechanism,
                [.. mechanism.Metrics.Select(metric => metric.Name)],
                [.. mechanism.Metrics.Select(metric => BitConverter.DoubleToInt64Bits(metric.Value).ToString("X16", CultureInfo.InvariantCulture))]))]));
        return Check(json) + " " + json;
    }

    /// <summary>The replication stored in a line, or null if the line is torn or damaged.</summary>
    public static ReplicationResult? Parse(string line)
    {
        if (line.Length <= CheckLength + 1 || line[CheckLength] != ' ')
        {
            return null;
        }

        var json = line[(CheckLength + 1)..];
        if (!string.Equals(line[..CheckLength], Check(json), StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(json);
            if (stored?.Mechanisms is null)
            {
                return null;
            }

            var mechanisms = new MechanismMetrics[stored.Mechanisms.Length];
            for (var m = 0; m < mechanisms.Length; m++)
            {
                var mechanism = stored.Mechanisms[m];
                if (mechanism?.Name is null || mechanism.Names is null || mechanism.Values is null
                    || mechanism.Names.Length != mechanism.Values.Length)
                {
                    return null;
                }

                var metrics = new MetricValue[mechanism.Names.Length];
                for (var i = 0; i < metrics.Length; i++)
                {
                    var bits = long.Parse(mechanism.Values[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                    metrics[i] = new MetricValue(mechanism.Names[i], BitConverter.Int64BitsToDouble(bits));
                }

                mechanisms[m] = new MechanismMetrics(mechanism.Name, metrics);
            }

            return new ReplicationResult(stored.Replication, mechanisms);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static string Check(string json) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..CheckLength];

    private sealed record Stored(int Replication, StoredMechanism[] Mechanisms);

    private sealed record StoredMechanism(string Name, string[] Names, string[] Values);
}

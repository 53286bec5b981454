using System.Text;
using MarketSim.Core.Replications;

namespace MarketSim.Cli.Resume;

/// <summary>
/// Reads a complete journal's units in unit order, one at a time, straight from disk: a run's
/// replications arrive in completion order, but replications.csv and the summary take them in
/// replication order. One scan records where each unit's line starts (8 bytes per unit); each pass then
/// seeks to the lines in order, so memory holds one unit at a time whatever the count.
/// </summary>
public sealed class JournalInOrder
{
    private readonly string path;
    private readonly long[] offsets;

    private JournalInOrder(string path, long[] offsets)
    {
        this.path = path;
        this.offsets = offsets;
    }

    /// <summary>Indexes the journal at <paramref name="path"/>, which must hold each of units 0 .. count-1 once.</summary>
    public static JournalInOrder Index(string path, int count)
    {
        var offsets = new long[count];
        Array.Fill(offsets, -1);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var first = true;
        long position = 0;
        while (ReadLine(stream) is { } line)
        {
            var start = position;
            position += line.Length + 1;
            if (first)
            {
                first = false; // the header
                continue;
            }

            var result = JournalRecord.Parse(Encoding.UTF8.GetString(line))
                ?? throw new InvalidDataException($"{path}: a damaged record at byte {start}");
            if (result.Replication >= 0 && result.Replication < count && offsets[result.Replication] < 0)
            {
                offsets[result.Replication] = start;
            }
        }

        var missing = Array.IndexOf(offsets, -1L);
        return missing < 0 ? new JournalInOrder(path, offsets) : throw new InvalidDataException($"{path}: unit {missing} is missing");
    }

    /// <summary>The units 0 .. count-1, in order, read one by one.</summary>
    public IEnumerable<ReplicationResult> Units()
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        foreach (var offset in offsets)
        {
            stream.Seek(offset, SeekOrigin.Begin);
            var line = ReadLine(stream) ?? throw new InvalidDataException($"{path}: the record at byte {offset} vanished");
            yield return JournalRecord.Parse(Encoding.UTF8.GetString(line)) ?? throw new InvalidDataException($"{path}: the record at byte {offset} is damaged");
        }
    }

    /// <summary>The bytes up to the next '\n' (excluded), or null at the end; a torn last line without '\n' counts as none.</summary>
    private static byte[]? ReadLine(Stream stream)
    {
        var buffer = new MemoryStream();
        int value;
        while ((value = stream.ReadByte()) >= 0)
        {
            if (value == '\n')
            {
                return buffer.ToArray();
            }

            buffer.WriteByte((byte)value);
        }

        return null;
    }
}

using MarketSim.Cli.Output;
using System.Diagnostics;
using System.Text;
using MarketSim.Core.Replications;

namespace MarketSim.Cli.Resume;

/// <summary>
/// The append-only record of finished units, <c>&lt;output&gt;/.partial/journal</c>: a run's replications or a
/// sweep's points (each stored as a <see cref="ReplicationResult"/>: its index and per-mechanism metrics,
/// see SweepPointResult). A header line (<see cref="JournalHeader"/>), then one line per unit as it
/// completes (<see cref="JournalRecord"/>). Each record is handed to the operating system at once (it survives
/// Ctrl-C, kill and kill -9) and forced to disk at most once a second (power loss may cost the last
/// second). A crash mid-write leaves a torn last line, which reading drops: that unit is rerun.
/// </summary>
public sealed class ReplicationJournal : IDisposable
{
    public const string FolderName = OutputFolder.PartialFolderName;
    public const string FileName = "journal";

    private static readonly TimeSpan DiskSyncInterval = TimeSpan.FromSeconds(1);
    private readonly Lock gate = new();
    private readonly FileStream stream;
    private readonly StreamWriter writer;
    private readonly Stopwatch sinceDiskSync = Stopwatch.StartNew();
    private bool closed;

    private ReplicationJournal(FileStream stream)
    {
        this.stream = stream;
        writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
    }

    /// <summary>Records appended by this instance.</summary>
    public int Appended { get; private set; }

    public static string PathIn(string outputFolder) => Path.Combine(outputFolder, FolderName, FileName);

    /// <summary>Starts a new journal (replacing any old one) with its header on disk.</summary>
    public static ReplicationJournal Create(string path, JournalHeader header)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var journal = new ReplicationJournal(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read));
        journal.writer.WriteLine(header.ToLine());
        journal.writer.Flush();
        journal.stream.Flush(flushToDisk: true);
        return journal;
    }

    /// <summary>Continues a journal after its intact records, cutting off a torn tail first.</summary>
    public static ReplicationJournal Continue(string path, JournalContents contents)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        stream.SetLength(contents.IntactLength);
        stream.Seek(0, SeekOrigin.End);
        return new ReplicationJournal(stream);
    }

    /// <summary>
    /// Reads a journal: null if the file has no valid header line. Records are read up to the first
    /// torn or damaged line, or one out of [0, count) or repeated; everything from there on is discarded.
    /// </summary>
    public static JournalContents? Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var headerEnd = Array.IndexOf(bytes, (byte)'\n');
        if (headerEnd < 0 || JournalHeader.Parse(Encoding.UTF8.GetString(bytes, 0, headerEnd)) is not { } header)
        {
            return null;
        }

        var results = new List<ReplicationResult>();
        var seen = new HashSet<int>();
        long intact = headerEnd + 1;
        while (intact < bytes.Length)
        {
            var lineEnd = Array.IndexOf(bytes, (byte)'\n', (int)intact);
            if (lineEnd < 0)
            {
                break; // the last line was torn before its end
            }

            var result = JournalRecord.Parse(Encoding.UTF8.GetString(bytes, (int)intact, lineEnd - (int)intact));
            if (result is null || result.Replication < 0 || result.Replication >= header.Count || !seen.Add(result.Replication))
            {
                break;
            }

            results.Add(result);
            intact = lineEnd + 1;
        }

        return new JournalContents(header, results, intact, bytes.Length - intact);
    }

    /// <summary>The header of a journal (its first line only), or null if the file has none.</summary>
    public static JournalHeader? ReadHeader(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var buffer = new char[4096];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        var end = Array.IndexOf(buffer, '\n', 0, read);
        return end < 0 ? null : JournalHeader.Parse(new string(buffer, 0, end));
    }

    /// <summary>Removes a finished run's or sweep's journal and its folder.</summary>
    public static void Remove(string outputFolder)
    {
        var path = PathIn(outputFolder);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        var folder = Path.GetDirectoryName(path)!;
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    /// <summary>Appends one finished unit. Thread-safe; ignored once the journal is closed.</summary>
    public void Append(ReplicationResult result)
    {
        var line = JournalRecord.ToLine(result);
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            writer.WriteLine(line);
            writer.Flush();
            if (sinceDiskSync.Elapsed >= DiskSyncInterval)
            {
                stream.Flush(flushToDisk: true);
                sinceDiskSync.Restart();
            }

            Appended++;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            closed = true;
            writer.Flush();
            stream.Flush(flushToDisk: true);
            writer.Dispose();
        }
    }
}

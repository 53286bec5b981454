using MarketSim.Core.Replications;

namespace MarketSim.Cli.Resume;

/// <summary>
/// The journal handling <c>run</c> and <c>sweep</c> share (docs/running.md): open or resume the journal in the
/// output folder (<see cref="JournalOpener"/>), know which units are still missing, append each finished
/// unit, and on Ctrl-C keep what is journaled and print the command that resumes; once every output is
/// written, <see cref="Finish"/> removes the journal. A unit is a run's replication or a sweep's point.
/// </summary>
public sealed class JournaledWork : IDisposable
{
    private readonly ReplicationJournal journal;
    private readonly string folder;
    private InterruptionNotice? interruption;
    private bool completed;

    private JournaledWork(ReplicationJournal journal, string folder, string path, int count, int alreadyDone, int[] missing)
    {
        this.journal = journal;
        this.folder = folder;
        Path = path;
        Count = count;
        AlreadyDone = alreadyDone;
        Missing = missing;
    }

    /// <summary>Where the journal is: <c>&lt;folder&gt;/.partial/journal</c>.</summary>
    public string Path { get; }

    /// <summary>The units of the whole work.</summary>
    public int Count { get; }

    /// <summary>Units an interrupted earlier invocation journaled (0 without <c>--resume</c>).</summary>
    public int AlreadyDone { get; }

    /// <summary>The units still to compute, in increasing order.</summary>
    public int[] Missing { get; }

    /// <summary>Units journaled so far, by the earlier invocation and this one.</summary>
    public int Kept => AlreadyDone + journal.Appended;

    /// <summary>
    /// Opens the journal of the work in <paramref name="folder"/> described by <paramref name="header"/>,
    /// continuing it with <paramref name="resume"/> (exit 2 if it belongs to other work). Returns the units
    /// journaled earlier too; a caller that needs only their indices lets them go.
    /// </summary>
    public static (JournaledWork Work, IReadOnlyList<ReplicationResult> Earlier) Open(
        bool resume, string folder, JournalHeader header, TextWriter error)
    {
        var path = ReplicationJournal.PathIn(folder);
        var (journal, earlier) = JournalOpener.Open(resume, path, header, error);
        var done = new bool[header.Count];
        foreach (var unit in earlier)
        {
            done[unit.Replication] = true;
        }

        var missing = Enumerable.Range(0, header.Count).Where(unit => !done[unit]).ToArray();
        return (new JournaledWork(journal, folder, path, header.Count, earlier.Count, missing), earlier);
    }

    /// <summary>Journals one finished unit (thread-safe; ignored once the journal is closed).</summary>
    public void Append(ReplicationResult unit) => journal.Append(unit);

    /// <summary>
    /// Runs <paramref name="work"/>; true when it completed. When <paramref name="cancellationToken"/> stops it,
    /// closes the journal, says how many <paramref name="units"/> are kept and how to resume, and returns false
    /// (the verb then exits 130). Any other failure propagates with the journal closed by <see cref="Dispose"/>.
    /// </summary>
    public async Task<bool> RunAsync(Func<Task> work, string units, string resumeCommandLine, TextWriter error, CancellationToken cancellationToken)
    {
        // Registered until the journal is removed: should the signal watchdog end the process before the
        // verb stops itself (a replication of a huge market is not interruptible), it says this instead.
        interruption ??= InterruptionNotice.Register(() => InterruptionNotice.ForJournal(Kept, Count, units, Path, resumeCommandLine));
        try
        {
            await work();
            completed = true;
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            journal.Dispose();
            await interruption.SayAsync(error);
            return false;
        }
    }

    /// <summary>Removes the journal: only once every output of the work is complete.</summary>
    public void Finish()
    {
        ReplicationJournal.Remove(folder);
        interruption?.Dispose(); // nothing is left to resume
    }

    /// <summary>Closes the journal. After completed work the notice stays until <see cref="Finish"/>: the outputs are still being written, and the journal is what a resume needs.</summary>
    public void Dispose()
    {
        journal.Dispose();
        if (!completed)
        {
            interruption?.Dispose();
        }
    }
}

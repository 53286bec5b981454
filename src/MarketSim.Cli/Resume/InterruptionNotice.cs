namespace MarketSim.Cli.Resume;

/// <summary>
/// What a journaled verb (run, sweep) must tell the user when a signal stops it: how much work the
/// journal keeps and the command that resumes. Said exactly once, by whoever gets there first: the verb,
/// when it stops itself in time, or the signal watchdog (Commands/ProcessSignals), when it ends the process
/// before the verb could (a replication of a huge market is not interruptible half-way; the journal,
/// flushed record by record, already holds every finished one, so nothing is lost either way).
/// </summary>
public sealed class InterruptionNotice : IDisposable
{
    private static readonly Lock Gate = new();
    private static readonly List<InterruptionNotice> Registered = [];

    private readonly Func<string> text;
    private int said;

    private InterruptionNotice(Func<string> text) => this.text = text;

    /// <summary>Registers the notice for the verb's lifetime; <paramref name="text"/> is evaluated when it is said.</summary>
    public static InterruptionNotice Register(Func<string> text)
    {
        var notice = new InterruptionNotice(text);
        lock (Gate)
        {
            Registered.Add(notice);
        }

        return notice;
    }

    /// <summary>The notice of a journaled verb: the units kept, where, and the command that resumes.</summary>
    public static string ForJournal(int kept, int total, string units, string journalPath, string resumeCommand) =>
        $"interrupted: {kept} of {total} {units} are kept in {journalPath}; nothing else was written.\nresume with:\n  {resumeCommand}";

    /// <summary>Writes the notice unless it was already said (by the verb or by the watchdog).</summary>
    public async Task SayAsync(TextWriter error)
    {
        if (Interlocked.Exchange(ref said, 1) == 0)
        {
            await error.WriteLineAsync(text());
        }
    }

    /// <summary>For the watchdog about to end the process: every registered notice not yet said.</summary>
    public static void SayAllUnsaid(TextWriter error)
    {
        InterruptionNotice[] pending;
        lock (Gate)
        {
            pending = [.. Registered];
        }

        foreach (var notice in pending.Where(notice => Interlocked.Exchange(ref notice.said, 1) == 0))
        {
            error.WriteLine(notice.text());
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            Registered.Remove(this);
        }
    }
}

using MarketSim.Cli.Output;
using MarketSim.Cli.Scenarios;
using MarketSim.Core.Replications;

namespace MarketSim.Cli.Resume;

/// <summary>How <c>run</c> and <c>sweep</c> open their journal, with or without <c>--resume</c> (docs/running.md).</summary>
public static class JournalOpener
{
    /// <summary>
    /// With <paramref name="resume"/>: continues the journal (refusing one of other work: exit 2) and
    /// returns its units. Without: starts a new journal, replacing (and saying so) an old one.
    /// </summary>
    public static (ReplicationJournal Journal, IReadOnlyList<ReplicationResult> Earlier) Open(
        bool resume, string path, JournalHeader header, TextWriter error)
    {
        if (!File.Exists(path))
        {
            if (resume)
            {
                error.WriteLine($"nothing to resume: no journal at {path}; starting the {header.Verb} from the beginning.");
            }

            return (ReplicationJournal.Create(path, header), []);
        }

        var contents = ReplicationJournal.Read(path);
        if (!resume)
        {
            var count = contents?.Results.Count ?? 0;
            var what = contents?.Header.Verb ?? header.Verb;
            var unit = contents?.Header.Unit ?? header.Unit;
            error.WriteLine(
                $"an interrupted {what}'s journal is at {path} ({Counted.Of(count, unit)} done); starting over. Add --resume to continue it instead.");
            return (ReplicationJournal.Create(path, header), []);
        }

        if (contents is null)
        {
            throw new InvalidInputException(path, "(journal header)", "not a MarketSim journal; delete it or run without --resume");
        }

        if (contents.Header.MismatchWith(header) is { } mismatch)
        {
            throw new InvalidInputException(
                path, "(journal header)", $"the journal belongs to a different {header.Verb} ({mismatch}); run without --resume to start over");
        }

        if (contents.DiscardedBytes > 0)
        {
            error.WriteLine($"dropped {contents.DiscardedBytes} bytes of a torn record at the end of {path}; that {header.Unit} runs again.");
        }

        error.WriteLine($"resuming: {contents.Results.Count} of {header.Count} {header.Units} already done.");
        return (ReplicationJournal.Continue(path, contents), contents.Results);
    }
}

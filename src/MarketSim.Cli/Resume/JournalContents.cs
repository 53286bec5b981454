using MarketSim.Core.Replications;

namespace MarketSim.Cli.Resume;

/// <summary>
/// What a journal holds: its header, the intact records (distinct units: replications or sweep points, in file order), the
/// length in bytes of the intact prefix and how many bytes after it were torn or damaged.
/// </summary>
public sealed record JournalContents(JournalHeader Header, IReadOnlyList<ReplicationResult> Results, long IntactLength, long DiscardedBytes);

using MarketSim.Core.Replications;

namespace MarketSim.Simulation.Messages;

/// <summary>
/// Clearinghouse -> metrics actor: the lane's workspace, drawn and cleared, hands over to be measured.
/// </summary>
/// <remarks>
/// The workspace is mutable and local to one lane; this message passes the baton rather than a
/// copy. From here until the metrics actor replies, only the metrics actor touches it; the mailbox
/// enqueue/dequeue gives the happens-before. It never crosses a process boundary.
/// </remarks>
public sealed record MeasureReplication(int Replication, ReplicationWorkspace Workspace);

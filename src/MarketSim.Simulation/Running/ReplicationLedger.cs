using MarketSim.Core.Replications;

namespace MarketSim.Simulation.Running;

/// <summary>
/// What to do when a replication fails or its worker disappears. A replication is a pure function of
/// (seed, replication) (docs/theory.md §6), so an exception is expected to recur anywhere; a worker
/// process can still fail for its own reasons (memory, a missing data file, a kill), which is why a
/// cluster gives a replication another worker before giving up.
/// </summary>
/// <param name="FailingWorkersToGiveUp">Distinct workers a replication must fail on before the run fails.</param>
/// <param name="MaxReruns">Times a replication may be handed out again after a failure or a lost worker.</param>
public sealed record FailurePolicy(int FailingWorkersToGiveUp, int MaxReruns)
{
    /// <summary>One process: the first failure ends the run (the same code would fail again).</summary>
    public static FailurePolicy InProcess { get; } = new(1, 0);

    /// <summary>A cluster: re-run elsewhere at most twice; fail when two different workers failed it.</summary>
    public static FailurePolicy Cluster { get; } = new(2, 2);
}

/// <summary>The ledger's answer to a failure or a lost slot.</summary>
public enum LedgerVerdict
{
    /// <summary>The slot held nothing, or not this replication: the report is dropped.</summary>
    NotAssigned,

    /// <summary>The replication is back at the front of the queue, for another worker.</summary>
    Requeued,

    /// <summary>The failure policy is exhausted: the run fails with this replication.</summary>
    RunFails,
}

/// <summary>
/// The plain bookkeeping of a run's replications, shared by the in-process and the cluster
/// coordinators (as CohortRound serves both clearinghouses): the queue, which slot holds which
/// replication, results by replication index, completion, and the failure policy. A result or a
/// failure counts only from the slot the replication was assigned to, and only once; everything else
/// is <see cref="LedgerVerdict.NotAssigned"/> for the caller to drop (and log). No actors, no I/O.
/// </summary>
/// <typeparam name="TSlot">Who runs one replication at a time (an actor reference).</typeparam>
public sealed class ReplicationLedger<TSlot> where TSlot : notnull
{
    private readonly FailurePolicy policy;
    private readonly Dictionary<int, int> positionOf = [];
    private readonly ReplicationResult?[] results;
    private readonly LinkedList<int> queue = new();
    private readonly Dictionary<TSlot, int> inFlight = [];
    private readonly Dictionary<int, HashSet<string>> failedOn = [];
    private readonly Dictionary<int, int> reruns = [];
    private readonly int count;
    private int completed;

    /// <param name="toRun">The replications to run, in the order they are handed out (and results returned).</param>
    /// <param name="keepResults">False when the caller streams every result to disk as it arrives (issue 13: memory
    /// flat in the replication count); <see cref="Results"/> is then empty and only completion is counted.</param>
    public ReplicationLedger(IReadOnlyList<int> toRun, FailurePolicy policy, bool keepResults = true)
    {
        ArgumentNullException.ThrowIfNull(toRun);
        this.policy = policy ?? throw new ArgumentNullException(nameof(policy));
        count = toRun.Count;
        results = keepResults ? new ReplicationResult?[count] : [];
        for (var position = 0; position < toRun.Count; position++)
        {
            positionOf.Add(toRun[position], position);
            queue.AddLast(toRun[position]);
        }
    }

    public int Count => count;

    public bool IsComplete => completed == count;

    /// <summary>Replications handed out again after a failure or a lost slot.</summary>
    public int Requeued { get; private set; }

    /// <summary>The results in the order of the replications to run (complete once <see cref="IsComplete"/>; empty unless kept).</summary>
    public IReadOnlyList<ReplicationResult> Results => results.Select(result => result!).ToArray();

    /// <summary>True when <paramref name="replication"/> was handed out before (a failure or a lost worker).</summary>
    public bool IsRerun(int replication) => reruns.GetValueOrDefault(replication) > 0;

    /// <summary>The replication <paramref name="slot"/> holds, if any.</summary>
    public bool TryHeldBy(TSlot slot, out int replication) => inFlight.TryGetValue(slot, out replication);

    /// <summary>
    /// Hands <paramref name="slot"/> (on <paramref name="worker"/>) the first queued replication that
    /// has not failed on that worker; false if there is none (the slot waits) or it already holds one.
    /// </summary>
    public bool TryAssign(TSlot slot, string worker, out int replication)
    {
        replication = -1;
        if (inFlight.ContainsKey(slot))
        {
            return false;
        }

        for (var node = queue.First; node is not null; node = node.Next)
        {
            if (failedOn.TryGetValue(node.Value, out var failed) && failed.Contains(worker))
            {
                continue;
            }

            replication = node.Value;
            queue.Remove(node);
            inFlight[slot] = replication;
            return true;
        }

        return false;
    }

    /// <summary>Records <paramref name="result"/> if <paramref name="slot"/> holds that replication; false (drop it) otherwise.</summary>
    public bool TryComplete(TSlot slot, ReplicationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!inFlight.TryGetValue(slot, out var held) || held != result.Replication)
        {
            return false;
        }

        inFlight.Remove(slot);
        if (results.Length > 0)
        {
            results[positionOf[held]] = result;
        }

        completed++;
        return true;
    }

    /// <summary><paramref name="slot"/> on <paramref name="worker"/> reports that <paramref name="replication"/> threw.</summary>
    public LedgerVerdict Fail(TSlot slot, int replication, string worker)
    {
        if (!inFlight.TryGetValue(slot, out var held) || held != replication)
        {
            return LedgerVerdict.NotAssigned;
        }

        inFlight.Remove(slot);
        if (!failedOn.TryGetValue(replication, out var failed))
        {
            failedOn[replication] = failed = [];
        }

        failed.Add(worker);
        return failed.Count >= policy.FailingWorkersToGiveUp ? LedgerVerdict.RunFails : Requeue(replication);
    }

    /// <summary><paramref name="slot"/> is gone (its worker left or died): what it held goes back to the queue.</summary>
    public LedgerVerdict Lose(TSlot slot, out int replication)
    {
        if (!inFlight.Remove(slot, out replication))
        {
            return LedgerVerdict.NotAssigned;
        }

        return Requeue(replication);
    }

    /// <summary>The workers <paramref name="replication"/> failed on, in no particular order.</summary>
    public IReadOnlyCollection<string> FailedOn(int replication) =>
        failedOn.TryGetValue(replication, out var failed) ? failed : [];

    private LedgerVerdict Requeue(int replication)
    {
        var count = reruns.GetValueOrDefault(replication) + 1;
        if (count > policy.MaxReruns)
        {
            return LedgerVerdict.RunFails;
        }

        reruns[replication] = count;
        queue.AddFirst(replication); // first in line: the run cannot finish without it
        Requeued++;
        return LedgerVerdict.Requeued;
    }
}

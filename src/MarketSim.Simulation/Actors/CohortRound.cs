using Akka.Actor;

namespace MarketSim.Simulation.Actors;

/// <summary>
/// One clearinghouse's bookkeeping of a replication in progress: which replication, who asked, and
/// which cohorts have reported. A report is accepted once per cohort, only from a cohort of the lane
/// and only for the running replication, so a misrouted or repeated report fails loudly instead of
/// corrupting the population. Shared by the trader and the population clearinghouses.
/// </summary>
internal sealed class CohortRound
{
    private readonly IReadOnlyList<IActorRef> cohorts;
    private readonly Dictionary<IActorRef, int> cohortIndex;
    private readonly bool[] reported;
    private int reportCount;

    public CohortRound(IReadOnlyList<IActorRef> cohorts)
    {
        this.cohorts = cohorts;
        cohortIndex = cohorts.Select((cohort, index) => (cohort, index)).ToDictionary(pair => pair.cohort, pair => pair.index);
        reported = new bool[cohorts.Count];
    }

    /// <summary>The replication being cleared, or null between replications.</summary>
    public int? Replication { get; private set; }

    /// <summary>Who asked for the running replication (the result goes back to it).</summary>
    public IActorRef Requester { get; private set; } = ActorRefs.Nobody;

    /// <summary>True once every cohort has reported for the running replication.</summary>
    public bool Complete => Replication is not null && reportCount == cohorts.Count;

    /// <summary>Starts a replication and asks every cohort to draw with <paramref name="draw"/>.</summary>
    public void Begin(int replication, IActorRef requester, object draw)
    {
        if (Replication is { } running)
        {
            throw new InvalidOperationException($"replication {replication} requested while {running} is clearing");
        }

        Replication = replication;
        Requester = requester;
        Array.Clear(reported);
        reportCount = 0;
        foreach (var cohort in cohorts)
        {
            cohort.Tell(draw);
        }
    }

    /// <summary>Records a report of <paramref name="sender"/> for <paramref name="replication"/>; throws if it does not belong.</summary>
    public void Accept(IActorRef sender, int replication)
    {
        if (replication != Replication)
        {
            throw new InvalidOperationException($"report for replication {replication} while clearing {Replication}");
        }

        if (!cohortIndex.TryGetValue(sender, out var index))
        {
            throw new InvalidOperationException($"report from {sender.Path}, which is not a cohort of this lane");
        }

        if (reported[index])
        {
            throw new InvalidOperationException($"cohort {sender.Path} reported twice in replication {replication}");
        }

        reported[index] = true;
        reportCount++;
    }

    /// <summary>Ends the running replication.</summary>
    public void Finish() => Replication = null;
}

using Akka.Actor;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Messages;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Actors;

/// <summary>
/// One lane: a full set of trader cohorts, a clearinghouse, a metrics actor and the one
/// <see cref="ReplicationWorkspace"/> they share, running one replication at a time.
/// </summary>
/// <remarks>
/// Workspace hand-off (the only mutable state shared between actors, and only within a lane):
/// the lane creates it; the clearinghouse writes it from <see cref="RunReplication"/> until it sends
/// <see cref="MeasureReplication"/>; the metrics actor reads it until it replies the result; the lane
/// sends the next <see cref="RunReplication"/> only after that reply. At every moment exactly one actor
/// may touch it. Lanes share nothing, so W lanes give W replications in parallel.
/// <para>
/// Supervision: a replication that throws (a mechanism, the sampler, the metrics) is deterministic,
/// so restarting would throw again and the workspace may be half-written. The lane therefore stops
/// the failed child and reports <see cref="ReplicationFailed"/> with the replication it was running;
/// the decider runs inside the lane while it handles the child's failure, so reading the current
/// replication there is safe. A child that fails while the lane is idle (e.g. in its constructor)
/// fails the next replication the lane is given.
/// </para>
/// </remarks>
internal sealed class LaneActor : ReceiveActor
{
    private readonly MarketModel model;
    private readonly IReadOnlyList<CohortBlock> blocks;
    private readonly IReadOnlyList<IReadOnlyList<UnitBlock>> populationBlocks;
    private readonly ReplicationSteps steps;

    private IActorRef clearinghouse = ActorRefs.Nobody;
    private int? replication;
    private IActorRef requester = ActorRefs.Nobody;
    private Exception? idleFailure;

    public LaneActor(
        MarketModel model, IReadOnlyList<CohortBlock> blocks, IReadOnlyList<IReadOnlyList<UnitBlock>> populationBlocks, ReplicationSteps steps)
    {
        this.model = model;
        this.blocks = blocks;
        this.populationBlocks = populationBlocks;
        this.steps = steps;
        Receive<RunReplication>(Run);
        Receive<ReplicationResult>(Complete);
    }

    /// <summary>A lane whose populations (pairs, groups) use the automatic cohort size for one worker.</summary>
    public static Props PropsFor(MarketModel model, IReadOnlyList<CohortBlock> blocks, ReplicationSteps steps) =>
        PropsFor(model, blocks, PopulationPlan.For(model, cohortSize: null, workers: 1), steps);

    public static Props PropsFor(
        MarketModel model, IReadOnlyList<CohortBlock> blocks, IReadOnlyList<IReadOnlyList<UnitBlock>> populationBlocks, ReplicationSteps steps) =>
        Props.Create(() => new LaneActor(model, blocks, populationBlocks, steps));

    protected override void PreStart()
    {
        var workspace = new ReplicationWorkspace(model);
        var cohorts = blocks
            .Select(block => Context.ActorOf(TraderCohortActor.PropsFor(model, block), TraderCohortActor.NameFor(block)))
            .ToArray();
        var metrics = Context.ActorOf(MetricsActor.PropsFor(model, steps), "metrics");
        var twoSided = Context.ActorOf(
            ClearinghouseActor.PropsFor(model, workspace, cohorts, metrics, steps), "clearinghouse");
        clearinghouse = PopulationWiring.EntryFor(Context, model, populationBlocks, twoSided);
    }

    protected override SupervisorStrategy SupervisorStrategy() =>
        new StopAndReportStrategy((_, cause) => ReportFailure(cause));

    private void ReportFailure(Exception cause)
    {
        if (replication is { } failed)
        {
            replication = null;
            requester.Tell(new ReplicationFailed(failed, cause));
        }
        else
        {
            idleFailure ??= cause;
        }
    }

    private void Run(RunReplication message)
    {
        if (replication is { } running)
        {
            throw new InvalidOperationException($"lane asked for replication {message.Replication} while running {running}");
        }

        if (idleFailure is { } cause)
        {
            Sender.Tell(new ReplicationFailed(message.Replication, cause));
            return;
        }

        replication = message.Replication;
        requester = Sender;
        clearinghouse.Tell(message);
    }

    private void Complete(ReplicationResult result)
    {
        if (result.Replication != replication)
        {
            throw new InvalidOperationException($"result for replication {result.Replication} while running {replication}");
        }

        replication = null;
        requester.Tell(result);
    }
}

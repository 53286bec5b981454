using MarketSim.Simulation.Messages;
using Akka.Actor;
using MarketSim.Core.Replications;

namespace MarketSim.Simulation.Cluster;

/// <summary>
/// One core's worth of a worker: owns a <see cref="ReplicationWorkspace"/> and runs the replications
/// it pulls from the coordinator with the pure <see cref="ReplicationRunner"/>, one at a time. Its
/// report doubles as the request for the next replication, so a slot never idles on a round trip
/// more than once per replication.
/// </summary>
internal sealed class ClusterSlotActor : ReceiveActor
{
    private readonly MarketModel model;
    private readonly string runId;
    private readonly IActorRef coordinator;
    private readonly WorkerHooks hooks;
    private readonly ReplicationWorkspace workspace;

    public ClusterSlotActor(MarketModel model, string runId, IActorRef coordinator, WorkerHooks hooks)
    {
        this.model = model;
        this.runId = runId;
        this.coordinator = coordinator;
        this.hooks = hooks;
        workspace = new ReplicationWorkspace(model);
        Receive<Work>(Run);
    }

    public static Props PropsFor(MarketModel model, string runId, IActorRef coordinator, WorkerHooks hooks) =>
        Props.Create(() => new ClusterSlotActor(model, runId, coordinator, hooks));

    protected override void PreStart() => coordinator.Tell(new RequestWork(runId));

    private void Run(Work work)
    {
        if (work.RunId != runId)
        {
            return;
        }

        ReplicationResult result;
        try
        {
            result = hooks.Run(model, work.Replication, workspace);
        }
        catch (Exception exception)
        {
            // The coordinator re-runs it on another worker; two workers failing it fails the run.
            coordinator.Tell(new WorkFailed(runId, work.Replication, $"{exception.GetType().Name}: {exception.Message}"));
            return;
        }

        var report = ReplicationDone.From(runId, result);
        for (var copy = 0; copy < hooks.Copies(result); copy++)
        {
            coordinator.Tell(report);
        }
    }
}

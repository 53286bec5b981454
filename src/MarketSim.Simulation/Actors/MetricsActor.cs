using Akka.Actor;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Messages;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Actors;

/// <summary>
/// Folds a cleared workspace into the replication's metrics (ReplicationRunner.Measure, docs/theory.md §5) and
/// replies the <see cref="ReplicationResult"/> to whoever asked for the replication.
/// </summary>
internal sealed class MetricsActor : ReceiveActor
{
    public MetricsActor(MarketModel model, ReplicationSteps steps)
    {
        Receive<MeasureReplication>(message =>
            Sender.Tell(steps.Measure(model, message.Replication, message.Workspace)));
    }

    public static Props PropsFor(MarketModel model, ReplicationSteps steps) =>
        Props.Create(() => new MetricsActor(model, steps));
}

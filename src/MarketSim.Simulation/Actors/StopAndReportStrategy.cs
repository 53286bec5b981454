using Akka.Actor;

namespace MarketSim.Simulation.Actors;

/// <summary>
/// One-for-one supervision that stops a failed child (a replication is a pure function of its
/// keys, so a restart would only fail again) and reports which child failed and why to the
/// supervisor. Runs inside the supervisor while it handles the failure, so the callback may read
/// and write the supervisor's state. Akka's own error log is off: the failure is reported, not lost.
/// </summary>
internal sealed class StopAndReportStrategy(Action<IActorRef, Exception> report)
    : OneForOneStrategy(_ => Directive.Stop, loggingEnabled: false)
{
    protected override Directive Handle(IActorRef child, Exception exception)
    {
        report(child, exception);
        return Directive.Stop;
    }
}

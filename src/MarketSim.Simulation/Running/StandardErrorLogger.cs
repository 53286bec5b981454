using Akka.Actor;
using Akka.Event;

namespace MarketSim.Simulation.Running;

/// <summary>
/// Akka's log goes to standard error, never standard output: standard output carries the tool's
/// results (tables, <c>solve --json</c>), which a pipe must receive unmixed.
/// </summary>
public sealed class StandardErrorLogger : ReceiveActor
{
    public StandardErrorLogger()
    {
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        Receive<LogEvent>(logEvent => Console.Error.WriteLine(logEvent.ToString()));
    }
}

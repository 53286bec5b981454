using Akka.Actor;
using Akka.Dispatch;
using Akka.Event;

namespace MarketSim.Simulation.Cluster;

/// <summary>
/// Akka's logger for cluster nodes: one line per event on standard error, never a stack trace and
/// never on standard output (which carries the results table). A stranger's garbage connection or a
/// failed TLS handshake is worth one line, not a screenful in the middle of the output.
/// </summary>
public sealed class StandardErrorLogger : ReceiveActor, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    public StandardErrorLogger()
    {
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        Receive<LogEvent>(Write);
    }

    /// <summary>"[WARNING] first line of the message: first line of the cause's message".</summary>
    public static string LineOf(LogEvent logEvent)
    {
        var message = FirstLine(logEvent.Message?.ToString());
        if (logEvent.Cause is { } cause)
        {
            message = $"{message}: {cause.GetType().Name}: {FirstLine(cause.GetBaseException().Message)}";
        }

        return $"[{logEvent.LogLevel().ToString().Replace("Level", "", StringComparison.Ordinal).ToUpperInvariant()}] {message}";
    }

    private static void Write(LogEvent logEvent) => Console.Error.WriteLine(LineOf(logEvent));

    private static string FirstLine(string? text)
    {
        text ??= "";
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}

using MarketSim.Cli.Options;
using System.CommandLine;
using MarketSim.Cli.Output;
using MarketSim.Cli.Scenarios;
using MarketSim.Simulation.Cluster;
using Spectre.Console;

namespace MarketSim.Cli.Commands;

/// <summary>
/// <c>worker --join akka.ssl.tcp://marketsim@host:port --cluster-cert DIR --scenario-sha256 HASH</c>:
/// joins a coordinator's cluster over mutual TLS, states its version and the scenario it expects,
/// runs the replications it pulls, and exits when the run is finished or the coordinator is gone
/// (docs/cluster.md). Refused, or no coordinator within <c>--join-timeout</c>: exit 2.
/// </summary>
public static class WorkerCommand
{
    public const int DefaultJoinTimeoutSeconds = 60;

    internal static Command Build(IAnsiConsole console, TextWriter error, Func<TextWriter, Func<Task<int>>, Task<int>> guard)
    {
        var join = new Option<string>("--join") { Description = "The coordinator's address, akka.ssl.tcp://marketsim@host:port.", Required = true };
        var certificate = new Option<string>("--cluster-cert") { Description = "The run's credentials folder (the coordinator prints it).", Required = true };
        var scenarioSha256 = new Option<string>("--scenario-sha256") { Description = "SHA-256 of the scenario file this worker agrees to run (the coordinator prints it).", Required = true };
        var hostname = new Option<string>("--hostname") { Description = "Address to bind and advertise (reachable by the coordinator).", DefaultValueFactory = _ => ClusterOptions.DefaultHostname };
        var port = new Option<int>("--port") { Description = "TCP port (default 0: any free port).", DefaultValueFactory = _ => 0 };
        var workers = CliOptions.Workers("Replications run in parallel on this machine (default: number of cores).", minimum: 1);
        var joinTimeout = new Option<int>("--join-timeout") { Description = $"Seconds to wait for the coordinator before giving up (default {DefaultJoinTimeoutSeconds}).", DefaultValueFactory = _ => DefaultJoinTimeoutSeconds };
        var command = new Command("worker", "Join a 'run --cluster' coordinator and run replications for it.")
        {
            join, certificate, scenarioSha256, hostname, port, workers, joinTimeout,
        };
        command.SetAction((parsed, cancellationToken) => guard(error, () => ExecuteAsync(
            new WorkerOptions(
                parsed.GetRequiredValue(join), parsed.GetRequiredValue(certificate), parsed.GetRequiredValue(scenarioSha256),
                parsed.GetRequiredValue(hostname), parsed.GetValue(port), parsed.GetValue(workers) ?? Environment.ProcessorCount,
                parsed.GetValue(joinTimeout)),
            console, error, cancellationToken)));
        return command;
    }

    public static async Task<int> ExecuteAsync(WorkerOptions options, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken)
    {
        Akka.Actor.Address seed;
        try
        {
            seed = ClusterRunner.ParseAddress(options.Join);
        }
        catch (Exception exception) when (exception is FormatException or UriFormatException or ArgumentException)
        {
            throw new InvalidInputException("(command line)", "--join", exception.Message);
        }

        if (options.Workers < 1)
        {
            throw new InvalidInputException("(command line)", "--workers", $"must be at least 1 (found {options.Workers})");
        }

        if (options.JoinTimeoutSeconds < 1)
        {
            throw new InvalidInputException("(command line)", "--join-timeout", $"must be at least 1 second (found {options.JoinTimeoutSeconds})");
        }

        var credentials = ClusterCoordination.LoadCredentials(options.CertificateFolder, "--cluster-cert");
        var nodes = 0;
        // A taken port is bad input on the first node; a fresh node after Akka shut one down (ClusterRunner.WorkAsync)
        // may find the port not yet released and retries.
        Akka.Actor.ActorSystem StartNode()
        {
            var system = nodes++ == 0
                ? ClusterCoordination.StartNode(options.Hostname, options.Port, credentials)
                : ClusterRunner.CreateSystem(options.Hostname, options.Port, credentials);
            console.MarkupLineInterpolated($"Worker {ClusterRunner.AddressOf(system)} joining {seed} with {options.Workers} slots.");
            return system;
        }

        try
        {
            var identity = new NodeIdentity(Manifest.ToolVersion, options.ScenarioSha256);
            await ClusterRunner.WorkAsync(StartNode, seed, ClusterCoordination.BuildModel, options.Workers, identity,
                TimeSpan.FromSeconds(options.JoinTimeoutSeconds), line => error.WriteLine(line), cancellationToken);
            console.MarkupLine("Run finished; worker leaving.");
            return ExitCodes.Success;
        }
        catch (Exception exception) when (exception is WorkerRefusedException or CoordinatorUnreachableException)
        {
            var what = exception is WorkerRefusedException ? "refused by the coordinator: " : "";
            await error.WriteLineAsync($"error: {what}{exception.Message}");
            return ExitCodes.InvalidInput;
        }
    }
}

/// <summary>The options of <c>worker</c> (docs/cluster.md).</summary>
public sealed record WorkerOptions(
    string Join, string CertificateFolder, string ScenarioSha256, string Hostname, int Port, int Workers, int JoinTimeoutSeconds);

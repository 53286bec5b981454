using System.CommandLine;
using MarketSim.Cli.Scenarios;
using MarketSim.Simulation.Cluster;
using Spectre.Console;

namespace MarketSim.Cli.Commands;

/// <summary>
/// <c>worker --join akka.tcp://marketsim@host:port</c>: joins a coordinator's cluster, runs the
/// replications it pulls, and exits when the run is finished or the coordinator is gone (docs/cluster.md).
/// </summary>
public static class WorkerCommand
{
    internal static Command Build(IAnsiConsole console, TextWriter error, Func<TextWriter, Func<Task<int>>, Task<int>> guard)
    {
        var join = new Option<string>("--join") { Description = "The coordinator's address, akka.tcp://marketsim@host:port.", Required = true };
        var hostname = new Option<string>("--hostname") { Description = "Address to bind and advertise (reachable by the coordinator).", DefaultValueFactory = _ => ClusterOptions.DefaultHostname };
        var port = new Option<int>("--port") { Description = "TCP port (default 0: any free port).", DefaultValueFactory = _ => 0 };
        var workers = new Option<int?>("--workers") { Description = "Replications run in parallel on this machine (default: number of cores)." };
        var command = new Command("worker", "Join a 'run --cluster' coordinator and run replications for it.")
        {
            join, hostname, port, workers,
        };
        command.SetAction((parsed, cancellationToken) => guard(error, () => ExecuteAsync(
            parsed.GetRequiredValue(join), parsed.GetRequiredValue(hostname), parsed.GetValue(port),
            parsed.GetValue(workers) ?? Environment.ProcessorCount, console, cancellationToken)));
        return command;
    }

    public static async Task<int> ExecuteAsync(
        string join, string hostname, int port, int workers, IAnsiConsole console, CancellationToken cancellationToken)
    {
        Akka.Actor.Address seed;
        try
        {
            seed = ClusterRunner.ParseAddress(join);
        }
        catch (Exception exception) when (exception is FormatException or UriFormatException or ArgumentException)
        {
            throw new InvalidInputException("(command line)", "--join", exception.Message);
        }

        if (workers < 1)
        {
            throw new InvalidInputException("(command line)", "--workers", $"must be at least 1 (found {workers})");
        }

        var system = ClusterRunner.CreateSystem(hostname, port);
        try
        {
            console.MarkupLineInterpolated($"Worker {ClusterRunner.AddressOf(system)} joining {seed} with {workers} slots.");
            await ClusterRunner.WorkAsync(system, seed, ClusterCoordination.BuildModel, workers, cancellationToken);
            console.MarkupLine("Run finished; worker leaving.");
            return ExitCodes.Success;
        }
        finally
        {
            await system.Terminate();
        }
    }
}

using System.CommandLine;
using MarketSim.Cli.Scenarios;
using MarketSim.Simulation.Running;
using Spectre.Console;

namespace MarketSim.Cli.Commands;

/// <summary>The <c>marketsim</c> command line (ARCHITECTURE.md, "Interfaces"): verbs, options, exit codes.</summary>
public static class MarketSimCli
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole? console = null, TextWriter? error = null)
    {
        console ??= AnsiConsole.Console;
        error ??= Console.Error;
        var root = new RootCommand("MarketSim: agent-based simulation of markets designed for redistribution.");
        root.Subcommands.Add(BuildRun(console, error));
        root.Subcommands.Add(BuildSolve(console, error));
        root.Subcommands.Add(WorkerCommand.Build(console, error, Guard));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            return ExitCodes.InvalidInput;
        }

        return await parsed.InvokeAsync();
    }

    private static Command BuildRun(IAnsiConsole console, TextWriter error)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario YAML file." };
        var replications = new Option<int?>("--replications") { Description = "Number of replications (overrides the scenario)." };
        var seed = new Option<ulong?>("--seed") { Description = "Master seed (overrides the scenario)." };
        var output = new Option<string?>("--out") { Description = "Output folder (default output/<scenario name>/)." };
        var workers = new Option<int?>("--workers") { Description = "Replications run in parallel (default: number of cores; with --cluster: 0, the coordinator only coordinates)." };
        var cohortSize = new Option<int?>("--cohort-size") { Description = "Agents per trader actor (default: automatic). Never changes results." };
        var cluster = new Option<bool>("--cluster") { Description = "Be the seed node and coordinator of a cluster: workers join with 'worker --join' (docs/cluster.md)." };
        var hostname = new Option<string>("--hostname") { Description = "With --cluster: address to bind and advertise.", DefaultValueFactory = _ => ClusterOptions.DefaultHostname };
        var port = new Option<int>("--port") { Description = "With --cluster: TCP port (0 = any free port).", DefaultValueFactory = _ => ClusterOptions.DefaultPort };
        var command = new Command("run", "Monte Carlo simulation: writes replications.csv, summary.csv and manifest.json.")
        {
            scenario, replications, seed, output, workers, cohortSize, cluster, hostname, port,
        };
        command.SetAction((parsed, cancellationToken) => Guard(error, () => RunCommand.ExecuteAsync(
            new RunOptions(
                parsed.GetRequiredValue(scenario),
                parsed.GetValue(replications),
                parsed.GetValue(seed),
                parsed.GetValue(output),
                parsed.GetValue(workers),
                parsed.GetValue(cohortSize),
                parsed.GetValue(cluster) ? new ClusterOptions(parsed.GetRequiredValue(hostname), parsed.GetValue(port)) : null),
            console,
            cancellationToken)));
        return command;
    }

    private static Command BuildSolve(IAnsiConsole console, TextWriter error)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario YAML file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output and nothing else." };
        var command = new Command("solve", "The continuum theory of every mechanism of the scenario (optimal menus, welfare, diagnostics).")
        {
            scenario, json,
        };
        command.SetAction((parsed, _) => Guard(error, () => Task.FromResult(
            SolveCommand.Execute(parsed.GetRequiredValue(scenario), parsed.GetValue(json), console, console.Profile.Out.Writer))));
        return command;
    }

    /// <summary>Maps failures to exit codes with one clear message on standard error.</summary>
    internal static async Task<int> Guard(TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (InvalidInputException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (ReplicationFailedException exception)
        {
            await error.WriteLineAsync($"error: replication {exception.Replication} failed: {exception.InnerException?.Message ?? exception.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled: nothing was written for the unfinished run.");
            return ExitCodes.Failure;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            await error.WriteLineAsync($"error: {exception.GetType().Name}: {exception.Message}");
            return ExitCodes.Failure;
        }
    }
}

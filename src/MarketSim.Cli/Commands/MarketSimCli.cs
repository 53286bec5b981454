using System.CommandLine;
using MarketSim.Cli.Figures;
using MarketSim.Cli.Scenarios;
using MarketSim.Cli.Sweep;
using MarketSim.Simulation.Running;
using Spectre.Console;

namespace MarketSim.Cli.Commands;

/// <summary>The <c>marketsim</c> command line (docs/architecture.md, "Interfaces"): verbs, options, exit codes.</summary>
public static class MarketSimCli
{
    /// <summary>
    /// Ctrl-C (SIGINT) and SIGTERM cancel the token a verb gets; the verb then has this long to stop
    /// cleanly (run, sweep: stop the work, close the journal, say how to resume) before the process ends.
    /// </summary>
    private static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(
        string[] args, IAnsiConsole? console = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        console ??= AnsiConsole.Console;
        error ??= Console.Error;
        var root = new RootCommand("MarketSim: agent-based simulation of markets designed for redistribution.");
        root.Subcommands.Add(BuildRun(console, error));
        root.Subcommands.Add(BuildSolve(console, error));
        root.Subcommands.Add(BuildStress(console, error));
        root.Subcommands.Add(BuildFigure(console, error));
        root.Subcommands.Add(BuildSweep(console, error));
        root.Subcommands.Add(WorkerCommand.Build(console, error, Guard));
        root.Subcommands.Add(ClusterCertCommand.Build(console, error, Guard));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            return ExitCodes.InvalidInput;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TerminationGrace }, cancellationToken);
    }

    private static Command BuildRun(IAnsiConsole console, TextWriter error)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario YAML file." };
        var replications = new Option<int?>("--replications") { Description = "Number of replications (overrides the scenario)." };
        var seed = new Option<ulong?>("--seed") { Description = "Master seed (overrides the scenario)." };
        var output = new Option<string?>("--out") { Description = "Output folder (default output/<scenario name>/)." };
        var workers = new Option<int?>("--workers") { Description = "Replications run in parallel (default: number of cores; with --cluster: 0, the coordinator only coordinates)." };
        var cohortSize = new Option<int?>("--cohort-size") { Description = "Agents per trader actor (default: automatic). Never changes results." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted run from its journal in the output folder (same scenario, seed and replications)." };
        var cluster = new Option<bool>("--cluster") { Description = "Be the seed node and coordinator of a cluster: workers join with 'worker --join' (docs/cluster.md)." };
        var hostname = new Option<string>("--hostname") { Description = "With --cluster: address to bind and advertise.", DefaultValueFactory = _ => ClusterOptions.DefaultHostname };
        var port = new Option<int>("--port") { Description = "With --cluster: TCP port (0 = any free port).", DefaultValueFactory = _ => ClusterOptions.DefaultPort };
        var clusterCert = new Option<string?>("--cluster-cert") { Description = "With --cluster: the run's credentials folder (from 'cluster-cert'; default: fresh ones in the output folder)." };
        var command = new Command("run", "Monte Carlo simulation: writes replications.csv, summary.csv, report.html and manifest.json.")
        {
            scenario, replications, seed, output, workers, cohortSize, resume, cluster, hostname, port, clusterCert,
        };
        command.SetAction((parsed, cancellationToken) => Guard(error, () => RunCommand.ExecuteAsync(
            new RunOptions(
                parsed.GetRequiredValue(scenario),
                parsed.GetValue(replications),
                parsed.GetValue(seed),
                parsed.GetValue(output),
                parsed.GetValue(workers),
                parsed.GetValue(cohortSize),
                parsed.GetValue(resume),
                parsed.GetValue(cluster)
                    ? new ClusterOptions(parsed.GetRequiredValue(hostname), parsed.GetValue(port), parsed.GetValue(clusterCert))
                    : null),
            console,
            error,
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
        command.SetAction((parsed, cancellationToken) => Guard(error, () => Task.FromResult(
            SolveCommand.Execute(parsed.GetRequiredValue(scenario), parsed.GetValue(json), console, console.Profile.Out.Writer, cancellationToken))));
        return command;
    }

    private static Command BuildStress(IAnsiConsole console, TextWriter error)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario YAML file." };
        var sizes = new Option<string?>("--sizes") { Description = $"Numbers of sellers, comma separated (default {StressCommand.DefaultSizes})." };
        var replications = new Option<int?>("--replications") { Description = "Replications per size (default: 4000, fewer above N = 5000; see docs/budget-balance.md)." };
        var maxDeficit = new Option<double>("--max-deficit-probability") { Description = "Deficit probability the safety margin must keep (default 0.05).", DefaultValueFactory = _ => 0.05 };
        var seed = new Option<ulong?>("--seed") { Description = "Master seed (overrides the scenario)." };
        var output = new Option<string?>("--out") { Description = "Output folder (default output/<scenario name>-stress/)." };
        var workers = new Option<int?>("--workers") { Description = "Replications run in parallel (default: number of cores)." };
        var entry = new Option<bool>("--entry") { Description = "Also run the scenario's 'entry' block (No Free Lunch entry dynamics) into entry.csv." };
        var command = new Command("stress", "Budget balance with finite populations: deficits, broken promises, safety margins, excess entry.")
        {
            scenario, sizes, replications, maxDeficit, seed, output, workers, entry,
        };
        command.SetAction((parsed, cancellationToken) => Guard(error, () => StressCommand.ExecuteAsync(
            new StressOptions(
                parsed.GetRequiredValue(scenario),
                parsed.GetValue(sizes),
                parsed.GetValue(replications),
                parsed.GetValue(maxDeficit),
                parsed.GetValue(seed),
                parsed.GetValue(output),
                parsed.GetValue(workers),
                parsed.GetValue(entry)),
            console,
            cancellationToken)));
        return command;
    }

    private static Command BuildFigure(IAnsiConsole console, TextWriter error)
    {
        var name = new Argument<string>("name") { Description = "Figure name (pareto-frontier, optimal-single-price, wedge-prices, mechanism-map, convergence, strategic-vs-n, multi-object-frontier, multi-object-thresholds, multi-object-efficiency, auction-payoffs) or 'all'." };
        var output = new Option<string?>("--out") { Description = "Output folder (default output/figures/<name>/)." };
        var grid = new Option<int?>("--grid") { Description = "Points per axis of the mechanism map (default 40)." };
        var replications = new Option<int?>("--replications") { Description = "Convergence: replications at 1000 sellers (default 500)." };
        var scenario = new Option<string?>("--scenario") { Description = "Convergence: the scenario (default scenarios/paper-section2.yaml)." };
        var command = new Command("figure", "Draws a figure of the papers: PNG, the CSV behind it, manifest.json.")
        {
            name, output, grid, replications, scenario,
        };
        command.SetAction((parsed, _) => Guard(error, () => Task.FromResult(FigureCommand.Execute(
            parsed.GetRequiredValue(name),
            parsed.GetValue(output),
            FigureOptions.Default with
            {
                MapGridSize = parsed.GetValue(grid) ?? FigureOptions.Default.MapGridSize,
                ConvergenceReplications = parsed.GetValue(replications) ?? FigureOptions.Default.ConvergenceReplications,
            },
            parsed.GetValue(scenario) ?? ConvergenceFigure.DefaultScenario,
            console))));
        return command;
    }

    private static Command BuildSweep(IAnsiConsole console, TextWriter error)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario YAML file." };
        var set = new Option<string[]>("--set") { Description = "<field.path>=<from>:<to>:<step>, e.g. sellers.money.constant=1:4:0.5 (repeatable).", AllowMultipleArgumentsPerToken = false };
        var sample = new Option<string?>("--sample") { Description = "latin-hypercube:N instead of the full grid (seeded from the scenario seed)." };
        var simulate = new Option<bool>("--simulate") { Description = "Also run the Monte Carlo simulation at every point (in process)." };
        var output = new Option<string?>("--out") { Description = "Output folder (default output/sweeps/<scenario name>/)." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted sweep from its journal in the output folder (same scenario, --set, --sample, --simulate)." };
        var command = new Command("sweep", "Parameter sweep: solves (and optionally simulates) the scenario over a grid or Latin hypercube of field values.")
        {
            scenario, set, sample, simulate, output, resume,
        };
        command.SetAction((parsed, cancellationToken) => Guard(error, () => SweepCommand.ExecuteAsync(
            new SweepOptions(
                parsed.GetRequiredValue(scenario),
                parsed.GetValue(set) ?? [],
                parsed.GetValue(sample),
                parsed.GetValue(simulate),
                parsed.GetValue(output),
                parsed.GetValue(resume)),
            console,
            error,
            cancellationToken)));
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

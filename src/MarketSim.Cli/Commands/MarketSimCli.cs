using MarketSim.Cli.Options;
using System.CommandLine;
using MarketSim.Cli.Figures;
using MarketSim.Cli.Output;
using MarketSim.Cli.Scenarios;
using MarketSim.Cli.Sweep;
using MarketSim.Simulation.Running;
using Spectre.Console;

namespace MarketSim.Cli.Commands;

/// <summary>The <c>marketsim</c> command line (docs/architecture.md, "Interfaces"): verbs, options, exit codes.</summary>
public static class MarketSimCli
{
    /// <summary>
    /// The process entry point: SIGINT and SIGTERM cancel the verb's token (<see cref="ProcessSignals"/>);
    /// the process then exits 130 or 143 within 2 s, after run and sweep have kept their journal and
    /// printed the command that resumes.
    /// </summary>
    public static async Task<int> RunProcessAsync(string[] args)
    {
        using var signals = ProcessSignals.Install(Console.Error);
        // Lanes and sweep workers keep every core busy; the pool must still have threads at hand for the
        // continuations that stop a cancelled verb, or stopping waits for the pool to grow (seconds).
        ThreadPool.GetMinThreads(out var workerThreads, out var completionThreads);
        ThreadPool.SetMinThreads(Math.Max(workerThreads, 4 * Environment.ProcessorCount + 8), completionThreads);
        var exitCode = await RunAsync(args, ConsoleForStandardOutput(), cancellationToken: signals.Token);
        return signals.ExitCode ?? exitCode;
    }

    /// <summary>
    /// The terminal as Spectre.Console sees it; when standard output is a pipe or a file (<c>| tee log</c>)
    /// there is no width to wrap at, so tables are printed at their full width instead of 80 columns.
    /// </summary>
    private static IAnsiConsole ConsoleForStandardOutput()
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = PipedWidth;
        }

        return console;
    }

    /// <summary>Wide enough for any table MarketSim prints: nothing wraps in a pipe.</summary>
    private const int PipedWidth = 4000;

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
            // One sentence, the first problem (System.CommandLine lists follow-on errors of the same token too).
            await error.WriteLineAsync($"error: {PlainParseError(parsed.Errors[0].Message)}");
            return ExitCodes.InvalidInput;
        }

        // Signals are ProcessSignals' job alone (RunProcessAsync): it listens from the start, for synchronous
        // verbs such as solve too. System.CommandLine's handler (ProcessTerminationTimeout) must stay off: its
        // PosixSignalRegistration runs on the same single ".NET Signal Handler" thread as ProcessSignals' and
        // blocks it (Wait on the verb for the timeout), so the two race to end the process; measured from a
        // python parent with SIGTERM, both on: 1 run in 4 printed the resume command, ProcessSignals alone: 6 in 6.
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancellationToken);
    }

    /// <summary>System.CommandLine's own messages, without the .NET type names some of them carry.</summary>
    private static string PlainParseError(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @" as expected type '[^']*'", string.Empty);

    /// <summary>--port and --hostname act only with --cluster: given alone they would be silently ignored.</summary>
    private static void RequireCluster(ParseResult parsed, bool cluster, params Option[] options)
    {
        foreach (var option in options)
        {
            if (!cluster && parsed.GetResult(option) is { Implicit: false })
            {
                throw new InvalidInputException("(command line)", option.Name, "applies only with --cluster (the address a cluster coordinator listens on)");
            }
        }
    }

    private static Command BuildRun(IAnsiConsole console, TextWriter error)
    {
        var scenario = CliOptions.Scenario();
        var replications = CliOptions.WholeNumber("--replications", "Number of replications (overrides the scenario).", 1, InputLimits.MaxReplications);
        var seed = CliOptions.Seed();
        var output = CliOptions.Output("output/<scenario name>/");
        var workers = CliOptions.Workers("Replications run in parallel (default: number of cores; with --cluster: 0, the coordinator only coordinates).", 0);
        var cohortSize = CliOptions.WholeNumber("--cohort-size", "Agents per trader actor (default: automatic). Never changes results.", 1, InputLimits.MaxAgentsPerSide);
        var resume = CliOptions.Resume("Continue an interrupted run from its journal in the output folder (same scenario, seed and replications).");
        var cluster = new Option<bool>("--cluster") { Description = "Be the seed node and coordinator of a cluster: workers join with 'worker --join' (docs/cluster.md)." };
        var hostname = new Option<string>("--hostname") { Description = "With --cluster: address to bind and advertise.", DefaultValueFactory = _ => ClusterOptions.DefaultHostname };
        var port = CliOptions.WholeNumber("--port", "With --cluster: TCP port (0 = any free port).", 0, 65535, ClusterOptions.DefaultPort);
        var clusterCert = new Option<string?>("--cluster-cert") { Description = "With --cluster: the run's credentials folder (from 'cluster-cert'; default: fresh ones in the output folder)." };
        var force = CliOptions.Force();
        var maxMemory = CliOptions.MaxMemory();
        var command = new Command("run", "Monte Carlo simulation: writes replications.csv, summary.csv, report.html and manifest.json.")
        {
            scenario, replications, seed, output, workers, cohortSize, resume, cluster, hostname, port, clusterCert, force, maxMemory,
        };
        command.SetAction((parsed, cancellationToken) => Guard(error, parsed.GetValue(output), () =>
        {
            RequireCluster(parsed, parsed.GetValue(cluster), hostname, port, clusterCert);
            return RunCommand.ExecuteAsync(
            new RunOptions(
                parsed.GetRequiredValue(scenario),
                parsed.GetValue(replications),
                parsed.GetValue(seed),
                parsed.GetValue(output),
                parsed.GetValue(workers),
                parsed.GetValue(cohortSize),
                parsed.GetValue(resume),
                parsed.GetValue(cluster)
                    ? new ClusterOptions(ClusterHostname(parsed.GetRequiredValue(hostname)), parsed.GetValue(port), parsed.GetValue(clusterCert))
                    : null)
            {
                Force = parsed.GetValue(force),
                MaxMemoryBytes = parsed.GetValue(maxMemory),
            },
            console,
            error,
            cancellationToken);
        }));
        return command;
    }

    private static Command BuildSolve(IAnsiConsole console, TextWriter error)
    {
        var scenario = CliOptions.Scenario();
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output and nothing else." };
        var command = new Command("solve", "The continuum theory of every mechanism of the scenario (optimal menus, welfare, diagnostics).")
        {
            scenario, json,
        };
        command.SetAction((parsed, cancellationToken) => Guard(error, null, () => Task.FromResult(
            SolveCommand.Execute(parsed.GetRequiredValue(scenario), parsed.GetValue(json), console, console.Profile.Out.Writer, cancellationToken))));
        return command;
    }

    private static Command BuildStress(IAnsiConsole console, TextWriter error)
    {
        var scenario = CliOptions.Scenario();
        var sizes = new Option<string?>("--sizes") { Description = $"Numbers of sellers, comma separated (default {StressCommand.DefaultSizes})." };
        var replications = CliOptions.WholeNumber("--replications", "Replications per size (default: 4000, fewer above N = 5000; see docs/budget-balance.md).", 1, InputLimits.MaxReplications);
        var maxDeficit = CliOptions.Probability("--max-deficit-probability", "Deficit probability the safety margin must keep (default 0.05).", 0.05);
        var seed = CliOptions.Seed();
        var output = CliOptions.Output("output/<scenario name>-stress/");
        var workers = CliOptions.Workers("Replications run in parallel (default: number of cores).", 1);
        var entry = new Option<bool>("--entry") { Description = "Also run the scenario's 'entry' block (No Free Lunch entry dynamics) into entry.csv." };
        var force = CliOptions.Force();
        var maxMemory = CliOptions.MaxMemory();
        var command = new Command("stress", "Budget balance with finite populations: deficits, broken promises, safety margins, excess entry.")
        {
            scenario, sizes, replications, maxDeficit, seed, output, workers, entry, force, maxMemory,
        };
        command.SetAction((parsed, cancellationToken) => Guard(error, parsed.GetValue(output), () => StressCommand.ExecuteAsync(
            new StressOptions(
                parsed.GetRequiredValue(scenario),
                parsed.GetValue(sizes),
                parsed.GetValue(replications),
                parsed.GetValue(maxDeficit),
                parsed.GetValue(seed),
                parsed.GetValue(output),
                parsed.GetValue(workers),
                parsed.GetValue(entry))
            {
                Force = parsed.GetValue(force),
                MaxMemoryBytes = parsed.GetValue(maxMemory),
            },
            console,
            cancellationToken)));
        return command;
    }

    private static Command BuildFigure(IAnsiConsole console, TextWriter error)
    {
        var name = new Argument<string>("name") { Description = "Figure name (pareto-frontier, optimal-single-price, wedge-prices, mechanism-map, convergence, strategic-vs-n, multi-object-frontier, multi-object-thresholds, multi-object-efficiency, auction-payoffs) or 'all'." };
        var output = CliOptions.Output("output/figures/<name>/");
        var grid = CliOptions.WholeNumber("--grid", "Points per axis of the mechanism map (default 40).", 2, MaxFigureGrid);
        var replications = CliOptions.WholeNumber("--replications", "Convergence: replications at 1000 sellers (default 500).", 1, MaxFigureReplications);
        var scenario = new Option<string?>("--scenario") { Description = "Convergence: the scenario (default scenarios/paper-section2.yaml)." };
        var force = CliOptions.Force();
        var command = new Command("figure", "Draws a figure of the papers: PNG, the CSV behind it, manifest.json.")
        {
            name, output, grid, replications, scenario, force,
        };
        command.SetAction((parsed, _) => Guard(error, parsed.GetValue(output), () => Task.FromResult(FigureCommand.Execute(
            parsed.GetRequiredValue(name),
            parsed.GetValue(output),
            FigureOptions.Default with
            {
                MapGridSize = parsed.GetValue(grid) ?? FigureOptions.Default.MapGridSize,
                ConvergenceReplications = parsed.GetValue(replications) ?? FigureOptions.Default.ConvergenceReplications,
            },
            parsed.GetValue(scenario) ?? ConvergenceFigure.DefaultScenario,
            parsed.GetValue(force),
            console))));
        return command;
    }

    private static Command BuildSweep(IAnsiConsole console, TextWriter error)
    {
        var scenario = CliOptions.Scenario();
        var set = new Option<string[]>("--set") { Description = "<field.path>=<from>:<to>:<step>, e.g. sellers.money.constant=1:4:0.5 (repeatable).", AllowMultipleArgumentsPerToken = false };
        var sample = new Option<string?>("--sample") { Description = "latin-hypercube:N instead of the full grid (seeded from the scenario seed)." };
        var simulate = new Option<bool>("--simulate") { Description = "Also run the Monte Carlo simulation at every point (in process)." };
        var output = CliOptions.Output("output/sweeps/<scenario name>/");
        var resume = CliOptions.Resume("Continue an interrupted sweep from its journal in the output folder (same scenario, --set, --sample, --simulate).");
        var force = CliOptions.Force();
        var maxMemory = CliOptions.MaxMemory();
        var command = new Command("sweep", "Parameter sweep: solves (and optionally simulates) the scenario over a grid or Latin hypercube of field values.")
        {
            scenario, set, sample, simulate, output, resume, force, maxMemory,
        };
        command.SetAction((parsed, cancellationToken) => Guard(error, parsed.GetValue(output), () => SweepCommand.ExecuteAsync(
            new SweepOptions(
                parsed.GetRequiredValue(scenario),
                parsed.GetValue(set) ?? [],
                parsed.GetValue(sample),
                parsed.GetValue(simulate),
                parsed.GetValue(output),
                parsed.GetValue(resume))
            {
                Force = parsed.GetValue(force),
                MaxMemoryBytes = parsed.GetValue(maxMemory),
            },
            console,
            error,
            cancellationToken)));
        return command;
    }

    /// <summary>The mechanism map solves grid^2 markets; the convergence figure runs its replications per size.</summary>
    private const int MaxFigureGrid = 1000;

    private const int MaxFigureReplications = 1_000_000;

    /// <summary>A cluster's --hostname must be a host name or IP address (checked before any socket is opened).</summary>
    private static string ClusterHostname(string hostname) =>
        Uri.CheckHostName(hostname) != UriHostNameType.Unknown
            ? hostname
            : throw new InvalidInputException("(command line)", "--hostname", $"'{hostname}' is not a host name or IP address");

    /// <summary>As <see cref="Guard(TextWriter, string?, Func{Task{int}})"/>, logging an internal error in the current folder.</summary>
    internal static Task<int> Guard(TextWriter error, Func<Task<int>> action) => Guard(error, null, action);

    /// <summary>
    /// Maps failures to exit codes with one plain sentence on standard error: invalid input 2, an
    /// interrupted verb 130, and 1 only for an internal fault, whose details (type, stack trace) go to
    /// <see cref="InternalErrorLog"/> in the output folder, never to the terminal.
    /// </summary>
    internal static async Task<int> Guard(TextWriter error, string? outputFolder, Func<Task<int>> action)
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
            var log = InternalErrorLog.Write(outputFolder, exception);
            await error.WriteLineAsync($"internal error: replication {exception.Replication} failed; details in {log}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("interrupted: nothing was written for the unfinished work.");
            return ExitCodes.Interrupted;
        }
        catch (OutOfMemoryException)
        {
            await error.WriteLineAsync("error: out of memory; use a smaller market or fewer --workers (see the limits in docs/running.md)");
            return ExitCodes.InvalidInput;
        }
        catch (Exception exception)
        {
            var log = InternalErrorLog.Write(outputFolder, exception);
            await error.WriteLineAsync($"internal error: please report it with the details in {log}");
            return ExitCodes.Failure;
        }
    }
}

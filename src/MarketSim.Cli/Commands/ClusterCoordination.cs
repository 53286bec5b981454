using MarketSim.Simulation.Messages;
using MarketSim.Cli.Options;
using MarketSim.Cli.Output;
using MarketSim.Cli.Resume;
using MarketSim.Cli.Scenarios;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using MarketSim.Simulation.Cluster;
using Spectre.Console;

namespace MarketSim.Cli.Commands;

/// <summary>
/// <c>run --cluster</c>: starts this process as the seed node (mutual TLS with the run's
/// credentials), admits workers of this version and scenario, sends them the scenario file's text
/// with the command line's seed and replications, and returns the results of <c>toRun</c> ordered by
/// replication (the same bytes as a single-process run, docs/cluster.md). Each accepted replication
/// goes to <c>onCompleted</c> (the journal) and to the provenance file as it arrives.
/// </summary>
internal static class ClusterCoordination
{
    /// <summary>Where <c>run --cluster</c> without <c>--cluster-cert</c> puts fresh credentials.</summary>
    public const string CredentialsFolderName = "cluster-credentials";

    public static async Task<ClusterRunResult> RunAsync(
        LoadedScenario loaded, Scenario scenario, MarketModel model, ClusterOptions options, int localSlots,
        IReadOnlyList<int> toRun, string outputFolder, Action<ReplicationResult> onCompleted,
        IAnsiConsole console, TextWriter error, CancellationToken cancellationToken)
    {
        CheckOptions(options);
        var credentials = CredentialsFor(options, outputFolder, error);
        // The full path: a worker resolves empirical data files relative to it, as the coordinator did.
        var description = new ScenarioDescription(
            Guid.NewGuid().ToString("N"), Path.GetFullPath(loaded.File), await File.ReadAllTextAsync(loaded.File, cancellationToken),
            scenario.Seed, scenario.Replications);
        var identity = new NodeIdentity(Output.Manifest.ToolVersion, loaded.Sha256);
        var system = StartNode(options.Hostname, options.Port, credentials);
        var provenance = ClusterProvenance.PathIn(outputFolder);
        try
        {
            var address = ClusterRunner.AddressOf(system);
            console.MarkupLineInterpolated($"Coordinator (seed node) at [bold]{address}[/]; start each worker with:");
            // Unwrapped, whatever the terminal width: it is meant to be copied as it is.
            console.Profile.Out.Writer.WriteLine($"  {WorkerCommandLine(address.ToString(), credentials.Folder, loaded.Sha256)}");
            var completed = scenario.Replications - toRun.Count;
            var run = await ClusterRunner.CoordinateAsync(system, model, description, identity, localSlots, toRun,
                contributed =>
                {
                    // Provenance first: a kill between the two lines then leaves an attribution without a journaled
                    // result (ignored, the replication is re-run and attributed again), never a result without one.
                    ClusterProvenance.Append(provenance, contributed);
                    onCompleted(contributed.Result);
                    if (++completed % Math.Max(1, scenario.Replications / 10) == 0)
                    {
                        console.MarkupLineInterpolated($"  {completed} / {scenario.Replications} replications");
                    }
                },
                line => error.WriteLine(line),
                cancellationToken);
            if (run.Requeued > 0 || run.DuplicatesDropped > 0)
            {
                console.MarkupLineInterpolated($"Re-ran {run.Requeued} replications; dropped {run.DuplicatesDropped} reports (details on standard error).");
            }

            return run;
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>The exact command that joins a worker to this run (what the coordinator prints).</summary>
    public static string WorkerCommandLine(string address, string credentialsFolder, string scenarioSha256) =>
        ShellWords.Join(["marketsim", "worker", "--join", address, "--cluster-cert", credentialsFolder, "--scenario-sha256", scenarioSha256]);

    /// <summary>A TLS node, or exit 2 with one line when its port is taken.</summary>
    public static Akka.Actor.ActorSystem StartNode(string hostname, int port, ClusterCredentials credentials)
    {
        try
        {
            return ClusterRunner.CreateSystem(hostname, port, credentials);
        }
        catch (PortInUseException taken)
        {
            throw new InvalidInputException("(command line)", "--port", taken.Message);
        }
    }

    /// <summary>
    /// Invalid input (exit 2) for a port out of range or taken: checked before anything is written, so a
    /// second coordinator never touches the first one's output folder.
    /// </summary>
    public static void CheckOptions(ClusterOptions options)
    {
        if (options.Port is < 0 or > 65535)
        {
            throw new InvalidInputException("(command line)", "--port", $"must be 0 .. 65535 (found {options.Port})");
        }

        try
        {
            ClusterRunner.ThrowIfPortTaken(options.Hostname, options.Port);
        }
        catch (PortInUseException taken)
        {
            throw new InvalidInputException("(command line)", "--port", taken.Message);
        }
    }

    /// <summary>The credentials in <paramref name="folder"/>, or exit 2 naming the folder, <paramref name="option"/> and why.</summary>
    public static ClusterCredentials LoadCredentials(string folder, string option)
    {
        try
        {
            return ClusterCredentials.Load(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidInputException(Path.GetFullPath(folder), option, exception.Message);
        }
    }

    /// <summary>The run's credentials: the folder given, or fresh ones in the output folder (replacing a previous session's).</summary>
    private static ClusterCredentials CredentialsFor(ClusterOptions options, string outputFolder, TextWriter error)
    {
        if (options.CertificateFolder is { } given)
        {
            return LoadCredentials(given, "--cluster-cert");
        }

        var folder = Path.GetFullPath(Path.Combine(outputFolder, CredentialsFolderName));
        if (File.Exists(ClusterCredentials.PathIn(folder)))
        {
            File.Delete(ClusterCredentials.PathIn(folder)); // workers of an earlier session must not join this one
        }

        var credentials = ClusterCredentials.Create(folder);
        error.WriteLine($"created fresh cluster credentials in {folder} (copy this folder to every worker machine; owner-only)");
        return credentials;
    }

    /// <summary>What a worker does with a <see cref="ScenarioDescription"/>: parse the same text, apply the same overrides.</summary>
    public static MarketModel BuildModel(ScenarioDescription description)
    {
        var loaded = ScenarioLoader.LoadText(description.Name, description.Text);
        return new MarketModel(loaded.Scenario with { Seed = description.Seed, Replications = description.Replications });
    }
}

using MarketSim.Cli.Scenarios;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using MarketSim.Simulation.Cluster;
using Spectre.Console;

namespace MarketSim.Cli.Commands;

/// <summary>
/// <c>run --cluster</c>: starts this process as the seed node, sends workers the scenario file's
/// text with the command line's seed and replications, and returns the results ordered by
/// replication (the same bytes as a single-process run, docs/cluster.md).
/// </summary>
internal static class ClusterCoordination
{
    public static async Task<IReadOnlyList<ReplicationResult>> RunAsync(
        LoadedScenario loaded, Scenario scenario, MarketModel model, ClusterOptions options, int localSlots,
        IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (options.Port is < 0 or > 65535)
        {
            throw new InvalidInputException("(command line)", "--port", $"must be 0 .. 65535 (found {options.Port})");
        }

        // The full path: a worker resolves empirical data files relative to it, as the coordinator did.
        var description = new ScenarioDescription(
            Guid.NewGuid().ToString("N"), Path.GetFullPath(loaded.File), await File.ReadAllTextAsync(loaded.File, cancellationToken),
            scenario.Seed, scenario.Replications);
        var system = ClusterRunner.CreateSystem(options.Hostname, options.Port);
        try
        {
            var address = ClusterRunner.AddressOf(system);
            console.MarkupLineInterpolated($"Coordinator (seed node) at [bold]{address}[/]: start workers with 'marketsim worker --join {address}'.");
            var completed = 0;
            var run = await ClusterRunner.CoordinateAsync(system, model, description, localSlots,
                _ =>
                {
                    if (++completed % Math.Max(1, scenario.Replications / 10) == 0)
                    {
                        console.MarkupLineInterpolated($"  {completed} / {scenario.Replications} replications");
                    }
                },
                cancellationToken);
            if (run.Requeued > 0 || run.DuplicatesDropped > 0)
            {
                console.MarkupLineInterpolated($"Re-ran {run.Requeued} replications of workers that left; dropped {run.DuplicatesDropped} duplicate reports.");
            }

            return run.Results;
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>What a worker does with a <see cref="ScenarioDescription"/>: parse the same text, apply the same overrides.</summary>
    public static MarketModel BuildModel(ScenarioDescription description)
    {
        var loaded = ScenarioLoader.LoadText(description.Name, description.Text);
        return new MarketModel(loaded.Scenario with { Seed = description.Seed, Replications = description.Replications });
    }
}

using Akka.Actor;
using Akka.Configuration;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Actors;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation;

/// <summary>
/// Entry point of the actor shell: runs a model's replications on lanes of actors
/// (coordinator -> trader cohorts -> clearinghouse -> metrics actor, docs/architecture.md "Data flow").
/// Results are identical to <see cref="RunInProcess"/> whatever the workers and cohort sizes (docs/theory.md §6).
/// </summary>
public static class SimulationRunner
{
    /// <summary>
    /// Local, quiet: warnings and errors only, to standard error (<see cref="StandardErrorLogger"/>), no
    /// dead-letter chatter when a failed run shuts down.
    /// </summary>
    private static readonly Config SystemConfig = ConfigurationFactory.ParseString("""
        akka {
          loggers = ["MarketSim.Simulation.Running.StandardErrorLogger, MarketSim.Simulation"]
          loglevel = WARNING
          stdout-loglevel = OFF
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
          actor.provider = local
          # The process may be ending on a signal (the CLI's watchdog); Akka's exit hook would wait for
          # lanes deep in a big replication and hold the exit for seconds. Runs terminate their system themselves.
          coordinated-shutdown.run-by-clr-shutdown-hook = off
        }
        """);

    /// <summary>How long a cancelled run waits for its actors to stop.</summary>
    private static readonly TimeSpan CancelledTerminationPatience = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Runs replications 0 .. R-1 (or <see cref="SimulationOptions.ReplicationsToRun"/>) and returns their results ordered by replication.
    /// <paramref name="onCompleted"/> is called once per replication in completion order (for
    /// progress), on an actor thread: keep it short. A replication that throws fails the run with a
    /// <see cref="ReplicationFailedException"/>; cancellation throws <see cref="OperationCanceledException"/>.
    /// Either way the actor system is terminated before this returns.
    /// </summary>
    public static Task<IReadOnlyList<ReplicationResult>> RunAsync(
        MarketModel model,
        SimulationOptions options,
        Action<ReplicationResult>? onCompleted = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(model, options, onCompleted, ReplicationSteps.Default, systemCreated: null, cancellationToken);

    /// <summary>The bare loop, no actors: the reference the actor pipeline must match bit for bit.</summary>
    public static IReadOnlyList<ReplicationResult> RunInProcess(MarketModel model, int replications)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replications);
        var workspace = new ReplicationWorkspace(model);
        var results = new ReplicationResult[replications];
        for (var replication = 0; replication < replications; replication++)
        {
            results[replication] = ReplicationRunner.Run(model, replication, workspace);
        }

        return results;
    }

    /// <summary>As the public overload, with the test seams: the steps, and a look at the system.</summary>
    internal static async Task<IReadOnlyList<ReplicationResult>> RunAsync(
        MarketModel model,
        SimulationOptions options,
        Action<ReplicationResult>? onCompleted,
        ReplicationSteps steps,
        Action<ActorSystem>? systemCreated,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var system = ActorSystem.Create("marketsim", SystemConfig);
        try
        {
            systemCreated?.Invoke(system);
            return await RunInSystem(system, model, options, onCompleted, steps, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Cancelled (Ctrl-C, SIGTERM): lanes deep in a big replication stop only when it ends, so the
            // caller does not wait for them beyond a moment (the process is about to exit anyway).
            var terminated = system.Terminate();
            if (cancellationToken.IsCancellationRequested)
            {
                await Task.WhenAny(terminated, Task.Delay(CancelledTerminationPatience, CancellationToken.None)).ConfigureAwait(false);
            }
            else
            {
                await terminated.ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs in an existing actor system (tests use the TestKit's); leaves the system running.</summary>
    internal static async Task<IReadOnlyList<ReplicationResult>> RunInSystem(
        ActorSystem system,
        MarketModel model,
        SimulationOptions options,
        Action<ReplicationResult>? onCompleted,
        ReplicationSteps steps,
        CancellationToken cancellationToken,
        Action<IActorRef>? coordinatorCreated = null)
    {
        options.Validate();
        // Continuations must not run inline on the coordinator's thread when it completes the run.
        var completion = new TaskCompletionSource<IReadOnlyList<ReplicationResult>>(
            TaskCreationOptions.RunContinuationsAsynchronously);
        var coordinator = system.ActorOf(RunCoordinatorActor.PropsFor(model, options, steps, onCompleted, completion));
        coordinatorCreated?.Invoke(coordinator);
        await using var registration = cancellationToken.Register(() =>
        {
            if (completion.TrySetCanceled(cancellationToken))
            {
                system.Stop(coordinator);
            }
        });
        return await completion.Task.ConfigureAwait(false);
    }
}

using Akka.Actor;
using Akka.Configuration;
using MarketSim.Core.Replications;

namespace MarketSim.Simulation.Cluster;

/// <summary>
/// Runs replications over an Akka.Cluster (README "Cluster"): the coordinator's node is the seed,
/// workers join it and pull replications; results are those of a single-process run, bit for bit.
/// </summary>
public static class ClusterRunner
{
    /// <summary>The actor system's name: addresses read akka.tcp://marketsim@host:port.</summary>
    public const string SystemName = "marketsim";

    /// <summary>The coordinator's actor name on the seed node; workers find it at seed/user/coordinator.</summary>
    public const string CoordinatorName = "coordinator";

    /// <summary>
    /// A cluster node listening on <paramref name="hostname"/>:<paramref name="port"/> (0 = any free
    /// port). The hostname is also the address other nodes reach it at, so on several machines it is
    /// this machine's reachable address, never 0.0.0.0. Downing: split-brain resolver keep-oldest with
    /// down-if-alone off, so the coordinator (the oldest node, it joins itself first) always survives
    /// and a crashed worker is downed (its replications re-queued) after failure detection plus stable-after.
    /// </summary>
    public static Config ConfigFor(string hostname, int port) => ConfigurationFactory.ParseString($$"""
        akka {
          loglevel = WARNING
          stdout-loglevel = WARNING
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
          actor.provider = cluster
          remote {
            log-remote-lifecycle-events = off
            dot-netty.tcp {
              hostname = "{{hostname}}"
              port = {{port}}
            }
          }
          cluster {
            log-info = off
            downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
            split-brain-resolver {
              active-strategy = keep-oldest
              stable-after = 5s
              keep-oldest.down-if-alone = off
              # Workers leave when a run ends while a crashed one is still unreachable: membership
              # then changes during stable-after, which must not make the resolver down everyone.
              down-all-when-unstable = off
            }
          }
          coordinated-shutdown.run-by-clr-shutdown-hook = off
        }
        """);

    public static ActorSystem CreateSystem(string hostname, int port) => ActorSystem.Create(SystemName, ConfigFor(hostname, port));

    /// <summary>As <see cref="CreateSystem(string, int)"/> with settings layered on top (tests: faster gossip).</summary>
    internal static ActorSystem CreateSystem(string hostname, int port, Config overrides) =>
        ActorSystem.Create(SystemName, overrides.WithFallback(ConfigFor(hostname, port)));

    /// <summary>This node's address, e.g. akka.tcp://marketsim@127.0.0.1:4053 (the port is bound by now).</summary>
    public static Address AddressOf(ActorSystem system) => Akka.Cluster.Cluster.Get(system).SelfAddress;

    /// <summary>
    /// Makes this node the seed and coordinator of a run of <paramref name="scenario"/>: it joins
    /// itself, then hands replications to every worker that registers. With
    /// <paramref name="localSlots"/> &gt; 0 it also works itself, through the same protocol.
    /// Completes when every replication is in (the system keeps running: the caller terminates it).
    /// </summary>
    public static Task<ClusterRunResult> CoordinateAsync(
        ActorSystem system,
        MarketModel model,
        ScenarioDescription scenario,
        int localSlots,
        Action<ReplicationResult>? onCompleted = null,
        CancellationToken cancellationToken = default) =>
        CoordinateAsync(system, model, scenario, localSlots, onCompleted, WorkerHooks.Default, cancellationToken);

    internal static async Task<ClusterRunResult> CoordinateAsync(
        ActorSystem system,
        MarketModel model,
        ScenarioDescription scenario,
        int localSlots,
        Action<ReplicationResult>? onCompleted,
        WorkerHooks hooks,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfNegative(localSlots);
        ArgumentOutOfRangeException.ThrowIfNegative(scenario.Replications);
        var cluster = Akka.Cluster.Cluster.Get(system);
        cluster.Join(cluster.SelfAddress);
        var completion = new TaskCompletionSource<ClusterRunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var coordinator = system.ActorOf(ClusterCoordinatorActor.PropsFor(scenario, onCompleted, completion), CoordinatorName);
        IActorRef? localWorker = null;
        if (localSlots > 0)
        {
            var localDone = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            localWorker = system.ActorOf(
                ClusterWorkerActor.PropsFor(coordinator.Path, _ => model, localSlots, hooks, localDone), "local-worker");
        }

        await using var registration = cancellationToken.Register(() =>
        {
            if (completion.TrySetCanceled(cancellationToken))
            {
                system.Stop(coordinator);
            }
        });
        try
        {
            return await completion.Task.ConfigureAwait(false);
        }
        finally
        {
            if (localWorker is not null)
            {
                system.Stop(localWorker);
            }
        }
    }

    /// <summary>
    /// Joins the cluster whose seed (and coordinator) is <paramref name="seed"/> and works with
    /// <paramref name="slots"/> replications in parallel, rebuilding the model with
    /// <paramref name="buildModel"/>. Completes when the run finishes or the coordinator is gone.
    /// </summary>
    public static Task WorkAsync(
        ActorSystem system,
        Address seed,
        Func<ScenarioDescription, MarketModel> buildModel,
        int slots,
        CancellationToken cancellationToken = default) =>
        WorkAsync(system, seed, buildModel, slots, WorkerHooks.Default, cancellationToken);

    internal static async Task WorkAsync(
        ActorSystem system,
        Address seed,
        Func<ScenarioDescription, MarketModel> buildModel,
        int slots,
        WorkerHooks hooks,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(buildModel);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        var completion = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var coordinatorPath = new RootActorPath(seed) / "user" / CoordinatorName;
        var cluster = Akka.Cluster.Cluster.Get(system);
        cluster.RegisterOnMemberUp(() =>
            system.ActorOf(ClusterWorkerActor.PropsFor(coordinatorPath, buildModel, slots, hooks, completion), "worker"));
        cluster.Join(seed);
        await using var registration = cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));
        await completion.Task.ConfigureAwait(false);
    }

    /// <summary>Parses akka.tcp://marketsim@host:port.</summary>
    public static Address ParseAddress(string address)
    {
        var parsed = Address.Parse(address);
        if (parsed.System != SystemName || parsed.Host is null || parsed.Port is null)
        {
            throw new FormatException($"expected akka.tcp://{SystemName}@host:port, found '{address}'");
        }

        return parsed;
    }
}

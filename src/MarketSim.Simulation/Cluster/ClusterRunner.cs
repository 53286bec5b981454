using MarketSim.Simulation.Messages;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Cluster;
using Akka.Configuration;
using Akka.Event;
using Akka.Remote.Transport.DotNetty;
using MarketSim.Core.Replications;

namespace MarketSim.Simulation.Cluster;

/// <summary>
/// Runs replications over an Akka.Cluster (docs/cluster.md): the coordinator's node is the seed,
/// workers join it and pull replications; results are those of a single-process run, bit for bit.
/// </summary>
public static class ClusterRunner
{
    /// <summary>The actor system's name: addresses read akka.ssl.tcp://marketsim@host:port.</summary>
    public const string SystemName = "marketsim";

    /// <summary>The coordinator's actor name on the seed node; workers find it at seed/user/coordinator.</summary>
    public const string CoordinatorName = "coordinator";

    /// <summary>
    /// The Akka configuration of every cluster node, built here only. A node listens on
    /// <paramref name="hostname"/>:<paramref name="port"/> (0 = any free port); the hostname is also
    /// the address other nodes reach it at, so on several machines it is this machine's reachable
    /// address, never 0.0.0.0. Transport: TLS only (no plain-TCP listener), mutual authentication,
    /// and no SO_REUSEADDR/SO_REUSEPORT, so a second node on a taken port fails instead of sharing it.
    /// Logging: one line per event on standard error (<see cref="StandardErrorLogger"/>).
    /// Downing: split-brain resolver keep-oldest with down-if-alone off, so the coordinator (the
    /// oldest node, it joins itself first) always survives and a crashed worker is downed (its
    /// replications re-queued) after failure detection plus stable-after.
    /// </summary>
    public static Config ConfigFor(string hostname, int port) => ConfigurationFactory.ParseString($$"""
        akka {
          loglevel = WARNING
          stdout-loglevel = OFF
          loggers = ["{{typeof(StandardErrorLogger).FullName}}, {{typeof(StandardErrorLogger).Assembly.GetName().Name}}"]
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
          actor.provider = cluster
          remote {
            log-remote-lifecycle-events = off
            # A worker started before its coordinator retries after 1 s, not Akka's 5 s.
            retry-gate-closed-for = 1s
            dot-netty.tcp {
              hostname = "{{hostname}}"
              port = {{port}}
              # Certificate, mutual authentication and validation: SslSetupFor (a DotNettySslSetup).
              enable-ssl = true
              tcp-reuse-addr = off
            }
          }
          cluster {
            log-info = off
            # A run's cluster is a handful of nodes: gossip twice as often as the default so a worker
            # is up (and pulling work) within a second or two of joining.
            gossip-interval = 500ms
            leader-actions-interval = 500ms
            periodic-tasks-initial-delay = 200ms
            seed-node-timeout = 2s
            retry-unsuccessful-join-after = 2s
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

    /// <summary>
    /// Akka.Remote's own transport security for <paramref name="credentials"/>: every node presents the
    /// run's certificate (mutual TLS) and accepts a peer only if it presents exactly that certificate
    /// (thumbprint pinning; the self-signed chain is deliberately not checked against a CA store).
    /// </summary>
    public static DotNettySslSetup SslSetupFor(ClusterCredentials credentials) =>
        new(credentials.Certificate, suppressValidation: false, requireMutualAuthentication: true, validateCertificateHostname: false,
            customValidator: (certificate, _, remotePeer, _, log) =>
            {
                if (credentials.IsThisRuns(certificate))
                {
                    return true;
                }

                log?.Warning("refused a TLS connection from {0}: it does not present this run's certificate", remotePeer);
                return false;
            });

    /// <summary><see cref="PortInUseException"/> if <paramref name="port"/> (not 0) cannot be bound on <paramref name="hostname"/>.</summary>
    public static void ThrowIfPortTaken(string hostname, int port) => PortProbe.ThrowIfTaken(hostname, port);

    /// <summary>A TLS cluster node with <paramref name="credentials"/>; <see cref="PortInUseException"/> if the port is taken.</summary>
    public static ActorSystem CreateSystem(string hostname, int port, ClusterCredentials credentials) =>
        CreateSystem(hostname, port, credentials, Config.Empty);

    /// <summary>As <see cref="CreateSystem(string, int, ClusterCredentials)"/> with settings layered on top (tests: faster gossip).</summary>
    internal static ActorSystem CreateSystem(string hostname, int port, ClusterCredentials credentials, Config overrides)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        PortProbe.ThrowIfTaken(hostname, port);
        var setup = BootstrapSetup.Create().WithConfig(overrides.WithFallback(ConfigFor(hostname, port))).And(SslSetupFor(credentials));
        try
        {
            return ActorSystem.Create(SystemName, setup);
        }
        catch (Exception exception) when (port != 0 && PortProbe.IsBindFailure(exception))
        {
            throw new PortInUseException(port, exception); // taken between the probe and the bind
        }
    }

    /// <summary>This node's address, e.g. akka.ssl.tcp://marketsim@127.0.0.1:4053 (the port is bound by now).</summary>
    public static Address AddressOf(ActorSystem system) => Akka.Cluster.Cluster.Get(system).SelfAddress;

    /// <summary>
    /// Makes this node the seed and coordinator of a run of <paramref name="scenario"/>: it joins
    /// itself, admits every worker that states <paramref name="identity"/> and hands it the
    /// replications <paramref name="toRun"/> (all when null). With <paramref name="localSlots"/> &gt; 0
    /// it also works itself, through the same protocol. <paramref name="onCompleted"/> sees each
    /// accepted replication (on the coordinator's thread), <paramref name="report"/> each refusal,
    /// dropped message and re-run as one line. Completes when every replication is in (the system
    /// keeps running: the caller terminates it).
    /// </summary>
    public static Task<ClusterRunResult> CoordinateAsync(
        ActorSystem system,
        MarketModel model,
        ScenarioDescription scenario,
        NodeIdentity identity,
        int localSlots,
        IReadOnlyList<int>? toRun = null,
        Action<ContributedReplication>? onCompleted = null,
        Action<string>? report = null,
        CancellationToken cancellationToken = default) =>
        CoordinateAsync(system, model, scenario, identity, localSlots, toRun, onCompleted, report, WorkerHooks.Default, cancellationToken);

    internal static async Task<ClusterRunResult> CoordinateAsync(
        ActorSystem system,
        MarketModel model,
        ScenarioDescription scenario,
        NodeIdentity identity,
        int localSlots,
        IReadOnlyList<int>? toRun,
        Action<ContributedReplication>? onCompleted,
        Action<string>? report,
        WorkerHooks hooks,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentOutOfRangeException.ThrowIfNegative(localSlots);
        ArgumentOutOfRangeException.ThrowIfNegative(scenario.Replications);
        var cluster = Akka.Cluster.Cluster.Get(system);
        cluster.Join(cluster.SelfAddress);
        var completion = new TaskCompletionSource<ClusterRunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var settings = new CoordinatorSettings(scenario, toRun ?? Enumerable.Range(0, scenario.Replications).ToArray(), identity);
        var coordinator = system.ActorOf(ClusterCoordinatorActor.PropsFor(settings, onCompleted, report ?? (_ => { }), completion), CoordinatorName);
        IActorRef? localWorker = null;
        if (localSlots > 0)
        {
            var ignored = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            localWorker = system.ActorOf(
                ClusterWorkerActor.PropsFor(coordinator.Path, _ => model, localSlots, identity, hooks, ignored,
                    new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)),
                "local-worker");
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
    /// Joins the cluster whose seed (and coordinator) is <paramref name="seed"/> on a node made by
    /// <paramref name="startNode"/>, states <paramref name="identity"/>, and works with
    /// <paramref name="slots"/> replications in parallel, rebuilding the model with <paramref name="buildModel"/>.
    /// Completes when the run finishes or the coordinator is gone; throws
    /// <see cref="CoordinatorUnreachableException"/> when no coordinator answered within
    /// <paramref name="joinTimeout"/>, <see cref="WorkerRefusedException"/> when refused.
    /// Akka itself can shut a node down under a worker: Akka.Remote runs CoordinatedShutdown whenever a
    /// TLS handshake it started fails, which happens when the worker dials a node that is itself shutting
    /// down (it accepts the TCP connection, then closes it mid-handshake), e.g. another worker leaving as
    /// this one joins; a node downed by the split-brain resolver also shuts down. The worker then starts a
    /// fresh node and joins again (one line on <paramref name="report"/>), until the join timeout, counted
    /// afresh once it has been welcomed; it never stays outside the cluster silently.
    /// The nodes it starts are terminated before this completes.
    /// </summary>
    public static Task WorkAsync(
        Func<ActorSystem> startNode,
        Address seed,
        Func<ScenarioDescription, MarketModel> buildModel,
        int slots,
        NodeIdentity identity,
        TimeSpan joinTimeout,
        Action<string>? report = null,
        CancellationToken cancellationToken = default) =>
        WorkAsync(startNode, seed, buildModel, slots, identity, joinTimeout, report, WorkerHooks.Default, cancellationToken);

    internal static async Task WorkAsync(
        Func<ActorSystem> startNode,
        Address seed,
        Func<ScenarioDescription, MarketModel> buildModel,
        int slots,
        NodeIdentity identity,
        TimeSpan joinTimeout,
        Action<string>? report,
        WorkerHooks hooks,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(startNode);
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(buildModel);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        report ??= _ => { };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var deadline = joinTimeout;
        var everWelcomed = false;
        for (var attempt = 0; ; attempt++)
        {
            ActorSystem system;
            try
            {
                system = startNode();
            }
            catch (PortInUseException) when (attempt > 0 && clock.Elapsed < deadline)
            {
                // The previous node's fixed port is not free yet; try again until the join timeout.
                await Task.Delay(RejoinPause, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var node = AddressOf(system);
            NodeOutcome outcome;
            try
            {
                var remaining = deadline - clock.Elapsed;
                outcome = await WorkOnNodeAsync(system, seed, buildModel, slots, identity, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, hooks,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (CoordinatorUnreachableException) when (everWelcomed)
            {
                // It worked for this run before its node went down, and nobody answers now: the run is over.
                report($"worker node {node}: the coordinator at {seed} did not answer after this worker rejoined; the run is over");
                return;
            }
            catch (CoordinatorUnreachableException)
            {
                throw new CoordinatorUnreachableException(seed, joinTimeout);
            }
            finally
            {
                await system.Terminate().ConfigureAwait(false);
            }

            if (outcome.Finished)
            {
                return;
            }

            if (outcome.Welcomed)
            {
                everWelcomed = true;
                deadline = clock.Elapsed + joinTimeout;
            }

            report($"worker node {node} was shut down by Akka ({outcome.ShutdownReason}); joining {seed} again on a fresh node");
            if (clock.Elapsed >= deadline)
            {
                throw new CoordinatorUnreachableException(seed, joinTimeout);
            }

            await Task.Delay(RejoinPause, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How one node's part in a run ended: the run is over (or the node was stopped by its owner), or Akka shut the node down.</summary>
    private sealed record NodeOutcome(bool Finished, bool Welcomed, string ShutdownReason);

    /// <summary>One node's join and work; <see cref="CoordinatorUnreachableException"/> if nobody welcomed it within <paramref name="joinTimeout"/>.</summary>
    private static async Task<NodeOutcome> WorkOnNodeAsync(
        ActorSystem system,
        Address seed,
        Func<ScenarioDescription, MarketModel> buildModel,
        int slots,
        NodeIdentity identity,
        TimeSpan joinTimeout,
        WorkerHooks hooks,
        CancellationToken cancellationToken)
    {
        var welcomed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var completion = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var coordinatorPath = new RootActorPath(seed) / "user" / CoordinatorName;
        var cluster = Akka.Cluster.Cluster.Get(system);
        var started = 0;
        void StartWorker()
        {
            if (Interlocked.Exchange(ref started, 1) == 0)
            {
                system.ActorOf(ClusterWorkerActor.PropsFor(coordinatorPath, buildModel, slots, identity, hooks, welcomed, completion), "worker");
            }
        }

        var terminated = system.WhenTerminated;
        cluster.RegisterOnMemberUp(StartWorker);
        cluster.Join(seed);
        await using var registration = cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = StartWhenWeaklyUpAsync(cluster, StartWorker, timeout.Token);
        await Task.WhenAny(welcomed.Task, completion.Task, terminated, Task.Delay(joinTimeout, timeout.Token)).ConfigureAwait(false);
        await timeout.CancelAsync().ConfigureAwait(false);
        if (!welcomed.Task.IsCompleted && !completion.Task.IsCompleted && !terminated.IsCompleted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new CoordinatorUnreachableException(seed, joinTimeout);
        }

        await Task.WhenAny(completion.Task, terminated).ConfigureAwait(false);
        if (completion.Task.IsCompleted && (completion.Task.IsFaulted || completion.Task.IsCanceled || completion.Task.Result))
        {
            await completion.Task.ConfigureAwait(false); // refused, cancelled, or the run is over
            return new NodeOutcome(Finished: true, Welcomed: true, "");
        }

        // The worker stopped because its node is going down, or the node went down before the worker started.
        await terminated.ConfigureAwait(false);
        var reason = CoordinatedShutdown.Get(system).ShutdownReason;
        // Terminate() by whoever owns the node (a test's crash, a host shutting down) is no reason to come back.
        var stoppedByOwner = reason is null or CoordinatedShutdown.ActorSystemTerminateReason;
        return new NodeOutcome(stoppedByOwner, welcomed.Task.IsCompleted, reason?.ToString() ?? "");
    }

    private static readonly TimeSpan RejoinPause = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A node that joins while another is leaving or unreachable is not moved to Up until the cluster
    /// converges again, which can take longer than any join timeout;
    /// Akka makes it WeaklyUp after allow-weakly-up-members (7 s). It reaches the coordinator then as well,
    /// so it starts working instead of waiting for Up (a test saw a worker wait the whole join timeout).
    /// </summary>
    private static async Task StartWhenWeaklyUpAsync(Akka.Cluster.Cluster cluster, Action startWorker, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (cluster.SelfMember.Status == MemberStatus.WeaklyUp)
            {
                startWorker();
                return;
            }

            try
            {
                await Task.Delay(WeaklyUpPollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static readonly TimeSpan WeaklyUpPollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The transport's protocol: TLS only (ConfigFor), so addresses read akka.ssl.tcp://marketsim@host:port.</summary>
    public const string Protocol = "akka.ssl.tcp";

    /// <summary>Parses akka.ssl.tcp://marketsim@host:port (akka.tcp:// is taken to mean the same node: every node speaks TLS).</summary>
    public static Address ParseAddress(string address)
    {
        var parsed = Address.Parse(address);
        if (parsed.System != SystemName || parsed.Host is null || parsed.Port is null || parsed.Protocol is not ("akka.tcp" or Protocol))
        {
            throw new FormatException($"expected {Protocol}://{SystemName}@host:port, found '{address}'");
        }

        return new Address(Protocol, parsed.System, parsed.Host, parsed.Port);
    }
}

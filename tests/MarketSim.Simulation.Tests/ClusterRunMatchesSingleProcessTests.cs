using MarketSim.Simulation.Messages;
using System.Collections.Concurrent;
using Akka.Actor;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Cluster;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Tests;

/// <summary>
/// A coordinator and two workers, each its own ActorSystem on a free 127.0.0.1 port with mutual TLS,
/// run the test market; every metric must equal the single-process run bit for bit
/// (docs/theory.md §6), also when a worker dies holding work, reports twice, or fails a replication.
/// </summary>
public sealed class ClusterRunMatchesSingleProcessTests : IClassFixture<ClusterRunMatchesSingleProcessTests.Credentials>
{
    private const int Replications = 24;
    // A bound on a hang, not a speed target: a dead worker is noticed through cluster leave and gossip, which
    // under a loaded two-core CI run took longer than 25 s once.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly MarketModel Model = TestMarkets.Uniform(sellers: 300);
    private static readonly IReadOnlyList<ReplicationResult> SingleProcess = SimulationRunner.RunInProcess(Model, Replications);
    private static readonly NodeIdentity Identity = new("1.0.0+test", "scenario-sha");
    private readonly Credentials credentials;

    public ClusterRunMatchesSingleProcessTests(Credentials credentials) => this.credentials = credentials;

    [Fact]
    public async Task Two_workers_give_every_metric_of_the_single_process_run()
    {
        var ranOn = new ConcurrentDictionary<int, string>();
        var hooks = new WorkerHooks((model, replication, workspace) =>
        {
            ranOn[replication] = "worker";
            return ReplicationRunner.Run(model, replication, workspace);
        }, _ => 1);
        await using var cluster = await TestCluster.StartAsync(credentials.Run, hooks, hooks);

        var run = await cluster.RunAsync();

        BitwiseAssert.Equal(SingleProcess, run.Results);
        Assert.Equal(0, run.Requeued);
        Assert.Equal(0, run.DuplicatesDropped);
        // The coordinator has no local slots: the workers ran every replication, and the provenance says so.
        Assert.Equal(Replications, ranOn.Count);
        Assert.Equal(Replications, run.Contributors.Sum(worker => worker.Replications));
        Assert.All(run.Contributors, worker => Assert.Equal(Identity.ToolVersion, worker.ToolVersion));
    }

    [Fact]
    public async Task A_worker_that_dies_holding_work_loses_nothing()
    {
        var taken = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The doomed worker computes but never reports (0 copies), as if it died mid-replication;
        // the test then shuts its ActorSystem down (cluster leave, its slots terminate).
        var doomed = new WorkerHooks(ReplicationRunner.Run, result =>
        {
            taken.TrySetResult(result.Replication);
            return 0;
        });
        await using var cluster = await TestCluster.StartAsync(credentials.Run, doomed, WorkerHooks.Default, startSecondAfterFirstTakesWork: taken.Task);

        // The survivor joins while the doomed worker leaves: dialling the leaving node can fail its TLS handshake,
        // and Akka.Remote then shuts the survivor's node down; the survivor must come back on a fresh node.
        var runTask = cluster.RunAsync();
        await taken.Task.WaitAsync(Timeout);
        await cluster.NodesOf(0)[^1].Terminate().WaitAsync(Timeout);
        var run = await runTask;

        BitwiseAssert.Equal(SingleProcess, run.Results);
        Assert.Equal(0, run.DuplicatesDropped);
        var survivorNodes = cluster.NodesOf(1).Select(node => ClusterRunner.AddressOf(node).ToString()).ToArray();
        Assert.All(run.Contributors, worker => Assert.Contains(worker.Address, survivorNodes));
        Assert.Equal(Replications, run.Contributors.Sum(worker => worker.Replications));
        // At least the replication the doomed worker held was re-queued (one per slot it had; it has two slots),
        // plus up to two per survivor node that Akka shut down under it.
        Assert.InRange(run.Requeued, 1, 2 * survivorNodes.Length);
        Assert.InRange(run.Contributors.Sum(worker => worker.Reran), 1, run.Requeued);
    }

    [Fact]
    public async Task A_worker_whose_node_akka_shuts_down_while_joining_joins_again_on_a_fresh_node()
    {
        // The seed's port first belongs to something that accepts TCP and drops it mid-TLS-handshake, as a node
        // shutting down does: Akka.Remote then runs CoordinatedShutdown on the dialling worker's node (deterministically,
        // on its first join attempt). The coordinator takes the port over once that has happened.
        var port = FreeLoopbackPort();
        var seed = new Address(ClusterRunner.Protocol, ClusterRunner.SystemName, "127.0.0.1", port);
        var reports = new ConcurrentQueue<string>();
        var shutDown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nodes = new ConcurrentQueue<ActorSystem>();
        ActorSystem StartNode()
        {
            var node = ClusterRunner.CreateSystem("127.0.0.1", 0, credentials.Run, TestCluster.Fast);
            nodes.Enqueue(node);
            return node;
        }

        ClusterRunResult run;
        Task worker;
        using (var closingNode = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port))
        {
            closingNode.Start();
            var dropping = DropEveryConnectionAsync(closingNode);
            worker = ClusterRunner.WorkAsync(StartNode, seed, _ => Model, 2, Identity, TimeSpan.FromSeconds(30), line =>
            {
                reports.Enqueue(line);
                shutDown.TrySetResult();
            }, WorkerHooks.Default, CancellationToken.None);
            await shutDown.Task.WaitAsync(Timeout);
            closingNode.Stop();
            await dropping;
        }

        var coordinator = await StartCoordinatorOnAsync(port);
        try
        {
            run = await ClusterRunner.CoordinateAsync(coordinator, Model,
                new ScenarioDescription(Guid.NewGuid().ToString("N"), "actor-test", "(built in code)", Model.Seed, Replications),
                Identity, localSlots: 0, toRun: null, onCompleted: null, report: null, WorkerHooks.Default, CancellationToken.None).WaitAsync(Timeout);
            await worker.WaitAsync(Timeout);
        }
        finally
        {
            await Task.WhenAll(nodes.Select(node => node.Terminate()).Append(coordinator.Terminate())).WaitAsync(Timeout);
        }

        BitwiseAssert.Equal(SingleProcess, run.Results);
        Assert.Contains(reports, line => line.Contains("was shut down by Akka (TLS handshake failed", StringComparison.Ordinal));
        Assert.True(nodes.Count >= 2, "the worker came back on a fresh node");
        var contributor = Assert.Single(run.Contributors);
        Assert.Equal(ClusterRunner.AddressOf(nodes.Last()).ToString(), contributor.Address);
        Assert.Equal(Replications, contributor.Replications);
    }

    /// <summary>Accepts each connection and resets it at once (no TIME_WAIT left on the port), until the listener stops.</summary>
    private static async Task DropEveryConnectionAsync(System.Net.Sockets.TcpListener listener)
    {
        try
        {
            while (true)
            {
                using var connection = await listener.AcceptSocketAsync();
                connection.LingerState = new System.Net.Sockets.LingerOption(true, 0);
                connection.Close();
            }
        }
        catch (Exception exception) when (exception is System.Net.Sockets.SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // stopped
        }
    }

    /// <summary>The coordinator's node on <paramref name="port"/>, once the port is free again (bounded).</summary>
    private async Task<ActorSystem> StartCoordinatorOnAsync(int port)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return ClusterRunner.CreateSystem("127.0.0.1", port, credentials.Run, TestCluster.Fast);
            }
            catch (PortInUseException) when (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task A_replication_reported_twice_is_counted_once()
    {
        var twice = new WorkerHooks(ReplicationRunner.Run, _ => 2);
        await using var cluster = await TestCluster.StartAsync(credentials.Run, twice, twice);

        var run = await cluster.RunAsync();

        BitwiseAssert.Equal(SingleProcess, run.Results);
        // Every replication's second copy was dropped, except those still in the mailbox when the run ended.
        Assert.InRange(run.DuplicatesDropped, Replications - 4, Replications);
        Assert.Equal(Replications, run.Contributors.Sum(worker => worker.Replications));
    }

    [Fact]
    public async Task A_replication_failing_on_one_worker_is_rerun_on_the_other()
    {
        var flaky = new WorkerHooks(
            (model, replication, workspace) => replication == 5
                ? throw new InvalidOperationException("out of memory on this machine")
                : ReplicationRunner.Run(model, replication, workspace),
            _ => 1);
        await using var cluster = await TestCluster.StartAsync(credentials.Run, flaky, WorkerHooks.Default);

        var run = await cluster.RunAsync();

        BitwiseAssert.Equal(SingleProcess, run.Results);
        Assert.InRange(run.Requeued, 0, 1); // 0 when the healthy worker happened to take replication 5 first
        Assert.Equal(Replications, run.Contributors.Sum(worker => worker.Replications));
    }

    [Fact]
    public async Task A_replication_failing_on_two_workers_fails_the_run_naming_it()
    {
        var broken = new WorkerHooks(
            (model, replication, workspace) => replication == 7
                ? throw new InvalidOperationException("division by zero")
                : ReplicationRunner.Run(model, replication, workspace),
            _ => 1);
        await using var cluster = await TestCluster.StartAsync(credentials.Run, broken, broken);
        var reports = new ConcurrentQueue<string>();

        var failure = await Assert.ThrowsAsync<ReplicationFailedException>(() => cluster.RunAsync(reports.Enqueue));

        Assert.Equal(7, failure.Replication);
        Assert.Contains("division by zero", failure.InnerException!.Message);
        Assert.Contains(reports, line => line.Contains("replication 7 failed on worker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Workers_with_another_runs_credentials_or_none_cannot_join()
    {
        await using var cluster = await TestCluster.StartAsync(credentials.Run, WorkerHooks.Default, WorkerHooks.Default);
        var seed = ClusterRunner.AddressOf(cluster.Coordinator);
        var intruderRan = 0;
        var intruderHooks = new WorkerHooks((model, replication, workspace) =>
        {
            Interlocked.Increment(ref intruderRan);
            return ReplicationRunner.Run(model, replication, workspace);
        }, _ => 1);
        // Another run's certificate: the TLS handshake fails both ways, so it never even reaches the coordinator
        // (and Akka shuts each of its nodes down: it tries a fresh one until its join timeout).
        ActorSystem Stranger() => ClusterRunner.CreateSystem("127.0.0.1", 0, credentials.Other, TestCluster.Fast);
        // No TLS at all: a plain akka.tcp node (Akka.Remote's default transport) dialling the same port.
        ActorSystem Plain() => ActorSystem.Create(ClusterRunner.SystemName, TestCluster.Fast
            .WithFallback(Akka.Configuration.ConfigurationFactory.ParseString("akka.remote.dot-netty.tcp.enable-ssl = false"))
            .WithFallback(ClusterRunner.ConfigFor("127.0.0.1", 0)));
        var strangerRun = ClusterRunner.WorkAsync(Stranger, seed, _ => Model, 2, Identity, TimeSpan.FromSeconds(3), null, intruderHooks, CancellationToken.None);
        var plainSeed = new Address("akka.tcp", seed.System, seed.Host, seed.Port);
        var plainRun = ClusterRunner.WorkAsync(Plain, plainSeed, _ => Model, 2, Identity, TimeSpan.FromSeconds(3), null, intruderHooks, CancellationToken.None);

        var run = await cluster.RunAsync();

        BitwiseAssert.Equal(SingleProcess, run.Results);
        await Assert.ThrowsAsync<CoordinatorUnreachableException>(() => strangerRun.WaitAsync(Timeout));
        await Assert.ThrowsAsync<CoordinatorUnreachableException>(() => plainRun.WaitAsync(Timeout));
        Assert.Equal(0, intruderRan);
        var legitimate = cluster.NodesOf(0).Concat(cluster.NodesOf(1)).Select(worker => ClusterRunner.AddressOf(worker).ToString()).ToArray();
        Assert.All(run.Contributors, worker => Assert.Contains(worker.Address, legitimate));
        Assert.Equal(Replications, run.Contributors.Sum(worker => worker.Replications));
    }

    [Fact]
    public async Task A_worker_of_another_version_or_scenario_is_refused_naming_the_difference()
    {
        await using var cluster = await TestCluster.StartAsync(credentials.Run, WorkerHooks.Default, WorkerHooks.Default);
        var seed = ClusterRunner.AddressOf(cluster.Coordinator);
        var reports = new ConcurrentQueue<string>();
        var runTask = cluster.RunAsync(reports.Enqueue);
        ActorSystem NewNode() => ClusterRunner.CreateSystem("127.0.0.1", 0, credentials.Run, TestCluster.Fast);

        var versionRefusal = await Assert.ThrowsAsync<WorkerRefusedException>(() => ClusterRunner.WorkAsync(
            NewNode, seed, _ => Model, 1, Identity with { ToolVersion = "0.9.0+abc" }, Timeout, null, WorkerHooks.Default, CancellationToken.None));
        var scenarioRefusal = await Assert.ThrowsAsync<WorkerRefusedException>(() => ClusterRunner.WorkAsync(
            NewNode, seed, _ => Model, 1, Identity with { ScenarioSha256 = "0ther" }, Timeout, null, WorkerHooks.Default, CancellationToken.None));

        Assert.Contains("0.9.0+abc", versionRefusal.Message);
        Assert.Contains(Identity.ToolVersion, versionRefusal.Message);
        Assert.DoesNotContain("scenario", versionRefusal.Message);
        Assert.Contains("0ther", scenarioRefusal.Message);
        Assert.DoesNotContain("version", scenarioRefusal.Message);
        var run = await runTask;
        BitwiseAssert.Equal(SingleProcess, run.Results);
        Assert.Contains(reports, line => line.StartsWith("refused worker", StringComparison.Ordinal) && line.Contains("0.9.0+abc", StringComparison.Ordinal));
    }

    /// <summary>Two runs' credentials, created once for the class (an RSA key takes a moment).</summary>
    public sealed class Credentials : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("marketsim-cluster-").FullName;

        public Credentials()
        {
            Run = ClusterCredentials.Create(Path.Combine(folder, "run"));
            Other = ClusterCredentials.Create(Path.Combine(folder, "other"));
        }

        public ClusterCredentials Run { get; }
        public ClusterCredentials Other { get; }

        public void Dispose() => Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Coordinator (seed, no local slots) plus two workers with two slots each. A worker whose node Akka
    /// shuts down starts a fresh one (ClusterRunner.WorkAsync): every node a worker ever ran on is kept.
    /// </summary>
    private sealed class TestCluster : IAsyncDisposable
    {
        private readonly List<Task> workerRuns = [];
        private readonly List<ActorSystem>[] nodes = [[], []];
        private readonly ClusterCredentials credentials;
        private readonly ScenarioDescription scenario =
            new(Guid.NewGuid().ToString("N"), "actor-test", "(built in code)", Model.Seed, Replications);

        private TestCluster(ClusterCredentials credentials, ActorSystem coordinator)
        {
            this.credentials = credentials;
            Coordinator = coordinator;
        }

        public ActorSystem Coordinator { get; }

        /// <summary>Loopback only; gossip and leader actions 5x faster than the defaults so joins and leaves take well under a second.</summary>
        public static readonly Akka.Configuration.Config Fast = Akka.Configuration.ConfigurationFactory.ParseString("""
            akka.cluster {
              gossip-interval = 200ms
              leader-actions-interval = 200ms
              periodic-tasks-initial-delay = 100ms
            }
            """);

        /// <summary>Every node worker <paramref name="worker"/> has run on so far, oldest first.</summary>
        public IReadOnlyList<ActorSystem> NodesOf(int worker)
        {
            lock (nodes)
            {
                return nodes[worker].ToArray();
            }
        }

        public static Task<TestCluster> StartAsync(
            ClusterCredentials credentials, WorkerHooks first, WorkerHooks second, Task? startSecondAfterFirstTakesWork = null)
        {
            var coordinator = ClusterRunner.CreateSystem("127.0.0.1", 0, credentials, Fast);
            var cluster = new TestCluster(credentials, coordinator);
            var seed = ClusterRunner.AddressOf(coordinator);
            Assert.Equal("127.0.0.1", seed.Host);
            Assert.Equal(ClusterRunner.Protocol, seed.Protocol);
            cluster.workerRuns.Add(ClusterRunner.WorkAsync(cluster.NodeMaker(0), seed, _ => Model, 2, Identity, Timeout, null, first, CancellationToken.None));
            cluster.workerRuns.Add(StartLater(cluster.NodeMaker(1), seed, second, startSecondAfterFirstTakesWork));
            return Task.FromResult(cluster);
        }

        public Task<ClusterRunResult> RunAsync(Action<string>? report = null) =>
            ClusterRunner.CoordinateAsync(
                Coordinator, Model, scenario, Identity, localSlots: 0, toRun: null, onCompleted: null, report, WorkerHooks.Default,
                CancellationToken.None).WaitAsync(Timeout);

        public async ValueTask DisposeAsync()
        {
            // All at once; bounded so nothing hangs CI.
            var all = NodesOf(0).Concat(NodesOf(1)).Append(Coordinator);
            await Task.WhenAll(all.Select(node => node.Terminate())).WaitAsync(Timeout);
        }

        /// <summary>
        /// The worker's first node exists from the start (so a worker started late joins at once, as the race
        /// in the dies-holding-work test needs); each later call makes a fresh one.
        /// </summary>
        private Func<ActorSystem> NodeMaker(int worker)
        {
            var first = ClusterRunner.CreateSystem("127.0.0.1", 0, credentials, Fast);
            lock (nodes)
            {
                nodes[worker].Add(first);
            }

            var calls = 0;
            return () =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    return first;
                }

                var node = ClusterRunner.CreateSystem("127.0.0.1", 0, credentials, Fast);
                lock (nodes)
                {
                    nodes[worker].Add(node);
                }

                return node;
            };
        }

        private static async Task StartLater(Func<ActorSystem> startNode, Address seed, WorkerHooks hooks, Task? after)
        {
            if (after is not null)
            {
                await after.WaitAsync(Timeout);
            }

            await ClusterRunner.WorkAsync(startNode, seed, _ => Model, 2, Identity, Timeout, null, hooks, CancellationToken.None);
        }
    }
}

using System.Collections.Concurrent;
using Akka.Actor;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Cluster;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Tests;

/// <summary>
/// A coordinator and two workers, each its own ActorSystem on a free 127.0.0.1 port, run the test
/// market; every metric must equal the single-process run bit for bit (SPEC 6), also when a worker
/// dies holding work or reports a replication twice.
/// </summary>
public sealed class ClusterRunMatchesSingleProcessTests
{
    private const int Replications = 24;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(25);
    private static readonly MarketModel Model = TestMarkets.Uniform(sellers: 300);
    private static readonly IReadOnlyList<ReplicationResult> SingleProcess = SimulationRunner.RunInProcess(Model, Replications);

    [Fact]
    public async Task Two_workers_give_every_metric_of_the_single_process_run()
    {
        var ranOn = new ConcurrentDictionary<int, string>();
        var hooks = new WorkerHooks((model, replication, workspace) =>
        {
            ranOn[replication] = "worker";
            return ReplicationRunner.Run(model, replication, workspace);
        }, _ => 1);
        await using var cluster = await TestCluster.StartAsync(hooks, hooks);

        var run = await cluster.RunAsync();

        BitwiseAssert.Equal(SingleProcess, run.Results);
        Assert.Equal(0, run.Requeued);
        Assert.Equal(0, run.DuplicatesDropped);
        // The coordinator has no local slots: the workers ran every replication.
        Assert.Equal(Replications, ranOn.Count);
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
        await using var cluster = await TestCluster.StartAsync(doomed, WorkerHooks.Default, startSecondAfterFirstTakesWork: taken.Task);

        var runTask = cluster.RunAsync();
        await taken.Task.WaitAsync(Timeout);
        await cluster.Workers[0].Terminate().WaitAsync(Timeout);
        var run = await runTask;

        BitwiseAssert.Equal(SingleProcess, run.Results);
        // At least the replication it held was re-queued (one per slot it had; it has two slots).
        Assert.InRange(run.Requeued, 1, 2);
        Assert.Equal(0, run.DuplicatesDropped);
    }

    [Fact]
    public async Task A_replication_reported_twice_is_counted_once()
    {
        var twice = new WorkerHooks(ReplicationRunner.Run, _ => 2);
        await using var cluster = await TestCluster.StartAsync(twice, twice);

        var run = await cluster.RunAsync();

        BitwiseAssert.Equal(SingleProcess, run.Results);
        // Every replication's second copy was dropped, except those still in the mailbox when the run ended.
        Assert.InRange(run.DuplicatesDropped, Replications - 4, Replications);
    }

    /// <summary>Coordinator (seed, no local slots) plus two workers with two slots each.</summary>
    private sealed class TestCluster : IAsyncDisposable
    {
        private readonly List<Task> workerRuns = [];
        private readonly ScenarioDescription scenario =
            new(Guid.NewGuid().ToString("N"), "actor-test", "(built in code)", Model.Seed, Replications);

        private TestCluster(ActorSystem coordinator, ActorSystem[] workers)
        {
            Coordinator = coordinator;
            Workers = workers;
        }

        public ActorSystem Coordinator { get; }
        public ActorSystem[] Workers { get; }
        private Task<ClusterRunResult>? run;

        /// <summary>Loopback only; gossip and leader actions 5x faster than the defaults so joins and leaves take well under a second.</summary>
        private static readonly Akka.Configuration.Config Fast = Akka.Configuration.ConfigurationFactory.ParseString("""
            akka.cluster {
              gossip-interval = 200ms
              leader-actions-interval = 200ms
              periodic-tasks-initial-delay = 100ms
            }
            """);

        private static ActorSystem NewSystem() => ClusterRunner.CreateSystem("127.0.0.1", 0, Fast);

        public static async Task<TestCluster> StartAsync(WorkerHooks first, WorkerHooks second, Task? startSecondAfterFirstTakesWork = null)
        {
            var coordinator = NewSystem();
            var cluster = new TestCluster(coordinator, [NewSystem(), NewSystem()]);
            var seed = ClusterRunner.AddressOf(coordinator);
            Assert.Equal("127.0.0.1", seed.Host);
            cluster.workerRuns.Add(ClusterRunner.WorkAsync(cluster.Workers[0], seed, _ => Model, 2, first, CancellationToken.None));
            cluster.workerRuns.Add(StartLater(cluster.Workers[1], seed, second, startSecondAfterFirstTakesWork));
            await Task.CompletedTask;
            return cluster;
        }

        public Task<ClusterRunResult> RunAsync()
        {
            run = ClusterRunner.CoordinateAsync(
                Coordinator, Model, scenario, localSlots: 0, onCompleted: null, WorkerHooks.Default, CancellationToken.None);
            return run.WaitAsync(Timeout);
        }

        public async ValueTask DisposeAsync()
        {
            // All at once; bounded so nothing hangs CI.
            await Task.WhenAll(Workers.Select(worker => worker.Terminate()).Append(Coordinator.Terminate())).WaitAsync(Timeout);
        }

        private static async Task StartLater(ActorSystem system, Akka.Actor.Address seed, WorkerHooks hooks, Task? after)
        {
            if (after is not null)
            {
                await after.WaitAsync(Timeout);
            }

            await ClusterRunner.WorkAsync(system, seed, _ => Model, 2, hooks, CancellationToken.None);
        }
    }
}

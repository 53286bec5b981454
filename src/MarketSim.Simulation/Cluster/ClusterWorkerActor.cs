using MarketSim.Simulation.Messages;
using Akka.Actor;
using MarketSim.Core.Replications;

namespace MarketSim.Simulation.Cluster;

/// <summary>
/// One per worker node: registers with the coordinator stating its <see cref="NodeIdentity"/>
/// (retrying until answered, the coordinator may still be starting), rebuilds the
/// <see cref="MarketModel"/> from the scenario it is sent, and starts its slots. Completes with true when the
/// run finishes or the coordinator goes away (its node left), with false when the actor stops for any other
/// reason (its own node is shutting down: <see cref="ClusterRunner"/> then joins again on a fresh node);
/// fails with <see cref="WorkerRefusedException"/> when the coordinator refuses it.
/// </summary>
internal sealed class ClusterWorkerActor : ReceiveActor, IWithTimers
{
    private const string RetryKey = "register";
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private readonly ActorPath coordinatorPath;
    private readonly Func<ScenarioDescription, MarketModel> buildModel;
    private readonly int slots;
    private readonly NodeIdentity identity;
    private readonly WorkerHooks hooks;
    private readonly TaskCompletionSource<bool> welcomed;
    private readonly TaskCompletionSource<bool> completion;
    private string? runId;

    public ClusterWorkerActor(
        ActorPath coordinatorPath, Func<ScenarioDescription, MarketModel> buildModel, int slots, NodeIdentity identity, WorkerHooks hooks,
        TaskCompletionSource<bool> welcomed, TaskCompletionSource<bool> completion)
    {
        this.coordinatorPath = coordinatorPath;
        this.buildModel = buildModel;
        this.slots = slots;
        this.identity = identity;
        this.hooks = hooks;
        this.welcomed = welcomed;
        this.completion = completion;
        Receive<RegisterWorker>(register => Context.ActorSelection(coordinatorPath).Tell(register));
        Receive<Welcome>(Start);
        Receive<Refused>(refused =>
        {
            completion.TrySetException(new WorkerRefusedException(refused.Reason));
            Context.Stop(Self);
        });
        Receive<RunFinished>(finished =>
        {
            if (finished.RunId == runId)
            {
                Done();
            }
        });
        Receive<Terminated>(_ => Done());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props PropsFor(
        ActorPath coordinatorPath, Func<ScenarioDescription, MarketModel> buildModel, int slots, NodeIdentity identity, WorkerHooks hooks,
        TaskCompletionSource<bool> welcomed, TaskCompletionSource<bool> completion) =>
        Props.Create(() => new ClusterWorkerActor(coordinatorPath, buildModel, slots, identity, hooks, welcomed, completion));

    protected override void PreStart()
    {
        var register = new RegisterWorker(slots, identity.ToolVersion, identity.ScenarioSha256);
        Context.ActorSelection(coordinatorPath).Tell(register);
        Timers.StartPeriodicTimer(RetryKey, register, RetryInterval);
    }

    // Stopped without RunFinished or the coordinator's Terminated: this node is going down under us.
    protected override void PostStop() => completion.TrySetResult(false);

    private void Start(Welcome welcome)
    {
        if (runId is not null)
        {
            return; // a retried registration was welcomed twice
        }

        Timers.Cancel(RetryKey);
        welcomed.TrySetResult(true);
        runId = welcome.Scenario.RunId;
        var coordinator = Sender;
        Context.Watch(coordinator);
        MarketModel model;
        try
        {
            model = buildModel(welcome.Scenario);
        }
        catch (Exception exception)
        {
            // This worker cannot help (e.g. a data file missing here); the run goes on with the others.
            coordinator.Tell(new WorkFailed(runId, -1, exception.Message));
            completion.TrySetException(new WorkerRefusedException($"could not rebuild the scenario: {exception.Message}"));
            Context.Stop(Self);
            return;
        }

        for (var slot = 0; slot < slots; slot++)
        {
            Context.ActorOf(ClusterSlotActor.PropsFor(model, runId, coordinator, hooks), $"slot-{slot}");
        }
    }

    private void Done()
    {
        completion.TrySetResult(true);
        Context.Stop(Self);
    }
}

/// <summary>The coordinator refused this worker (another version or scenario), or it could not take part.</summary>
public sealed class WorkerRefusedException(string reason) : Exception(reason);

/// <summary>No coordinator answered within the join timeout.</summary>
public sealed class CoordinatorUnreachableException(Akka.Actor.Address seed, TimeSpan timeout)
    : Exception($"no coordinator answered at {seed} within {timeout.TotalSeconds:0} s (is it running, with these credentials, and is its port reachable?)");

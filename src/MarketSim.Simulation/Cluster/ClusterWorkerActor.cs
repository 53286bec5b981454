using Akka.Actor;
using MarketSim.Core.Replications;

namespace MarketSim.Simulation.Cluster;

/// <summary>
/// One per worker node: registers with the coordinator (retrying until welcomed, the coordinator may
/// still be starting), rebuilds the <see cref="MarketModel"/> from the scenario it is sent, and starts
/// its slots. Completes when the run finishes or the coordinator goes away (its node left).
/// </summary>
internal sealed class ClusterWorkerActor : ReceiveActor, IWithTimers
{
    private const string RetryKey = "register";
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private readonly ActorPath coordinatorPath;
    private readonly Func<ScenarioDescription, MarketModel> buildModel;
    private readonly int slots;
    private readonly WorkerHooks hooks;
    private readonly TaskCompletionSource<bool> completion;
    private string? runId;

    public ClusterWorkerActor(
        ActorPath coordinatorPath, Func<ScenarioDescription, MarketModel> buildModel, int slots, WorkerHooks hooks,
        TaskCompletionSource<bool> completion)
    {
        this.coordinatorPath = coordinatorPath;
        this.buildModel = buildModel;
        this.slots = slots;
        this.hooks = hooks;
        this.completion = completion;
        Receive<RegisterWorker>(register => Context.ActorSelection(coordinatorPath).Tell(register));
        Receive<Welcome>(Start);
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
        ActorPath coordinatorPath, Func<ScenarioDescription, MarketModel> buildModel, int slots, WorkerHooks hooks,
        TaskCompletionSource<bool> completion) =>
        Props.Create(() => new ClusterWorkerActor(coordinatorPath, buildModel, slots, hooks, completion));

    protected override void PreStart()
    {
        var register = new RegisterWorker(slots);
        Context.ActorSelection(coordinatorPath).Tell(register);
        Timers.StartPeriodicTimer(RetryKey, register, RetryInterval);
    }

    protected override void PostStop() => completion.TrySetResult(true);

    private void Start(Welcome welcome)
    {
        if (runId is not null)
        {
            return; // a retried registration was welcomed twice
        }

        Timers.Cancel(RetryKey);
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
            // Same text, same code: the coordinator's own build would fail alike, so fail the run.
            coordinator.Tell(new WorkFailed(runId, 0, $"the worker could not rebuild the scenario: {exception.Message}"));
            Done();
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

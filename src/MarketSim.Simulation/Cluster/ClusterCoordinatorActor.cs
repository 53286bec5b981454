using MarketSim.Simulation.Messages;
using Akka.Actor;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Cluster;

/// <summary>What the coordinator of one run needs: the scenario, the replications still to run, and who may join.</summary>
internal sealed record CoordinatorSettings(ScenarioDescription Scenario, IReadOnlyList<int> ToRun, NodeIdentity Identity);

/// <summary>
/// Admits workers whose version and scenario match (<see cref="NodeIdentity"/>), hands replications to
/// their slots as they pull them, and keeps the books in a <see cref="ReplicationLedger{TSlot}"/>: a
/// result counts only from the slot the replication was assigned to, once; a failure or a lost slot
/// re-runs the replication on another worker, and only a replication failing on two different workers
/// fails the run (<see cref="FailurePolicy.Cluster"/>). Everything dropped or refused is one line on
/// <c>report</c> (standard error in the CLI).
/// </summary>
internal sealed class ClusterCoordinatorActor : ReceiveActor
{
    private readonly CoordinatorSettings settings;
    private readonly Action<ContributedReplication>? onCompleted;
    private readonly Action<string> report;
    private readonly TaskCompletionSource<ClusterRunResult> completion;
    private readonly ReplicationLedger<IActorRef> ledger;
    private readonly Dictionary<Address, Contributor> admitted = [];
    private readonly HashSet<IActorRef> workers = [];
    private readonly List<IActorRef> idleSlots = [];
    private readonly Address selfAddress;
    private int dropped;

    public ClusterCoordinatorActor(
        CoordinatorSettings settings, Action<ContributedReplication>? onCompleted, Action<string> report,
        TaskCompletionSource<ClusterRunResult> completion)
    {
        this.settings = settings;
        this.onCompleted = onCompleted;
        this.report = report;
        this.completion = completion;
        // A caller that takes each result as it arrives (the CLI journals it) streams them: the ledger then keeps
        // none, so the coordinator's memory stays flat in the replication count, as a local run's does.
        ledger = new ReplicationLedger<IActorRef>(settings.ToRun, FailurePolicy.Cluster, keepResults: onCompleted is null);
        selfAddress = Akka.Cluster.Cluster.Get(Context.System).SelfAddress;

        Receive<RegisterWorker>(Register);
        Receive<RequestWork>(request => OnCurrentRun(request.RunId, () => Assign(Sender)));
        Receive<ReplicationDone>(done => OnCurrentRun(done.RunId, () => Collect(done)));
        Receive<WorkFailed>(failed => OnCurrentRun(failed.RunId, () => Failed(failed)));
        Receive<Terminated>(Left);
    }

    private ScenarioDescription Scenario => settings.Scenario;

    public static Props PropsFor(
        CoordinatorSettings settings, Action<ContributedReplication>? onCompleted, Action<string> report,
        TaskCompletionSource<ClusterRunResult> completion) =>
        Props.Create(() => new ClusterCoordinatorActor(settings, onCompleted, report, completion));

    protected override void PreStart()
    {
        if (ledger.IsComplete)
        {
            Finish();
        }
    }

    // Safety net: however the coordinator stops, the caller never hangs.
    protected override void PostStop() =>
        completion.TrySetException(new InvalidOperationException("the cluster coordinator stopped before the run completed"));

    private void OnCurrentRun(string runId, Action handle)
    {
        if (runId == Scenario.RunId)
        {
            handle();
        }
        else
        {
            Drop($"a message of another run ({runId}) from {NodeOf(Sender)}");
        }
    }

    /// <summary>The worker node an actor lives on (local actors: this node).</summary>
    private Address NodeOf(IActorRef actor) => actor.Path.Address.HasLocalScope ? selfAddress : actor.Path.Address;

    private void Register(RegisterWorker register)
    {
        var node = NodeOf(Sender);
        var worker = new NodeIdentity(register.ToolVersion ?? "(none)", register.ScenarioSha256 ?? "(none)");
        if (settings.Identity.DifferenceFrom(worker) is { } difference)
        {
            Sender.Tell(new Refused(difference));
            report($"refused worker {node}: {difference}");
            return;
        }

        if (!admitted.ContainsKey(node))
        {
            admitted[node] = new Contributor(worker.ToolVersion);
            report($"worker {node} joined with {register.Slots} slots");
        }

        if (workers.Add(Sender))
        {
            Context.Watch(Sender);
        }

        Sender.Tell(new Welcome(Scenario));
    }

    private void Assign(IActorRef slot)
    {
        var node = NodeOf(slot);
        if (!admitted.ContainsKey(node))
        {
            Drop($"a work request from {node}, which was never admitted");
            return;
        }

        Context.Watch(slot);
        if (completion.Task.IsCompleted)
        {
            return;
        }

        if (ledger.TryAssign(slot, node.ToString(), out var replication))
        {
            slot.Tell(new Work(Scenario.RunId, replication));
        }
        else if (!ledger.TryHeldBy(slot, out _) && !idleSlots.Contains(slot))
        {
            idleSlots.Add(slot);
        }
    }

    private void Collect(ReplicationDone done)
    {
        var node = NodeOf(Sender);
        Core.Replications.ReplicationResult result;
        try
        {
            result = done.ToResult();
        }
        catch (Exception exception) when (exception is IndexOutOfRangeException or ArgumentException or NullReferenceException)
        {
            Drop($"a malformed report of replication {done.Replication} from {node}");
            return;
        }

        var rerun = ledger.IsRerun(done.Replication);
        if (!admitted.TryGetValue(node, out var contributor) || !ledger.TryComplete(Sender, result))
        {
            Drop($"a report of replication {done.Replication} from {node}, which does not hold it");
            return;
        }

        contributor.Replications++;
        contributor.Reran += rerun ? 1 : 0;
        try
        {
            onCompleted?.Invoke(new ContributedReplication(result, node.ToString(), contributor.ToolVersion, rerun));
        }
        catch (Exception callbackFailure)
        {
            Fail(callbackFailure);
            return;
        }

        if (ledger.IsComplete)
        {
            Finish();
            return;
        }

        Assign(Sender);
    }

    private void Failed(WorkFailed failed)
    {
        var node = NodeOf(Sender);
        if (failed.Replication < 0)
        {
            report($"worker {node} could not rebuild the scenario: {failed.Reason}");
            return;
        }

        switch (ledger.Fail(Sender, failed.Replication, node.ToString()))
        {
            case LedgerVerdict.NotAssigned:
                Drop($"a failure of replication {failed.Replication} from {node}, which does not hold it");
                return;
            case LedgerVerdict.Requeued:
                report($"replication {failed.Replication} failed on worker {node} ({failed.Reason}); re-running it on another worker");
                DispatchToIdleSlots();
                Assign(Sender); // the report doubles as a request, as a result does
                return;
            default:
                Fail(new ReplicationFailedException(failed.Replication, new InvalidOperationException(
                    $"on workers {string.Join(" and ", ledger.FailedOn(failed.Replication))}: {failed.Reason}")));
                return;
        }
    }

    private void Left(Terminated terminated)
    {
        var actor = terminated.ActorRef;
        workers.Remove(actor);
        idleSlots.Remove(actor);
        switch (ledger.Lose(actor, out var replication))
        {
            case LedgerVerdict.Requeued:
                report($"worker {NodeOf(actor)} left holding replication {replication}; re-running it on another worker");
                DispatchToIdleSlots();
                break;
            case LedgerVerdict.RunFails:
                Fail(new ReplicationFailedException(replication, new InvalidOperationException(
                    $"its worker was lost {FailurePolicy.Cluster.MaxReruns + 1} times (last: {NodeOf(actor)})")));
                break;
        }
    }

    private void DispatchToIdleSlots()
    {
        foreach (var slot in idleSlots.ToArray())
        {
            idleSlots.Remove(slot);
            Assign(slot);
        }
    }

    private void Drop(string what)
    {
        dropped++;
        report($"dropped {what}");
    }

    private void TellWorkersFinished()
    {
        foreach (var worker in workers)
        {
            worker.Tell(new RunFinished(Scenario.RunId));
        }
    }

    private void Finish()
    {
        TellWorkersFinished();
        var contributors = admitted
            .Where(entry => entry.Value.Replications > 0)
            .Select(entry => new WorkerContribution(entry.Key.ToString(), entry.Value.ToolVersion, entry.Value.Replications, entry.Value.Reran))
            .ToArray();
        completion.TrySetResult(new ClusterRunResult(ledger.Results, ledger.Requeued, dropped, contributors));
    }

    private void Fail(Exception exception)
    {
        TellWorkersFinished();
        completion.TrySetException(exception);
        Context.Stop(Self);
    }

    private sealed class Contributor(string toolVersion)
    {
        public string ToolVersion { get; } = toolVersion;
        public int Replications { get; set; }
        public int Reran { get; set; }
    }
}

using Akka.Actor;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Cluster;

/// <summary>
/// Hands out replications to workers' slots that pull them (one in flight per slot) and stores
/// results by replication index. A slot that terminates (its node left, crashed and was downed, or
/// was shut down) gives its unfinished replication back to the front of the queue; a replication
/// reported twice (a late report after a re-queue) is counted once: the first report wins, and
/// since a replication is a pure function of its keys (SPEC 6) every report is bit-identical anyway.
/// </summary>
internal sealed class ClusterCoordinatorActor : ReceiveActor
{
    private readonly ScenarioDescription scenario;
    private readonly Action<ReplicationResult>? onCompleted;
    private readonly TaskCompletionSource<ClusterRunResult> completion;
    private readonly ReplicationResult?[] results;
    private readonly LinkedList<int> queue = new();
    private readonly Dictionary<IActorRef, int> inFlight = [];
    private readonly List<IActorRef> idleSlots = [];
    private readonly HashSet<IActorRef> workers = [];
    private int completedCount;
    private int requeued;
    private int duplicates;

    public ClusterCoordinatorActor(
        ScenarioDescription scenario, Action<ReplicationResult>? onCompleted, TaskCompletionSource<ClusterRunResult> completion)
    {
        this.scenario = scenario;
        this.onCompleted = onCompleted;
        this.completion = completion;
        results = new ReplicationResult?[scenario.Replications];
        for (var replication = 0; replication < scenario.Replications; replication++)
        {
            queue.AddLast(replication);
        }

        Receive<RegisterWorker>(Register);
        Receive<RequestWork>(request => OnCurrentRun(request.RunId, () => Assign(Sender)));
        Receive<ReplicationDone>(done => OnCurrentRun(done.RunId, () => Collect(done)));
        Receive<WorkFailed>(failed => OnCurrentRun(failed.RunId, () => Fail(new ReplicationFailedException(
            failed.Replication, new InvalidOperationException($"on worker {Sender.Path.Address}: {failed.Reason}")))));
        Receive<Terminated>(Left);
    }

    public static Props PropsFor(
        ScenarioDescription scenario, Action<ReplicationResult>? onCompleted, TaskCompletionSource<ClusterRunResult> completion) =>
        Props.Create(() => new ClusterCoordinatorActor(scenario, onCompleted, completion));

    protected override void PreStart()
    {
        if (scenario.Replications == 0)
        {
            Finish();
        }
    }

    // Safety net: however the coordinator stops, the caller never hangs.
    protected override void PostStop() =>
        completion.TrySetException(new InvalidOperationException("the cluster coordinator stopped before the run completed"));

    private void OnCurrentRun(string runId, Action handle)
    {
        if (runId == scenario.RunId)
        {
            handle();
        }
    }

    private void Register(RegisterWorker _)
    {
        if (workers.Add(Sender))
        {
            Context.Watch(Sender);
        }

        Sender.Tell(new Welcome(scenario));
    }

    private void Assign(IActorRef slot)
    {
        Context.Watch(slot);
        if (completion.Task.IsCompleted)
        {
            return;
        }

        if (queue.First is { } first)
        {
            queue.RemoveFirst();
            inFlight[slot] = first.Value;
            slot.Tell(new Work(scenario.RunId, first.Value));
        }
        else if (!idleSlots.Contains(slot))
        {
            idleSlots.Add(slot);
        }
    }

    private void Collect(ReplicationDone done)
    {
        if (inFlight.TryGetValue(Sender, out var expected) && expected == done.Replication)
        {
            inFlight.Remove(Sender);
        }

        if ((uint)done.Replication >= (uint)results.Length)
        {
            Fail(new InvalidOperationException($"worker {Sender.Path} reported replication {done.Replication} of a run of {results.Length}"));
            return;
        }

        if (results[done.Replication] is not null)
        {
            duplicates++; // counted once: the first report stands
        }
        else
        {
            var result = done.ToResult();
            results[done.Replication] = result;
            completedCount++;
            try
            {
                onCompleted?.Invoke(result);
            }
            catch (Exception callbackFailure)
            {
                Fail(callbackFailure);
                return;
            }
        }

        if (completedCount == results.Length)
        {
            Finish();
            return;
        }

        Assign(Sender);
    }

    private void Left(Terminated terminated)
    {
        var actor = terminated.ActorRef;
        workers.Remove(actor);
        idleSlots.Remove(actor);
        if (inFlight.Remove(actor, out var replication) && results[replication] is null)
        {
            // Re-run elsewhere, first in line: the run cannot finish without it.
            queue.AddFirst(replication);
            requeued++;
            DispatchToIdleSlots();
        }
    }

    private void DispatchToIdleSlots()
    {
        while (queue.Count > 0 && idleSlots.Count > 0)
        {
            var slot = idleSlots[0];
            idleSlots.RemoveAt(0);
            Assign(slot);
        }
    }

    private void Finish()
    {
        foreach (var worker in workers)
        {
            worker.Tell(new RunFinished(scenario.RunId));
        }

        completion.TrySetResult(new ClusterRunResult(results.Select(result => result!).ToArray(), requeued, duplicates));
    }

    private void Fail(Exception exception)
    {
        foreach (var worker in workers)
        {
            worker.Tell(new RunFinished(scenario.RunId));
        }

        completion.TrySetException(exception);
        Context.Stop(Self);
    }
}

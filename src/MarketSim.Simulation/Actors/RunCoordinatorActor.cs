using Akka.Actor;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Messages;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Actors;

/// <summary>
/// Runs replications 0 .. R-1 (or the subset <see cref="SimulationOptions.ReplicationsToRun"/>) on min(W, R) lanes, at most one replication per lane in flight: each
/// lane gets the next replication as soon as it returns one. The books (assignment, results by
/// replication, completion, failure policy) are a <see cref="ReplicationLedger{TSlot}"/>, the same as
/// the cluster coordinator's, with <see cref="FailurePolicy.InProcess"/>: the first failure ends the run.
/// Results are stored by replication index, so completion order never changes the output (docs/theory.md §6); the progress callback sees them
/// in completion order, on this actor's thread. The run ends in exactly one way: the completion
/// is set (results, a <see cref="ReplicationFailedException"/>, or cancellation by the runner) and
/// the coordinator stops, taking its lanes with it.
/// </summary>
internal sealed class RunCoordinatorActor : ReceiveActor
{
    // Every lane is in this process: a failure is never retried elsewhere (FailurePolicy.InProcess).
    private const string ThisProcess = "this process";
    private readonly MarketModel model;
    private readonly IReadOnlyList<CohortBlock> blocks;
    private readonly IReadOnlyList<IReadOnlyList<UnitBlock>> populationBlocks;
    private readonly ReplicationSteps steps;
    private readonly Action<ReplicationResult>? onCompleted;
    private readonly TaskCompletionSource<IReadOnlyList<ReplicationResult>> completion;
    private readonly ReplicationLedger<IActorRef> ledger;
    private readonly Dictionary<IActorRef, Exception> laneFailures = [];
    private readonly int laneCount;

    public RunCoordinatorActor(
        MarketModel model, SimulationOptions options, ReplicationSteps steps, Action<ReplicationResult>? onCompleted,
        TaskCompletionSource<IReadOnlyList<ReplicationResult>> completion)
    {
        this.model = model;
        var toRun = options.IndicesToRun();
        ledger = new ReplicationLedger<IActorRef>(toRun, FailurePolicy.InProcess, options.KeepResults);
        laneCount = Math.Min(options.Workers, toRun.Count);
        blocks = CohortPlan.For(model.BuyerCount, model.SellerCount, options.CohortSize, options.Workers, options.Replications);
        populationBlocks = PopulationPlan.For(model, options.CohortSize, options.Workers);
        this.steps = steps;
        this.onCompleted = onCompleted;
        this.completion = completion;
        Receive<ReplicationResult>(Collect);
        Receive<ReplicationFailed>(Failed);
        Receive<Terminated>(LaneStopped);
    }

    public static Props PropsFor(
        MarketModel model, SimulationOptions options, ReplicationSteps steps, Action<ReplicationResult>? onCompleted,
        TaskCompletionSource<IReadOnlyList<ReplicationResult>> completion) =>
        Props.Create(() => new RunCoordinatorActor(model, options, steps, onCompleted, completion));

    protected override void PreStart()
    {
        if (ledger.IsComplete)
        {
            Succeed();
            return;
        }

        for (var index = 0; index < laneCount; index++)
        {
            var lane = Context.ActorOf(LaneActor.PropsFor(model, blocks, populationBlocks, steps), $"lane-{index}");
            Context.Watch(lane);
            AssignNext(lane);
        }
    }

    // A lane's own code only forwards messages; should it fail anyway, the replication it was
    // running fails with the lane's exception (reported here, the Terminated follows).
    protected override SupervisorStrategy SupervisorStrategy() =>
        new StopAndReportStrategy((lane, cause) => laneFailures.TryAdd(lane, cause));

    // The coordinator is fail-stop: an exception here ends the run instead of a restart re-running it.
    protected override void PreRestart(Exception reason, object message)
    {
        completion.TrySetException(reason);
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason) => Context.Stop(Self);

    // Safety net: however the coordinator stops (system shut down under it), the caller never hangs.
    protected override void PostStop() =>
        completion.TrySetException(new InvalidOperationException("the run coordinator stopped before the run completed"));

    private void AssignNext(IActorRef lane)
    {
        if (ledger.TryAssign(lane, ThisProcess, out var replication))
        {
            lane.Tell(new RunReplication(replication));
        }
    }

    private void Collect(ReplicationResult result)
    {
        if (!ledger.TryComplete(Sender, result))
        {
            throw new InvalidOperationException($"unexpected result for replication {result.Replication} from {Sender.Path}");
        }

        AssignNext(Sender); // before the callback, so the lane is never idle while progress is reported
        try
        {
            onCompleted?.Invoke(result);
        }
        catch (Exception callbackFailure)
        {
            Fail(callbackFailure);
            return;
        }

        if (ledger.IsComplete)
        {
            Succeed();
        }
    }

    // In one process a failure would recur on any lane (docs/theory.md §6): the policy ends the run at once.
    private void Failed(ReplicationFailed failure)
    {
        ledger.Fail(Sender, failure.Replication, ThisProcess);
        Fail(new ReplicationFailedException(failure.Replication, failure.Cause));
    }

    private void LaneStopped(Terminated terminated)
    {
        if (ledger.Lose(terminated.ActorRef, out var replication) != LedgerVerdict.NotAssigned)
        {
            var cause = laneFailures.GetValueOrDefault(terminated.ActorRef)
                ?? new InvalidOperationException($"lane {terminated.ActorRef.Path.Name} stopped");
            Fail(new ReplicationFailedException(replication, cause));
        }
    }

    private void Succeed()
    {
        completion.TrySetResult(ledger.Results);
        Context.Stop(Self);
    }

    private void Fail(Exception exception)
    {
        completion.TrySetException(exception);
        Context.Stop(Self);
    }
}

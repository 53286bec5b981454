using Akka.Actor;
using MarketSim.Core.Agents;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Messages;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Actors;

/// <summary>
/// Runs one replication of its lane at a time: asks every trader cohort to draw, places the batched
/// reports by agent index (so arrival order is irrelevant, SPEC 6), and once every cohort has
/// reported clears the reference CE and every mechanism on the same reports (SPEC 2, common random
/// numbers). Then hands the workspace to the metrics actor, with the requester as sender.
/// </summary>
internal sealed class ClearinghouseActor : ReceiveActor
{
    private readonly MarketModel model;
    private readonly ReplicationWorkspace workspace;
    private readonly IReadOnlyList<IActorRef> cohorts;
    private readonly IActorRef metrics;
    private readonly ReplicationSteps steps;
    private readonly Dictionary<IActorRef, int> cohortIndex;
    private readonly bool[] reported;

    private int? replication;
    private IActorRef requester = ActorRefs.Nobody;
    private int reportCount;
    private long buyersPlaced;
    private long sellersPlaced;

    public ClearinghouseActor(
        MarketModel model, ReplicationWorkspace workspace, IReadOnlyList<IActorRef> cohorts, IActorRef metrics,
        ReplicationSteps steps)
    {
        this.model = model;
        this.workspace = workspace;
        this.cohorts = cohorts;
        this.metrics = metrics;
        this.steps = steps;
        cohortIndex = cohorts.Select((cohort, index) => (cohort, index)).ToDictionary(pair => pair.cohort, pair => pair.index);
        reported = new bool[cohorts.Count];
        Receive<RunReplication>(Start);
        Receive<CohortReport>(Place);
    }

    public static Props PropsFor(
        MarketModel model, ReplicationWorkspace workspace, IReadOnlyList<IActorRef> cohorts, IActorRef metrics,
        ReplicationSteps steps) =>
        Props.Create(() => new ClearinghouseActor(model, workspace, cohorts, metrics, steps));

    private void Start(RunReplication message)
    {
        if (replication is { } running)
        {
            throw new InvalidOperationException($"replication {message.Replication} requested while {running} is clearing");
        }

        replication = message.Replication;
        requester = Sender;
        Array.Clear(reported);
        reportCount = 0;
        buyersPlaced = 0;
        sellersPlaced = 0;
        foreach (var cohort in cohorts)
        {
            cohort.Tell(new DrawTypes(message.Replication));
        }

        CompleteIfAllReported();
    }

    private void Place(CohortReport report)
    {
        if (report.Replication != replication)
        {
            throw new InvalidOperationException($"report for replication {report.Replication} while clearing {replication}");
        }

        if (!cohortIndex.TryGetValue(Sender, out var index))
        {
            throw new InvalidOperationException($"report from {Sender.Path}, which is not a cohort of this lane");
        }

        if (reported[index])
        {
            throw new InvalidOperationException($"cohort {Sender.Path} reported twice in replication {report.Replication}");
        }

        reported[index] = true;
        reportCount++;
        workspace.Market[report.Side].Place(report.Offset, report.ValueOfGood.Span, report.ValueOfMoney.Span);
        if (report.Side == Side.Buyers)
        {
            buyersPlaced += report.Count;
        }
        else
        {
            sellersPlaced += report.Count;
        }

        CompleteIfAllReported();
    }

    private void CompleteIfAllReported()
    {
        if (reportCount < cohorts.Count || replication is not { } current)
        {
            return;
        }

        // Every cohort reported once; the cohorts must also tile both sides exactly.
        if (buyersPlaced != model.BuyerCount || sellersPlaced != model.SellerCount)
        {
            throw new InvalidOperationException(
                $"cohorts placed {buyersPlaced} buyers and {sellersPlaced} sellers; the market has {model.BuyerCount} and {model.SellerCount}");
        }

        steps.ClearAll(model, current, workspace);
        replication = null;
        metrics.Tell(new MeasureReplication(current, workspace), requester);
    }
}

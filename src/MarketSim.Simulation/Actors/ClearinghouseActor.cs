using Akka.Actor;
using MarketSim.Core.Agents;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Messages;
using MarketSim.Simulation.Running;
using MarketSim.Core;

namespace MarketSim.Simulation.Actors;

/// <summary>
/// Runs one replication of its lane at a time: asks every trader cohort to draw, places the batched
/// reports by agent index (so arrival order is irrelevant, docs/theory.md §6), and once every cohort has
/// reported clears the reference CE and every mechanism on the same reports (docs/theory.md §2, common random
/// numbers). Then hands the workspace to the metrics actor, with the requester as sender.
/// </summary>
internal sealed class ClearinghouseActor : ReceiveActor
{
    private readonly MarketModel model;
    private readonly ReplicationWorkspace workspace;
    private readonly CohortRound round;
    private readonly IActorRef metrics;
    private readonly ReplicationSteps steps;
    private long buyersPlaced;
    private long sellersPlaced;

    public ClearinghouseActor(
        MarketModel model, ReplicationWorkspace workspace, IReadOnlyList<IActorRef> cohorts, IActorRef metrics,
        ReplicationSteps steps)
    {
        this.model = model;
        this.workspace = workspace;
        round = new CohortRound(cohorts);
        this.metrics = metrics;
        this.steps = steps;
        Receive<RunReplication>(Start);
        Receive<CohortReport>(Place);
    }

    public static Props PropsFor(
        MarketModel model, ReplicationWorkspace workspace, IReadOnlyList<IActorRef> cohorts, IActorRef metrics,
        ReplicationSteps steps) =>
        Props.Create(() => new ClearinghouseActor(model, workspace, cohorts, metrics, steps));

    private void Start(RunReplication message)
    {
        // Reports arrive only after this message is handled, so the counters start from 0.
        round.Begin(message.Replication, Sender, new DrawTypes(message.Replication));
        buyersPlaced = 0;
        sellersPlaced = 0;
        CompleteIfAllReported();
    }

    private void Place(CohortReport report)
    {
        round.Accept(Sender, report.Replication);
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
        if (!round.Complete || round.Replication is not { } current)
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
        round.Finish();
        metrics.Tell(new MeasureReplication(current, workspace), round.Requester);
    }
}

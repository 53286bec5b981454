using Akka.Actor;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Messages;

namespace MarketSim.Simulation.Actors;

/// <summary>
/// The clearinghouse of one mechanism with its own population (docs/theory.md §3 pairs, docs/theory.md §4 groups): asks
/// every population cohort of its lane to draw, copies each batched report to its units' place (so
/// arrival order is irrelevant, docs/theory.md §6), and once every role of every unit has reported runs the
/// mechanism for every unit (<see cref="IStandaloneMechanism.Clear"/>: allocation, transfers,
/// lotteries from the mechanism's own streams). Replies a <see cref="PopulationResult"/> to the
/// requester. Identical to <see cref="IStandaloneMechanism.Run"/> bit for bit.
/// </summary>
internal sealed class PopulationClearinghouseActor : ReceiveActor
{
    private readonly IStandaloneMechanism mechanism;
    private readonly ulong seed;
    private readonly CohortRound round;
    private readonly double[][] draws;
    private readonly long[] unitsPlaced;

    public PopulationClearinghouseActor(IStandaloneMechanism mechanism, ulong seed, IReadOnlyList<IActorRef> cohorts)
    {
        this.mechanism = mechanism;
        this.seed = seed;
        round = new CohortRound(cohorts);
        draws = new double[mechanism.Roles][];
        for (var role = 0; role < draws.Length; role++)
        {
            draws[role] = new double[mechanism.Units * mechanism.DrawsPerUnit];
        }

        unitsPlaced = new long[mechanism.Roles];
        Receive<RunReplication>(Start);
        Receive<PopulationReport>(Place);
    }

    public static Props PropsFor(IStandaloneMechanism mechanism, ulong seed, IReadOnlyList<IActorRef> cohorts) =>
        Props.Create(() => new PopulationClearinghouseActor(mechanism, seed, cohorts));

    private void Start(RunReplication message)
    {
        // Reports arrive only after this message is handled, so the counts start from 0.
        round.Begin(message.Replication, Sender, new DrawUnits(message.Replication));
        Array.Clear(unitsPlaced);
        CompleteIfAllReported();
    }

    private void Place(PopulationReport report)
    {
        round.Accept(Sender, report.Replication);
        var width = mechanism.DrawsPerUnit;
        report.Draws.Span.CopyTo(draws[report.Role].AsSpan(report.Offset * width, report.Count * width));
        unitsPlaced[report.Role] += report.Count;
        CompleteIfAllReported();
    }

    private void CompleteIfAllReported()
    {
        if (!round.Complete || round.Replication is not { } current)
        {
            return;
        }

        // Every cohort reported once; the cohorts must also tile every role's units exactly.
        if (unitsPlaced.Any(placed => placed != mechanism.Units))
        {
            throw new InvalidOperationException(
                $"cohorts placed [{string.Join(", ", unitsPlaced)}] units per role; '{mechanism.Name}' has {mechanism.Units}");
        }

        var metrics = mechanism.Clear(seed, current, draws);
        round.Finish();
        round.Requester.Tell(new PopulationResult(current, new MechanismMetrics(mechanism.Name, metrics)));
    }
}

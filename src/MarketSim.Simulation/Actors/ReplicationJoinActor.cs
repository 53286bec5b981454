using Akka.Actor;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Messages;

namespace MarketSim.Simulation.Actors;

/// <summary>
/// Fans one replication out to the two-sided clearinghouse and to every population clearinghouse of
/// the lane, which run side by side, and joins their metrics in scenario order
/// (<see cref="ReplicationRunner.Combine"/>) into the lane's <see cref="ReplicationResult"/>.
/// Only created when the scenario has a mechanism with its own population.
/// </summary>
internal sealed class ReplicationJoinActor : ReceiveActor
{
    private readonly MarketModel model;
    private readonly IActorRef twoSided;
    private readonly IReadOnlyList<IActorRef> populations;
    private readonly Dictionary<IActorRef, int> populationIndex;
    private readonly MechanismMetrics?[] populationMetrics;

    private int? replication;
    private IActorRef requester = ActorRefs.Nobody;
    private ReplicationResult? twoSidedResult;
    private int populationCount;

    public ReplicationJoinActor(MarketModel model, IActorRef twoSided, IReadOnlyList<IActorRef> populations)
    {
        this.model = model;
        this.twoSided = twoSided;
        this.populations = populations;
        populationIndex = populations.Select((population, index) => (population, index)).ToDictionary(pair => pair.population, pair => pair.index);
        populationMetrics = new MechanismMetrics?[populations.Count];
        Receive<RunReplication>(Start);
        Receive<ReplicationResult>(result =>
        {
            Check(result.Replication);
            twoSidedResult = twoSidedResult is null ? result : throw new InvalidOperationException("two-sided result twice");
            CompleteIfJoined();
        });
        Receive<PopulationResult>(Collect);
    }

    public static Props PropsFor(MarketModel model, IActorRef twoSided, IReadOnlyList<IActorRef> populations) =>
        Props.Create(() => new ReplicationJoinActor(model, twoSided, populations));

    private void Start(RunReplication message)
    {
        if (replication is { } running)
        {
            throw new InvalidOperationException($"replication {message.Replication} requested while {running} is running");
        }

        replication = message.Replication;
        requester = Sender;
        twoSidedResult = null;
        populationCount = 0;
        Array.Clear(populationMetrics);
        twoSided.Tell(message);
        foreach (var population in populations)
        {
            population.Tell(message);
        }
    }

    private void Collect(PopulationResult result)
    {
        Check(result.Replication);
        if (!populationIndex.TryGetValue(Sender, out var index) || populationMetrics[index] is not null)
        {
            throw new InvalidOperationException($"unexpected or repeated result from {Sender.Path}");
        }

        populationMetrics[index] = result.Metrics;
        populationCount++;
        CompleteIfJoined();
    }

    private void CompleteIfJoined()
    {
        if (twoSidedResult is null || populationCount < populations.Count || replication is null)
        {
            return;
        }

        replication = null;
        requester.Tell(ReplicationRunner.Combine(model, twoSidedResult, populationMetrics!));
    }

    private void Check(int reported)
    {
        if (reported != replication)
        {
            throw new InvalidOperationException($"result for replication {reported} while running {replication}");
        }
    }
}

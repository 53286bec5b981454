using Akka.Actor;
using MarketSim.Core.Mechanisms;
using MarketSim.Simulation.Messages;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Actors;

/// <summary>
/// One role of units [Offset, Offset + Count) of a mechanism with its own population: the buyers (or
/// the sellers) of a block of docs/theory.md §3 pairs, each drawing N binary values; player i of a block of
/// docs/theory.md §4 groups, drawing its type. The draws come from the core
/// (<see cref="IStandaloneMechanism.Draw"/>, streams keyed by unit index) and go out in one
/// batched <see cref="PopulationReport"/>; with 64 units or fewer each unit is its own actor.
/// </summary>
internal sealed class PopulationCohortActor : ReceiveActor
{
    private readonly IStandaloneMechanism mechanism;
    private readonly ulong seed;
    private readonly UnitBlock block;

    // Reused every replication and lent to the clearinghouse (see PopulationReport).
    private readonly double[] draws;

    public PopulationCohortActor(IStandaloneMechanism mechanism, ulong seed, UnitBlock block)
    {
        this.mechanism = mechanism;
        this.seed = seed;
        this.block = block;
        draws = new double[block.Count * mechanism.DrawsPerUnit];
        Receive<DrawUnits>(Draw);
    }

    public static Props PropsFor(IStandaloneMechanism mechanism, ulong seed, UnitBlock block) =>
        Props.Create(() => new PopulationCohortActor(mechanism, seed, block));

    /// <summary>A readable, unique child name within a lane: "population-0-buyer-0", "population-1-player2-250".</summary>
    public static string NameFor(int mechanismIndex, IStandaloneMechanism mechanism, UnitBlock block) =>
        FormattableString.Invariant($"population-{mechanismIndex}-{mechanism.RoleName(block.Role)}-{block.Offset}");

    private void Draw(DrawUnits message)
    {
        mechanism.Draw(seed, message.Replication, block.Role, block.Offset, draws);
        Sender.Tell(new PopulationReport(message.Replication, block.Role, block.Offset, block.Count, draws));
    }
}

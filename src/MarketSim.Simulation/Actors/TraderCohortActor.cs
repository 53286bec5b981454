using Akka.Actor;
using MarketSim.Core.Agents;
using MarketSim.Core.Laws;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Messages;
using MarketSim.Simulation.Running;
using MarketSim.Core;

namespace MarketSim.Simulation.Actors;

/// <summary>
/// Buyers or sellers [Offset, Offset + Count) of one lane's market. Each agent draws its type from its
/// own keyed stream (docs/theory.md §6) through <see cref="PopulationSampler"/>; the cohort answers with one
/// batched <see cref="CohortReport"/> instead of one message per agent.
/// </summary>
internal sealed class TraderCohortActor : ReceiveActor
{
    private readonly ISideLaw law;
    private readonly ulong seed;
    private readonly CohortBlock block;

    // Reused every replication and lent to the clearinghouse (see CohortReport): no per-agent allocation.
    private readonly double[] valueOfGood;
    private readonly double[] valueOfMoney;

    public TraderCohortActor(ISideLaw law, ulong seed, CohortBlock block)
    {
        this.law = law;
        this.seed = seed;
        this.block = block;
        valueOfGood = new double[block.Count];
        valueOfMoney = new double[block.Count];
        Receive<DrawTypes>(Draw);
    }

    public static Props PropsFor(MarketModel model, CohortBlock block)
    {
        var law = model.LawOf(block.Side);
        return Props.Create(() => new TraderCohortActor(law, model.Seed, block));
    }

    /// <summary>A readable, unique child name: "buyers-0", "sellers-16384".</summary>
    public static string NameFor(CohortBlock block) =>
        (block.Side == Side.Buyers ? "buyers-" : "sellers-") + block.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Draw(DrawTypes message)
    {
        PopulationSampler.Draw(law, seed, message.Replication, block.Side, block.Offset, valueOfGood, valueOfMoney);
        Sender.Tell(new CohortReport(message.Replication, block.Side, block.Offset, valueOfGood, valueOfMoney));
    }
}

using Akka.Actor;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Actors;

/// <summary>
/// Builds a lane's actors for the mechanisms with their own populations: per mechanism, its
/// population cohorts and its clearinghouse, then a join in front of the two-sided clearinghouse.
/// All are children of the lane, so its StopAndReportStrategy supervises them like the two-sided ones.
/// </summary>
internal static class PopulationWiring
{
    /// <summary>The actor the lane sends <c>RunReplication</c> to: the two-sided clearinghouse itself when there is no other population.</summary>
    public static IActorRef EntryFor(
        IActorContext context, MarketModel model, IReadOnlyList<IReadOnlyList<UnitBlock>> populationBlocks, IActorRef twoSided)
    {
        if (model.Standalone.Count == 0)
        {
            return twoSided;
        }

        var clearinghouses = new IActorRef[model.Standalone.Count];
        for (var k = 0; k < clearinghouses.Length; k++)
        {
            var mechanism = model.Standalone[k];
            var cohorts = populationBlocks[k]
                .Select(block => context.ActorOf(
                    PopulationCohortActor.PropsFor(mechanism, model.Seed, block), PopulationCohortActor.NameFor(k, mechanism, block)))
                .ToArray();
            clearinghouses[k] = context.ActorOf(
                PopulationClearinghouseActor.PropsFor(mechanism, model.Seed, cohorts), $"population-{k}-clearinghouse");
        }

        return context.ActorOf(ReplicationJoinActor.PropsFor(model, twoSided, clearinghouses), "join");
    }
}

using MarketSim.Core.MultiObject;
using MarketSim.Core.RedistributiveAuctions;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Mechanisms;

namespace MarketSim.Core.Replications;

/// <summary>Builds the mechanisms that bring their own population (docs/theory.md §3, docs/theory.md §4), solving each once.</summary>
public static class StandaloneMechanismFactory
{
    /// <summary>True for <c>multi-object-threshold</c> and <c>redistributive-auction</c>.</summary>
    public static bool IsStandalone(MechanismSpec spec) =>
        spec is MultiObjectThresholdSpec or RedistributiveAuctionSpec;

    public static IStandaloneMechanism Create(MechanismSpec spec) => spec switch
    {
        MultiObjectThresholdSpec multiObject => new MultiObjectSimulation(multiObject),
        RedistributiveAuctionSpec auction => RedistributiveAuctionMechanism.Create(auction),
        _ => throw new NotSupportedException($"mechanism '{spec.Label}' ({spec.GetType().Name}) has no population of its own"),
    };
}

using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;

namespace MarketSim.Core.Replications;

/// <summary>
/// The buffers one replication needs (population, one outcome per mechanism, the reference CE).
/// Reused replication after replication by the same worker: no allocation per agent.
/// </summary>
public sealed class ReplicationWorkspace
{
    public ReplicationWorkspace(MarketModel model)
    {
        Market = new MarketInstance(model.BuyerCount, model.SellerCount);
        Outcomes = new MechanismOutcome[model.Mechanisms.Count];
        for (var i = 0; i < Outcomes.Length; i++)
        {
            Outcomes[i] = new MechanismOutcome();
        }
    }

    public MarketInstance Market { get; }
    public MechanismOutcome ReferenceOutcome { get; } = new();

    /// <summary>The CE ranking of this workspace's draws, shared within one ClearAll.</summary>
    internal RateRanking RateRanking { get; } = new();

    /// <summary>Outcome of mechanism i of <see cref="MarketModel.Mechanisms"/>.</summary>
    public MechanismOutcome[] Outcomes { get; }
}

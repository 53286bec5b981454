using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Scenarios;

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

        // A listed midpoint CE clears exactly as the reference (same rule, no lottery, docs/theory.md §2):
        // its outcome is the reference's, cleared once (one outcome less: 32 MB at 10^6 a side).
        var twin = model.Mechanisms
            .Select((mechanism, index) => (mechanism, index))
            .FirstOrDefault(pair => pair.mechanism is CompetitiveEquilibrium { PriceRule: PriceRule.Midpoint, Reports: null });
        ReferenceIsListedCompetitiveEquilibrium = twin.mechanism is not null;
        ReferenceOutcome = ReferenceIsListedCompetitiveEquilibrium ? Outcomes[twin.index] : new MechanismOutcome();
    }

    /// <summary>True when <see cref="ReferenceOutcome"/> is a listed midpoint CE's outcome (cleared with it, not twice).</summary>
    public bool ReferenceIsListedCompetitiveEquilibrium { get; }

    public MarketInstance Market { get; }
    public MechanismOutcome ReferenceOutcome { get; }

    /// <summary>The CE ranking of this workspace's draws, shared within one ClearAll.</summary>
    internal RateRanking RateRanking { get; } = new();

    /// <summary>Outcome of mechanism i of <see cref="MarketModel.Mechanisms"/>.</summary>
    public MechanismOutcome[] Outcomes { get; }
}

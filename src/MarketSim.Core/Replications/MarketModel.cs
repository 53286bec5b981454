using MarketSim.Core.Agents;
using MarketSim.Core.Laws;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;

namespace MarketSim.Core.Replications;

/// <summary>
/// Everything about a two-sided scenario that is fixed across replications: the sides' laws, the
/// continuum economy, the mechanisms, the population sizes. Built once per run.
/// </summary>
public sealed class MarketModel
{
    /// <summary>Label of the CE that every replication clears as the reference for efficiency and paired differences.</summary>
    public const string ReferenceLabel = "reference-competitive-equilibrium";

    public MarketModel(Scenario scenario)
    {
        Scenario = scenario;
        var market = scenario.Market ?? throw new ArgumentException("a two-sided scenario needs 'market'", nameof(scenario));
        var buyers = scenario.Buyers ?? throw new ArgumentException("a two-sided scenario needs 'buyers'", nameof(scenario));
        var sellers = scenario.Sellers ?? throw new ArgumentException("a two-sided scenario needs 'sellers'", nameof(scenario));
        SellerCount = market.Sellers;
        BuyerCount = MarketInstance.BuyerCount(market.Sellers, market.BuyersPerSeller);
        BuyerLaw = SideLawFactory.Create(buyers);
        SellerLaw = SideLawFactory.Create(sellers);
        Continuum = new ContinuumMarket(RateLawFactory.Create(buyers), RateLawFactory.Create(sellers), market.BuyersPerSeller);
        Mechanisms = scenario.Mechanisms
            .Where(MechanismFactory.IsTwoSided)
            .Select(spec => MechanismFactory.Create(spec, Continuum))
            .ToArray();
        Reference = MechanismFactory.Create(new CompetitiveEquilibriumSpec(ReferenceLabel), Continuum);
    }

    public Scenario Scenario { get; }
    public ulong Seed => Scenario.Seed;
    public int SellerCount { get; }
    public int BuyerCount { get; }
    public ISideLaw BuyerLaw { get; }
    public ISideLaw SellerLaw { get; }
    public ContinuumMarket Continuum { get; }

    /// <summary>The scenario's two-sided mechanisms, in scenario order.</summary>
    public IReadOnlyList<ITwoSidedMechanism> Mechanisms { get; }

    /// <summary>The midpoint-rule CE cleared on every replication's draws as the reference (SPEC 5).</summary>
    public ITwoSidedMechanism Reference { get; }

    /// <summary>
    /// The continuum values of a mechanism's metrics (the summary's `theory` column), with the paired
    /// difference to the continuum CE (SPEC 5: welfare minus that of CE) added where welfare is known.
    /// </summary>
    public IReadOnlyDictionary<string, double> ContinuumValuesOf(string mechanism)
    {
        var values = new Dictionary<string, double>(Mechanisms.First(candidate => candidate.Name == mechanism).ContinuumValues(Continuum));
        if (values.TryGetValue("welfare", out var welfare) && !values.ContainsKey("welfare_minus_ce"))
        {
            values["welfare_minus_ce"] = welfare - Reference.ContinuumValues(Continuum)["welfare"];
        }

        return values;
    }

    public ISideLaw LawOf(Side side) => side == Side.Buyers ? BuyerLaw : SellerLaw;

    public int CountOf(Side side) => side == Side.Buyers ? BuyerCount : SellerCount;
}

using MarketSim.Core.Laws;

namespace MarketSim.Core.Scenarios;

/// <summary>
/// A validated scenario (docs/architecture.md, "Scenario YAML"). A run is a pure function of
/// (scenario, seed, replication count) (docs/theory.md §6). <c>Market</c>, <c>Buyers</c> and
/// <c>Sellers</c> are required when a two-sided mechanism is listed. <c>Entry</c> (optional)
/// configures the stress test's entry dynamics (000 Section 6). <c>OneSided</c> (optional) is a
/// one-sided problem on the law of its side, reported by <c>solve</c> (docs/theory.md §1).
/// <c>BuyerBehaviour</c>/<c>SellerBehaviour</c> (<c>behaviour:</c> of a side) say how that side reports
/// to the finite CE (docs/theory.md §2.4).
/// </summary>
public sealed record Scenario(
    string Name,
    ulong Seed,
    int Replications,
    MarketSpec? Market,
    SideLawSpec? Buyers,
    SideLawSpec? Sellers,
    IReadOnlyList<MechanismSpec> Mechanisms,
    EntrySpec? Entry = null,
    OneSidedSpec? OneSided = null,
    TraderBehaviour BuyerBehaviour = TraderBehaviour.Truthful,
    TraderBehaviour SellerBehaviour = TraderBehaviour.Truthful);

/// <summary><c>market: { sellers, buyersPerSeller }</c>: N_S and mu.</summary>
public sealed record MarketSpec(int Sellers, double BuyersPerSeller);

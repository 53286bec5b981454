using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Stress;

namespace MarketSim.Core.Tests.Stress;

/// <summary>The paper's Section 2 market (000; docs/theory.md §1.4 with m = 2) built in code, and the bare replication loop.</summary>
internal static class StressMarkets
{
    /// <summary>The two Monte Carlo-heavy classes share a collection so that they run one after the other, not side by side.</summary>
    public const string MonteCarloCollection = "stress Monte Carlo";

    /// <summary>p_B = 1/2, p_S = 1/(2m) = 1/4, lump sum (m - 1)/(4m) = 1/8 to sellers (docs/theory.md §1.4).</summary>
    public static readonly PriceWedgeSpec PaperWedge =
        new("paper-wedge", BuyerPrice: 0.5, SellerPrice: 0.25, LumpSumPolicy.Promised, LumpSumRecipient.Sellers);

    public static Scenario Section2(ulong seed, params MechanismSpec[] mechanisms) =>
        new(
            "stress-test",
            seed,
            Replications: 1,
            new MarketSpec(100, BuyersPerSeller: 1.0),
            new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1)),
            new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(2)),
            mechanisms);

    /// <summary>The model of one size and its replications through the pure pipeline (what SimulationRunner.RunInProcess does).</summary>
    public static (MarketModel Model, IReadOnlyList<ReplicationResult> Results) Run(
        Scenario scenario, int sellers, int replications, LumpSumPolicy policy)
    {
        var model = new MarketModel(StressScenario.ForSize(scenario, sellers, policy));
        var workspace = new ReplicationWorkspace(model);
        var results = new ReplicationResult[replications];
        for (var r = 0; r < replications; r++)
        {
            results[r] = ReplicationRunner.Run(model, r, workspace);
        }

        return (model, results);
    }

    public static StressRow Row(IEnumerable<StressRow> rows, string mechanism, string metric) =>
        rows.Single(row => row.Mechanism == mechanism && row.Metric == metric);
}

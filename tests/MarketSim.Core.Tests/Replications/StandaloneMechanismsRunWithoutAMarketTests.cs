using MarketSim.Core.Distributions;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.MultiObject;
using MarketSim.Core.Random;
using MarketSim.Core.RedistributiveAuctions;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Tests.Replications;

/// <summary>
/// Mechanisms with their own populations (docs/theory.md §3 pairs, docs/theory.md §4 groups) in a <see cref="MarketModel"/>:
/// no market needed, solved once, results in scenario order, the theory column from their exact
/// values, and the draw/clear steps split into any blocks equal to the pure replication (docs/theory.md §6).
/// </summary>
public sealed class StandaloneMechanismsRunWithoutAMarketTests
{
    private static readonly MultiObjectThresholdSpec Pairs = new(
        "pairs", 4, 60, new BinaryValues(12, 1, 0.4), new BinaryValues(11, 0, 0.6), 0.3, BudgetBalance.ExAnte);

    private static readonly RedistributiveAuctionSpec Groups = new(
        "groups", 40, 2, [new AuctionPlayerSpec(new UniformSpec(1, 20), 1), new AuctionPlayerSpec(new UniformSpec(2, 10), 1.5)], WelfareWeights.Utils);

    private static readonly MarketModel Model = new(new Scenario("populations", 9, 3, null, null, null, [Groups, Pairs]));

    [Fact]
    public void AModelWithoutTwoSidedMechanismsHasNoMarketAndRunsTheOthersInScenarioOrder()
    {
        Assert.False(Model.HasTwoSidedMarket);
        Assert.Equal((0, 0), (Model.BuyerCount, Model.SellerCount));
        Assert.Empty(Model.Mechanisms);
        Assert.Throws<InvalidOperationException>(() => Model.Continuum);
        Assert.IsType<RedistributiveAuctionMechanism>(Model.Standalone[0]);
        Assert.IsType<MultiObjectSimulation>(Model.Standalone[1]);

        var result = ReplicationRunner.Run(Model, 2, new ReplicationWorkspace(Model));
        Assert.Equal(["groups", "pairs"], result.Mechanisms.Select(mechanism => mechanism.Mechanism));
        Assert.Equal(MultiObjectSimulation.Run(Pairs, 9, 2), result.Mechanisms[1].Metrics);
        Assert.Equal(RedistributiveAuctionSimulation.Run(Groups, 9, 2), result.Mechanisms[0].Metrics);
    }

    [Fact]
    public void TheTheoryColumnIsEachMechanismsExactExpectation()
    {
        Assert.Equal(new MultiObjectSimulation(Pairs).ContinuumValues, Model.ContinuumValuesOf("pairs"));
        var auction = ((RedistributiveAuctionMechanism)Model.Standalone[0]).Auction;
        Assert.Equal(RedistributiveAuctionSimulation.ContinuumValues(auction), Model.ContinuumValuesOf("groups"));
        // Every metric of a replication has a theory value except the ex-post counts where none is known.
        foreach (var mechanism in Model.Standalone)
        {
            Assert.Subset(mechanism.MetricNames.ToHashSet(), mechanism.ContinuumValues.Keys.ToHashSet());
        }
    }

    [Fact]
    public void DrawingInRandomBlocksGivesTheSameUnitsAsDrawingAtOnce()
    {
        // docs/theory.md §6: a unit's draws depend on (seed, replication, role, unit) only; 20 random block splits.
        var splitter = new RandomStream(new StreamKey(1, 0, 77, 0));
        foreach (var mechanism in Model.Standalone)
        {
            for (var role = 0; role < mechanism.Roles; role++)
            {
                var whole = new double[mechanism.Units * mechanism.DrawsPerUnit];
                mechanism.Draw(Model.Seed, 1, role, 0, whole);
                for (var trial = 0; trial < 20; trial++)
                {
                    var pieces = new double[whole.Length];
                    for (var first = 0; first < mechanism.Units;)
                    {
                        var count = Math.Min(mechanism.Units - first, 1 + (int)(splitter.NextUniform() * 17));
                        mechanism.Draw(Model.Seed, 1, role, first, pieces.AsSpan(first * mechanism.DrawsPerUnit, count * mechanism.DrawsPerUnit));
                        first += count;
                    }

                    Assert.Equal(whole, pieces);
                }
            }
        }
    }

    [Fact]
    public void CombinePutsTwoSidedAndOwnPopulationMetricsInScenarioOrder()
    {
        var twoSided = new ReplicationResult(4, [new MechanismMetrics("competitive-equilibrium", [])]);
        var model = new MarketModel(new Scenario("order", 1, 1, null, null, null, [Pairs, Groups]));
        var combined = ReplicationRunner.Combine(
            model, new ReplicationResult(4, []), [new MechanismMetrics("groups", [new("a", 1)]), new MechanismMetrics("pairs", [new("b", 2)])]);
        Assert.Equal(4, combined.Replication);
        Assert.Equal(["pairs", "groups"], combined.Mechanisms.Select(mechanism => mechanism.Mechanism));
        Assert.Same(twoSided, ReplicationRunner.Combine(model, twoSided, []));
    }

    [Fact]
    public void AuctionTypeLawsComeFromTheDistributionFactory()
    {
        var players = AuctionTypeLaws.Create(Groups);
        Assert.All(players, player => Assert.IsType<UniformDistribution>(player.Type));
        Assert.Equal(
            "players[1].type",
            Assert.Throws<ArgumentException>(() => AuctionTypeLaws.Create(Groups with
            {
                Players = [Groups.Players[0], new AuctionPlayerSpec(new LogNormalSpec(0, 1), 1)],
            })).ParamName);
    }
}

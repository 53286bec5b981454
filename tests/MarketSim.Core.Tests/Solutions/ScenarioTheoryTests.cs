using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.MultiObject;
using MarketSim.Core.RedistributiveAuctions;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Solutions;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Tests.Solutions;

/// <summary>
/// The one entry point of the theory returns, in scenario order, a typed solution per mechanism with the
/// numbers of docs/theory.md §1.4 (000 Section 2 at m = 2) and of the multi-object and auction solvers.
/// </summary>
public sealed class ScenarioTheoryTests
{
    private static readonly MultiObjectThresholdSpec Pairs = new(
        "pairs", 3, 10, new BinaryValues(12, 1, 0.5), new BinaryValues(11, 0, 0.5), null, BudgetBalance.ExAnte);

    private static readonly RedistributiveAuctionSpec Groups = new(
        "groups", 40, 1, [new AuctionPlayerSpec(new UniformSpec(1, 20), 1), new AuctionPlayerSpec(new UniformSpec(1, 20), 1)], WelfareWeights.MoneyMetric);

    private static readonly Scenario SectionTwo = new(
        "section-2", 1, 1, new MarketSpec(100, 1.0),
        new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1)),
        new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(2)),
        [
            new CompetitiveEquilibriumSpec("ce"),
            new PriceWedgeSpec("wedge", 0.5, 0.25, LumpSumPolicy.Realized, LumpSumRecipient.Auto),
            new OptimalSpec("optimal", LumpSumsAllowed: true),
            Pairs,
            new OptimalSpec("no-lump-sum", LumpSumsAllowed: false),
            Groups,
        ]);

    [Fact]
    public void EveryMechanismGetsItsTypedSolutionInScenarioOrder()
    {
        var solution = ScenarioTheory.Solve(SectionTwo);

        Assert.Equal("section-2", solution.Scenario);
        Assert.Equal(["ce", "wedge", "optimal", "pairs", "no-lump-sum", "groups"], solution.Mechanisms.Select(mechanism => mechanism.Name));
        Assert.IsType<MultiObjectSolution>(solution.Mechanisms[3]);
        Assert.IsType<RedistributiveAuctionSolution>(solution.Mechanisms[5]);

        // 000 Section 2, m = 2: p_CE = 1/3, W_CE = 4/9; the optimum is the wedge 1/2, 1/4 with 1/8 to sellers.
        var diagnostics = solution.Diagnostics!;
        Assert.Equal(1.0 / 3.0, diagnostics.CompetitiveEquilibriumPrice, 9);
        Assert.False(diagnostics.CompetitiveEquilibriumOptimal);
        var ce = Assert.IsType<TwoSidedSolution>(solution.Mechanisms[0]);
        Assert.Equal(4.0 / 9.0, ce.Welfare, 9);
        Assert.Equal(MechanismClass.CompetitiveEquilibrium, ce.Class);
        var wedge = Assert.IsType<TwoSidedSolution>(solution.Mechanisms[1]);
        Assert.Equal(0.125, wedge.LumpSum.Sellers, 9);
        Assert.Null(wedge.Multiplier);
        var optimal = Assert.IsType<TwoSidedSolution>(solution.Mechanisms[2]);
        Assert.Equal(wedge.Welfare, optimal.Welfare, 5);
        Assert.Equal(0.5, optimal.BuyerMenu.Single().Price, 3);
        Assert.Equal(0.25, optimal.SellerMenu.Single().Price, 3);
        Assert.Equal(2.0, optimal.Multiplier!.Value, 9); // a* = a0 = max(Lambda_S, Lambda_B): the budget is slack

        // Without lump sums and 1/3 <= m <= 3 the optimum is the single price p_CE (docs/theory.md §1.4).
        var noLumpSum = Assert.IsType<TwoSidedSolution>(solution.Mechanisms[4]);
        Assert.Equal(1.0 / 3.0, noLumpSum.BuyerMenu.Single().Price, 3);
        Assert.Equal(ce.Welfare, noLumpSum.Welfare, 5);

        // Money-metric weights: a second-price auction, S = a + (b - a)(n - 1)/(n + 1) for U[1, 20], n = 2.
        var auction = (RedistributiveAuctionSolution)solution.Mechanisms[5];
        Assert.Equal(1 + 19.0 / 3.0, auction.Surplus, 1);
    }

    /// <summary>
    /// Trade reduction loses one trade in N, so its continuum values are CE's (docs/theory.md §2.3): solve
    /// reports CE's row under its label (an earlier version failed on it with an internal error), from a
    /// scenario and from a built model alike.
    /// </summary>
    [Fact]
    public void TradeReductionSolvesToItsContinuumLimitCompetitiveEquilibrium()
    {
        var scenario = SectionTwo with
        {
            Mechanisms = [new CompetitiveEquilibriumSpec("ce"), new TradeReductionSpec("trade-reduction")],
        };

        foreach (var solution in new[] { ScenarioTheory.Solve(scenario), ScenarioTheory.Solve(new MarketModel(scenario)) })
        {
            var reduction = Assert.IsType<TwoSidedSolution>(solution.Mechanisms[1]);
            Assert.Equal("trade-reduction", reduction.Name);
            Assert.Equal(4.0 / 9.0, reduction.Welfare, 9); // 000 Section 2, m = 2: W_CE = 4/9
            Assert.Equal(2.0 / 3.0, reduction.Volume, 9);
            Assert.Equal(0.0, reduction.Revenue);
        }
    }

    [Fact]
    public void AScenarioWithoutATwoSidedMechanismHasNoDiagnostics()
    {
        var solution = ScenarioTheory.Solve(new Scenario("populations", 1, 1, null, null, null, [Groups, Pairs]));

        Assert.Null(solution.Diagnostics);
        Assert.Equal(["groups", "pairs"], solution.Mechanisms.Select(mechanism => mechanism.Name));
    }

    [Fact]
    public void TheTheoryReadOffABuiltModelIsTheTheoryOfItsScenario()
    {
        // sweep --simulate builds the model (which runs the solver) and reads the theory off it: same numbers,
        // and the optima are the model's own, not solved again.
        var model = new MarketModel(SectionTwo);
        var fromScenario = ScenarioTheory.Solve(SectionTwo);
        var fromModel = ScenarioTheory.Solve(model);

        Assert.Equal(["no-lump-sum", "optimal"], model.OptimalSolutions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(fromScenario.Diagnostics, fromModel.Diagnostics);
        Assert.Equal(fromScenario.Mechanisms.Select(mechanism => mechanism.Name), fromModel.Mechanisms.Select(mechanism => mechanism.Name));
        for (var index = 0; index < fromScenario.Mechanisms.Count; index++)
        {
            switch (fromScenario.Mechanisms[index])
            {
                case TwoSidedSolution expected:
                    var actual = Assert.IsType<TwoSidedSolution>(fromModel.Mechanisms[index]);
                    Assert.Equal(expected with { BuyerMenu = [], SellerMenu = [] }, actual with { BuyerMenu = [], SellerMenu = [] });
                    Assert.Equal(expected.BuyerMenu, actual.BuyerMenu);
                    Assert.Equal(expected.SellerMenu, actual.SellerMenu);
                    break;
                case MultiObjectSolution expected:
                    var pairs = Assert.IsType<MultiObjectSolution>(fromModel.Mechanisms[index]);
                    Assert.Equal((expected.GainsFromTrade, expected.Efficiency, expected.Utility), (pairs.GainsFromTrade, pairs.Efficiency, pairs.Utility));
                    foreach (var (want, got) in new[] { (expected.Thresholds.Buyer, pairs.Thresholds.Buyer), (expected.Thresholds.Seller, pairs.Thresholds.Seller) })
                    {
                        Assert.Equal((want.M, want.Sigma), (got.M, got.Sigma));
                        Assert.Equal(want.Mu, got.Mu);
                    }

                    Assert.Equal(expected.Frontier, pairs.Frontier);
                    break;
                case RedistributiveAuctionSolution expected:
                    var groups = Assert.IsType<RedistributiveAuctionSolution>(fromModel.Mechanisms[index]);
                    Assert.Equal((expected.Multiplier, expected.Surplus, expected.Welfare), (groups.Multiplier, groups.Surplus, groups.Welfare));
                    Assert.Equal(expected.LumpSums, groups.LumpSums);
                    Assert.Equal(expected.Players, groups.Players);
                    break;
            }
        }

        var optimal = Assert.IsType<TwoSidedSolution>(fromModel.Mechanisms[2]);
        Assert.Equal(model.OptimalSolutions["optimal"].Welfare, optimal.Welfare);
    }
}

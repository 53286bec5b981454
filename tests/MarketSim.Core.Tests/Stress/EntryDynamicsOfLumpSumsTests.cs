using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Stress;
using MarketSim.Core.Stress.Entry;

namespace MarketSim.Core.Tests.Stress;

/// <summary>
/// "No Free Lunch" (000 Section 6): a lump sum paid to every seller attracts sellers who never
/// trade and drives the kept promise into a growing deficit; without lump sums (CE, the optimal
/// no-lump-sum mechanism) entry costs the budget nothing.
/// </summary>
public sealed class EntryDynamicsOfLumpSumsTests
{
    private static IReadOnlyList<EntryRound> Run(EntrySide side)
    {
        var scenario = StressMarkets.Section2(
            3,
            new CompetitiveEquilibriumSpec("competitive-equilibrium"),
            StressMarkets.PaperWedge,
            new OptimalSpec("optimal-no-lump-sum", LumpSumsAllowed: false));
        var model = new MarketModel(StressScenario.ForSize(scenario, 200, LumpSumPolicy.Promised));
        return EntryDynamics.Run(model, new EntrySpec(Pool: 2000, side, Cost: 0.01, Rounds: 10));
    }

    [Fact]
    public void LumpSumsAttractNonTradersAndTheDeficitGrowsEveryRound()
    {
        var wedge = Run(EntrySide.Sellers).Where(round => round.Mechanism == "paper-wedge").ToArray();
        Assert.Equal(11, wedge.Length); // round 0 and all 10 batches: the lump sum 1/8 > cost 0.01 for every seller
        for (var t = 1; t < wedge.Length; t++)
        {
            Assert.Equal(200, wedge[t].SellerEntrants);
            Assert.True(wedge[t].BudgetSurplus < wedge[t - 1].BudgetSurplus, $"round {t}: the deficit must grow");
            Assert.True(wedge[t].NonTradingEntrants > wedge[t - 1].NonTradingEntrants);
        }

        // Buyers are fixed, so revenue cannot grow; each batch costs 200 x 1/8 / 200 = 1/8 per initial seller.
        Assert.InRange(wedge[^1].BudgetSurplus - wedge[0].BudgetSurplus, -1.25 - 0.05, -1.25 + 0.05);
        Assert.True(wedge[^1].BudgetSurplus < -1.0);
    }

    [Fact]
    public void WithoutLumpSumsEntryNeverCostsTheBudget()
    {
        var rounds = Run(EntrySide.Both);
        foreach (var mechanism in new[] { "competitive-equilibrium", "optimal-no-lump-sum" })
        {
            var own = rounds.Where(round => round.Mechanism == mechanism).ToArray();
            Assert.True(own.Length > 1);
            Assert.True(own.Skip(1).Sum(round => round.SellerEntrants) > 0, "traders do enter");
            Assert.All(own, round =>
            {
                Assert.InRange(round.LumpSumPaid, -1e-9, 1e-9); // the solver's zero revenue, up to rounding
                Assert.InRange(round.BudgetSurplus, -1e-9, 1e-9);
            });
        }

        // Same pool, both sides: the wedge still pays every seller entrant, so its budget falls over the rounds.
        var wedge = rounds.Where(round => round.Mechanism == "paper-wedge").ToArray();
        Assert.True(wedge[^1].BudgetSurplus < wedge[0].BudgetSurplus);
    }

    [Fact]
    public void RationingMakesEntryWithoutLumpSumsSelfLimiting()
    {
        // Sellers only: at the no-lump-sum price the sellers become the long side and the realised
        // trade probability falls, so later batches bring fewer entrants than the first.
        var own = Run(EntrySide.Sellers).Where(round => round.Mechanism == "optimal-no-lump-sum").ToArray();
        Assert.True(own[^1].SellerEntrants < own[1].SellerEntrants);
    }

    [Fact]
    public void InvalidEntrySpecNamesTheField()
    {
        Assert.Equal("entry.pool", Assert.Throws<ArgumentException>(() => new EntrySpec(0, EntrySide.Both, 0.01, 5)).ParamName);
        Assert.Equal("entry.cost", Assert.Throws<ArgumentException>(() => new EntrySpec(10, EntrySide.Both, -1, 5)).ParamName);
        Assert.Equal("entry.rounds", Assert.Throws<ArgumentException>(() => new EntrySpec(10, EntrySide.Both, 0.01, 0)).ParamName);
    }
}

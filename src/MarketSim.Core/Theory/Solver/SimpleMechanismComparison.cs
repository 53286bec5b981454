using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Theory.Solver;

/// <summary>
/// docs/theory.md §1.3 "Comparison with simple mechanisms": the grid optimum is compared with CE and with the best
/// single price that are feasible in the regime (<see cref="SinglePriceMechanism"/>), both computed on the law
/// itself. The better is reported, and a simpler mechanism whose welfare is within the solver's tolerance of the
/// grid optimum is reported instead of it, so the class does not flip on differences the grid cannot resolve.
/// Simplicity: CE, then a single price (one side rationed), then anything else (menus, wedges, lump sums).
/// </summary>
internal static class SimpleMechanismComparison
{
    // Welfare differences at rounding level (relative): below this, two mechanisms tie.
    private const double RoundingTolerance = 1e-13;

    public static OptimalMechanismSolution Choose(
        DualProblem problem, ContinuumMarket market, bool lumpSumsAllowed, OptimalMechanismSolution grid)
    {
        SinglePriceMechanism? equilibrium = SinglePriceMechanism.Equilibrium(market, problem.Equilibrium, lumpSumsAllowed);
        SinglePriceMechanism? single = SinglePriceMechanism.Best(market, problem.Equilibrium.Price, lumpSumsAllowed);
        // The better simple mechanism; CE (the simpler) unless the single price is better beyond rounding.
        SinglePriceMechanism? simple = equilibrium;
        if (single is not null && (simple is null || single.Welfare > simple.Welfare + Rounding(simple.Welfare))) simple = single;
        if (simple is null) return grid;

        bool simpler = Rank(simple) < Rank(grid);
        bool withinTolerance = simple.Welfare >= grid.Welfare - grid.WelfareTolerance;
        bool better = simple.Welfare > grid.Welfare + Rounding(grid.Welfare);
        return (simpler && withinTolerance) || better ? ToSolution(simple, market, lumpSumsAllowed, grid) : grid;
    }

    private static double Rounding(double welfare) => RoundingTolerance * Math.Max(1.0, Math.Abs(welfare));

    private static int Rank(SinglePriceMechanism mechanism) =>
        mechanism.CompetitiveEquilibrium || (mechanism.BuyerProbability >= 1.0 && mechanism.SellerProbability >= 1.0) ? 0 : 1;

    private static int Rank(OptimalMechanismSolution solution)
    {
        if (solution.MechanismClass.Name == MechanismClass.CompetitiveEquilibrium) return 0;
        bool onePrice = solution.BuyerMenu.Count == 1 && solution.SellerMenu.Count == 1 && !solution.MechanismClass.PriceWedge
                        && !solution.MechanismClass.LumpSum && !solution.MechanismClass.NoTrade;
        return onePrice ? 1 : 2;
    }

    /// <summary>
    /// The single price as a solution: one option per side, lotteries {0, G_S(p)} and {0, 1 - G_B(p)} with the
    /// rationing probability on the traded quantity (docs/theory.md §1.3 "Lottery to menu"), no revenue, no lump
    /// sum; the multiplier stays the dual's a*, the shadow value of budget money.
    /// </summary>
    private static OptimalMechanismSolution ToSolution(
        SinglePriceMechanism mechanism, ContinuumMarket market, bool lumpSumsAllowed, OptimalMechanismSolution grid)
    {
        double price = mechanism.Price;
        double sellerQuantity = market.Sellers.Cdf(price), buyerQuantity = 1.0 - market.Buyers.Cdf(price);
        var sellerLottery = Lottery(sellerQuantity, price, mechanism.SellerProbability, market.Sellers.Lower);
        var buyerLottery = Lottery(buyerQuantity, price, mechanism.BuyerProbability, market.Buyers.Upper);
        var mechanismClass = new MechanismClass(
            SellerRationing: mechanism.SellerProbability < 1.0 - 1e-9,
            BuyerRationing: mechanism.BuyerProbability < 1.0 - 1e-9,
            PriceWedge: false,
            LumpSum: false,
            NoTrade: mechanism.Volume <= 1e-12);
        return new OptimalMechanismSolution(
            lumpSumsAllowed,
            grid.Multiplier,
            mechanism.Welfare,
            mechanism.Volume,
            0.0,
            new LumpSumPerAgent(0.0, 0.0),
            [new MenuOption(price, mechanism.BuyerProbability)],
            [new MenuOption(price, mechanism.SellerProbability)],
            mechanismClass,
            buyerLottery,
            sellerLottery,
            grid.WelfareTolerance);
    }

    private static QuantityLotteryPoint[] Lottery(double quantity, double price, double probability, double noTradeRate) =>
        probability >= 1.0
            ? [new QuantityLotteryPoint(quantity, price, 1.0)]
            : [new QuantityLotteryPoint(0.0, noTradeRate, 1.0 - probability), new QuantityLotteryPoint(quantity, price, probability)];
}

using MarketSim.Core.Scenarios;
using MathNet.Numerics.RootFinding;

namespace MarketSim.Core.Theory.Solver;

/// <summary>
/// docs/theory.md §1.3 "Cut-off refinement": when the budget is slack (a* is the lowest admissible multiplier, known
/// exactly) and each side trades at one price (a wedge, 000 Figure 2.2), the volume Q is the root of the continuum
/// first-order condition d/dQ [phi_S^a(Q) + mu phi_B^a(Q/mu)] = 0, i.e.
/// Pi_S(p_S) - a J_S(p_S) + Pi_B(p_B) + a J_B(p_B) = 0 with G_S(p_S) = Q and 1 - G_B(p_B) = Q/mu.
/// It is found by Brent's method next to the grid's volume, so the prices are exact instead of grid points and
/// vary smoothly with the parameters. The refinement is kept only if its exact welfare is not lower.
/// </summary>
internal static class CutoffRefinement
{
    private const double RootAccuracy = 1e-14;
    private const int MaximumIterations = 100;
    // Bracket: this many grid spacings on each side of the grid's volume.
    private const double BracketSpacings = 2.0;

    public static OptimalMechanismSolution Refine(
        DualProblem problem, ContinuumMarket market, double lowestMultiplier, OptimalMechanismSolution grid, double gridSpacing)
    {
        if (grid.SellerLottery.Count != 1 || grid.BuyerLottery.Count != 1 || grid.Multiplier != lowestMultiplier
            || !(grid.Revenue > 0.0) || grid.MechanismClass.SellerRationing || grid.MechanismClass.BuyerRationing)
            return grid;

        IRateLaw sellers = market.Sellers, buyers = market.Buyers;
        double mu = problem.BuyersPerSeller, a = grid.Multiplier;
        double volume = grid.SellerLottery[0].Quantity;
        double lowest = Math.Max(volume - BracketSpacings * gridSpacing, 1e-3 * volume);
        double highest = Math.Min(volume + BracketSpacings * gridSpacing, problem.MaximumVolume * (1.0 - 1e-12));
        if (!(lowest < highest)) return grid;

        double Slope(double q)
        {
            double sellerPrice = sellers.Quantile(q), buyerQuantity = q / mu, buyerPrice = buyers.Quantile(1.0 - buyerQuantity);
            double sellerSlope = (sellers.WeightBelow(sellerPrice) - a * q) / sellers.Density(sellerPrice) - a * sellerPrice;
            double buyerSlope = (buyers.MeanParetoWeight - buyers.WeightBelow(buyerPrice) - a * buyerQuantity) / buyers.Density(buyerPrice) + a * buyerPrice;
            return sellerSlope + buyerSlope;
        }

        double low = Slope(lowest), high = Slope(highest);
        if (!(low > 0.0 && high < 0.0)) return grid; // not a smooth interior maximum in the bracket
        if (!Brent.TryFindRoot(Slope, lowest, highest, RootAccuracy, MaximumIterations, out double refined)) return grid;

        double sellerCutoff = sellers.Quantile(refined), buyerQuantity = refined / mu, buyerCutoff = buyers.Quantile(1.0 - buyerQuantity);
        double revenue = mu * buyerQuantity * buyerCutoff - refined * sellerCutoff;
        if (!(revenue > 0.0)) return grid;
        double grossWelfare = sellers.SellerSurplus(sellerCutoff) + mu * buyers.BuyerSurplus(buyerCutoff);
        bool toSellers = grid.LumpSum.Sellers > 0.0 || !(grid.LumpSum.Buyers > 0.0) && sellers.MeanParetoWeight >= buyers.MeanParetoWeight;
        bool lumpSum = grid.MechanismClass.LumpSum;
        double lumpSumValue = !lumpSum ? 0.0 : (toSellers ? sellers.MeanParetoWeight : buyers.MeanParetoWeight) * revenue;
        double welfare = grossWelfare + lumpSumValue;
        if (!(welfare >= grid.Welfare)) return grid;

        var perAgent = !lumpSum ? new LumpSumPerAgent(0.0, 0.0) : toSellers ? new LumpSumPerAgent(0.0, revenue) : new LumpSumPerAgent(revenue / mu, 0.0);
        return grid with
        {
            Welfare = welfare,
            Volume = refined,
            Revenue = revenue,
            LumpSum = perAgent,
            BuyerMenu = [new MenuOption(buyerCutoff, 1.0)],
            SellerMenu = [new MenuOption(sellerCutoff, 1.0)],
            BuyerLottery = [new QuantityLotteryPoint(buyerQuantity, buyerCutoff, 1.0)],
            SellerLottery = [new QuantityLotteryPoint(refined, sellerCutoff, 1.0)],
        };
    }
}

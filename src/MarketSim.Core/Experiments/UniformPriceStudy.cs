using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Experiments;

/// <summary>
/// 000 Figures 2.1 and 2.2 from the solver, next to the closed forms of <see cref="UniformExample"/>.
/// Without lump sums the optimum is one price (rationing the long side): the price of the side that
/// is not rationed is the unique one (docs/theory.md §1.3, "often not unique on one side"), so that is the
/// solver's single price. With lump sums the optimum is the wedge (p_B, p_S) plus the lump sum.
/// </summary>
public static class UniformPriceStudy
{
    public static IReadOnlyList<SinglePricePoint> SinglePrice(IReadOnlyList<double> sellerValuesOfMoney, SolverOptions? options = null)
    {
        var points = new SinglePricePoint[sellerValuesOfMoney.Count];
        Parallel.For(0, points.Length, i =>
        {
            var m = sellerValuesOfMoney[i];
            var solution = OptimalMechanismSolver.Solve(UniformExample.Market(m), lumpSumsAllowed: false, options);
            var buyerPrice = SurestPrice(solution.BuyerMenu);
            var sellerPrice = SurestPrice(solution.SellerMenu);
            var price = solution.MechanismClass.BuyerRationing ? sellerPrice : buyerPrice;
            points[i] = new SinglePricePoint(
                m, price, UniformExample.OptimalSinglePrice(m), UniformExample.CompetitiveEquilibriumPrice(m), UniformExample.MaximalPrice(m),
                buyerPrice, sellerPrice, solution.Volume, solution.MechanismClass.Name);
        });
        return points;
    }

    public static IReadOnlyList<WedgePoint> Wedge(IReadOnlyList<double> sellerValuesOfMoney, SolverOptions? options = null)
    {
        var points = new WedgePoint[sellerValuesOfMoney.Count];
        Parallel.For(0, points.Length, i =>
        {
            var m = sellerValuesOfMoney[i];
            var solution = OptimalMechanismSolver.Solve(UniformExample.Market(m), lumpSumsAllowed: true, options);
            points[i] = new WedgePoint(
                m, SurestPrice(solution.BuyerMenu), SurestPrice(solution.SellerMenu),
                solution.LumpSum.Buyers, solution.LumpSum.Sellers, solution.Volume, UniformExample.Wedge(m),
                UniformExample.CompetitiveEquilibriumPrice(m), solution.MechanismClass.Name);
        });
        return points;
    }

    /// <summary>The price of the option with the highest probability (the sure option of a menu); NaN if no trade.</summary>
    private static double SurestPrice(IReadOnlyList<MenuOption> menu) =>
        menu.Count == 0 ? double.NaN : menu.MaxBy(option => option.Probability)!.Price;
}

/// <summary>Figure 2.1 at one m: the solver's price and the closed form, with the CE and maximal prices.</summary>
public sealed record SinglePricePoint(
    double SellerValueOfMoney, double SolverPrice, double ClosedFormPrice, double CompetitiveEquilibriumPrice, double MaximalPrice,
    double SolverBuyerPrice, double SolverSellerPrice, double Volume, string MechanismClass);

/// <summary>Figure 2.2 at one m: the solver's wedge and lump sums, with the closed form.</summary>
public sealed record WedgePoint(
    double SellerValueOfMoney, double BuyerPrice, double SellerPrice, double LumpSumBuyers, double LumpSumSellers, double Volume,
    WedgeClosedForm ClosedForm, double CompetitiveEquilibriumPrice, string MechanismClass);

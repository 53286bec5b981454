using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Mechanisms.Optimal;

/// <summary>
/// <c>optimal</c> and <c>optimal-no-lump-sum</c>: the solver's menus (docs/theory.md §1.3) run by the
/// clearinghouse like any other menu (docs/theory.md §2). The lump sum goes to the side the solver pays it to;
/// without one (budget binding, or "No Free Lunch") the realised finite-market revenue, which is zero
/// in the continuum, is still split so that the budget balances exactly every round.
/// </summary>
public static class OptimalMechanism
{
    public static MenuMechanism Create(OptimalSpec spec, ContinuumMarket market) =>
        Create(spec, market, OptimalMechanismSolver.Solve(market, spec.LumpSumsAllowed));

    public static MenuMechanism Create(OptimalSpec spec, ContinuumMarket market, OptimalMechanismSolution solution)
    {
        if (solution.BuyerMenu.Count == 0 || solution.SellerMenu.Count == 0)
        {
            // Bad input, not a failure: the laws leave no gains from trade the optimum can use (e.g. every
            // buyer's rate below every seller's), so a run has nothing to simulate; solve still reports it.
            throw new ArgumentException(
                $"the optimal mechanism '{spec.Label}' trades nothing in this market, so there is no menu to run with finite agents ('solve' reports its continuum values)",
                "mechanisms");
        }

        var recipient = solution.LumpSum.Buyers > 0 ? LumpSumRecipient.Buyers
            : solution.LumpSum.Sellers > 0 ? LumpSumRecipient.Sellers
            : LumpSumRecipient.Auto;
        return MenuMechanism.Create(spec.Label, solution.BuyerMenu, solution.SellerMenu, spec.LumpSum, recipient, market);
    }
}

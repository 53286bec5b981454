using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Theory.Solver;

/// <summary>
/// The optimal-mechanism solver of docs/theory.md §1.3: concavified dual, multiplier search, primal recovery with
/// the budget binding exactly, reduction to a basic solution, lottery-to-menu conversion.
/// </summary>
public static class OptimalMechanismSolver
{
    // Revenue within this of zero counts as a balanced budget (the grid values are O(1)).
    private const double RevenueTolerance = 1e-12;
    private const int MaximumBisections = 200;

    /// <param name="cancellationToken">Checked while the grid is built and between multiplier trials.</param>
    public static OptimalMechanismSolution Solve(
        ContinuumMarket market, bool lumpSumsAllowed, SolverOptions? options = null, CancellationToken cancellationToken = default)
    {
        DualProblem problem = DualProblem.Create(market, options ?? SolverOptions.Default, cancellationToken);
        return Solve(problem, market, lumpSumsAllowed, cancellationToken);
    }

    internal static OptimalMechanismSolution Solve(
        DualProblem problem, ContinuumMarket market, bool lumpSumsAllowed, CancellationToken cancellationToken = default) =>
        SimpleMechanismComparison.Choose(
            problem,
            market,
            lumpSumsAllowed,
            CutoffRefinement.Refine(
                problem, market, LowestMultiplier(market, lumpSumsAllowed), SolveOnGrid(problem, market, lumpSumsAllowed, cancellationToken), problem.GridSpacing));

    // docs/theory.md §1.3: lump sums allowed => a >= a0 = max(Lambda_S, Lambda_B); "No Free Lunch" => a >= 0.
    private static double LowestMultiplier(ContinuumMarket market, bool lumpSumsAllowed) =>
        lumpSumsAllowed ? Math.Max(market.Sellers.MeanParetoWeight, market.Buyers.MeanParetoWeight) : 0.0;

    /// <summary>Steps 1-7 of docs/theory.md §1.3: the grid optimum, before the comparison with simple mechanisms.</summary>
    private static OptimalMechanismSolution SolveOnGrid(
        DualProblem problem, ContinuumMarket market, bool lumpSumsAllowed, CancellationToken cancellationToken)
    {
        double sellerWeight = market.Sellers.MeanParetoWeight, buyerWeight = market.Buyers.MeanParetoWeight;
        double lowestMultiplier = LowestMultiplier(market, lumpSumsAllowed);

        (double multiplier, LotteryPoint[] sellers, LotteryPoint[] buyers, bool budgetBinding) =
            SearchMultiplier(problem, lowestMultiplier, cancellationToken);
        (sellers, buyers) = BasicSolutionReduction.Reduce(problem, multiplier, sellers, buyers, budgetBinding);
        ExactAtoms.Atom[] sellerAtoms = ExactAtoms.Build(problem, sellers, market.Sellers, sellers: true);
        ExactAtoms.Atom[] buyerAtoms = ExactAtoms.Build(problem, buyers, market.Buyers, sellers: false);

        double mu = problem.BuyersPerSeller;
        double grossWelfare = 0.0, revenue = 0.0, volume = 0.0;
        foreach (ExactAtoms.Atom atom in sellerAtoms)
        {
            grossWelfare += atom.Weight * atom.Surplus;
            revenue -= atom.Weight * atom.Payment;
            volume += atom.Weight * atom.Quantity;
        }
        foreach (ExactAtoms.Atom atom in buyerAtoms)
        {
            grossWelfare += mu * atom.Weight * atom.Surplus;
            revenue += mu * atom.Weight * atom.Payment;
        }

        double sellerLumpSum = 0.0, buyerLumpSum = 0.0, lumpSumValue = 0.0;
        if (lumpSumsAllowed && revenue > RevenueTolerance)
        {
            // The revenue goes to the side with Lambda_j = a0 (sellers on a tie: any split is optimal).
            if (sellerWeight >= buyerWeight)
            {
                sellerLumpSum = revenue;
                lumpSumValue = sellerWeight * revenue;
            }
            else
            {
                buyerLumpSum = revenue / mu;
                lumpSumValue = buyerWeight * revenue;
            }
        }

        QuantityLotteryPoint[] sellerLottery = sellerAtoms.Select(a => new QuantityLotteryPoint(a.Quantity, a.CutoffRate, a.Weight)).ToArray();
        QuantityLotteryPoint[] buyerLottery = buyerAtoms.Select(a => new QuantityLotteryPoint(a.Quantity, a.CutoffRate, a.Weight)).ToArray();
        IReadOnlyList<MenuOption> sellerMenu = LotteryToMenu.Convert(sellerLottery);
        IReadOnlyList<MenuOption> buyerMenu = LotteryToMenu.Convert(buyerLottery);

        var lumpSum = new LumpSumPerAgent(buyerLumpSum, sellerLumpSum);
        var mechanismClass = MechanismClass.Of(sellerLottery, buyerLottery, sellerMenu, buyerMenu, revenue, lumpSum, volume);

        return new OptimalMechanismSolution(
            lumpSumsAllowed,
            multiplier,
            grossWelfare + lumpSumValue,
            volume,
            revenue,
            lumpSum,
            buyerMenu,
            sellerMenu,
            mechanismClass,
            buyerLottery,
            sellerLottery,
            problem.InterpolationError(multiplier));
    }

    /// <summary>
    /// a* = the smallest admissible a whose maximiser has Rev >= 0 (Rev is non-decreasing in a). If the
    /// lowest admissible a already gives Rev >= 0 the budget may be slack; otherwise bisect to the kink of
    /// the (piecewise-linear, discretised) dual and mix the maximisers on both sides so that Rev = 0.
    /// </summary>
    private static (double Multiplier, LotteryPoint[] Sellers, LotteryPoint[] Buyers, bool BudgetBinding) SearchMultiplier(
        DualProblem problem, double lowestMultiplier, CancellationToken cancellationToken)
    {
        LagrangianMaximum low = problem.Maximise(lowestMultiplier);
        if (low.Revenue >= -RevenueTolerance)
            return (lowestMultiplier, low.Sellers, low.Buyers, low.Revenue <= RevenueTolerance);

        double upperMultiplier = Math.Max(2.0 * lowestMultiplier, 1.0);
        LagrangianMaximum high = problem.Maximise(upperMultiplier);
        for (int doubling = 0; high.Revenue < 0.0 && doubling < 60; doubling++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            low = high;
            upperMultiplier *= 2.0;
            high = problem.Maximise(upperMultiplier);
        }
        if (high.Revenue < -RevenueTolerance)
        {
            // Every trade loses money at any shadow price: only no trade balances the budget.
            return (upperMultiplier, [new LotteryPoint(0, 1.0)], [new LotteryPoint(0, 1.0)], true);
        }

        for (int step = 0; step < MaximumBisections && high.Revenue > RevenueTolerance; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double middle = 0.5 * (low.Multiplier + high.Multiplier);
            if (middle <= low.Multiplier || middle >= high.Multiplier) break;
            LagrangianMaximum trial = problem.Maximise(middle);
            if (trial.Revenue < -RevenueTolerance) low = trial;
            else high = trial;
        }
        if (high.Revenue <= RevenueTolerance)
            return (high.Multiplier, high.Sellers, high.Buyers, true);

        // Both maximisers are optimal at the kink a*; the mix theta*low + (1-theta)*high has Rev = 0.
        double theta = high.Revenue / (high.Revenue - low.Revenue);
        LotteryPoint[] sellers = Mix(low.Sellers, high.Sellers, theta);
        LotteryPoint[] buyers = Mix(low.Buyers, high.Buyers, theta);
        return (0.5 * (low.Multiplier + high.Multiplier), sellers, buyers, true);
    }

    private static LotteryPoint[] Mix(LotteryPoint[] first, LotteryPoint[] second, double firstShare) =>
        first.Select(p => p with { Weight = firstShare * p.Weight })
            .Concat(second.Select(p => p with { Weight = (1.0 - firstShare) * p.Weight }))
            .ToArray();
}

using Google.OrTools.LinearSolver;
using MarketSim.Core.Theory;
using LinearSolver = Google.OrTools.LinearSolver.Solver;

namespace MarketSim.Core.Tests.Theory.Solver.LinearProgram;

/// <summary>
/// Independent check of the optimal-mechanism solver (issue 4): the designer's problem of docs/theory.md §1.1 as a linear
/// program in (X_j, T_j), solved by OR-Tools' GLOP. No virtual values, no quantile blocks, no concavification.
/// <para>
/// Discretisation: each side's rate axis is cut into <c>cells</c> cells of equal mass (boundaries
/// c_k = G_j^{-1}(k / cells)), and a mechanism gives every type of cell k the same (X_k, T_k). Such a step
/// mechanism is a mechanism of the continuum economy, and its welfare is computed EXACTLY from the law:
/// int_cell lambda U dG = T_k int_cell lambda dG -/+ X_k int_cell lambda r dG. So the LP optimum is a lower
/// bound on the continuum optimum (up to GLOP's tolerance, ~1e-9 here); what it misses is only the
/// misallocation inside the one or two cells a continuum cut-off falls in, of order (cell mass) x (cell
/// width), i.e. O(1/cells^2) for a density bounded away from zero at the cut-off.
/// </para>
/// Constraints (sellers: utility T - X r; buyers: X r - T):
/// <list type="bullet">
/// <item>Monotonicity: X_S non-increasing, X_B non-decreasing in the rate. It is needed (not implied by the
/// boundary IC rows below): a type strictly inside cell k would otherwise envy its neighbour.</item>
/// <item>IC between adjacent cells, at their common boundary rate c_k, both ways: the last type of cell k does
/// not take cell k+1's option and the first type of cell k+1 does not take cell k's (both have rate c_k, so the
/// two rows make c_k indifferent). With monotone X and single crossing (utility linear in r, slope -X or X),
/// these adjacent constraints imply IC between every pair of types.</item>
/// <item>IR at the worst type (sellers: rbar_S; buyers: r_B): utility &gt;= 0; utility is monotone in the rate,
/// so this is IR for all. With lump sums allowed the slack IS a lump sum (an equal payment to every agent of
/// that side, added to every T); the LP may give one to either side. Without lump sums (No Free Lunch,
/// 000 Section 6; docs/theory.md §1.3) the worst types' utility is exactly 0.</item>
/// <item>Market clearing: mu sum_k X_B,k m_B,k = sum_k X_S,k m_S,k.</item>
/// <item>Budget balance: mu sum_k T_B,k m_B,k &gt;= sum_k T_S,k m_S,k (T includes any lump sum).</item>
/// </list>
/// </summary>
internal static class DiscretisedDesignerProblem
{
    /// <summary>Optimal welfare per seller of the discretised problem, and the total lump sums (IR slacks) per side.</summary>
    public sealed record Result(double Welfare, double SellerLumpSum, double BuyerLumpSum, double Volume);

    public static Result Solve(ContinuumMarket market, bool lumpSumsAllowed, int cells) =>
        Solve(market, lumpSumsAllowed, Cells.Create(market.Sellers, cells), Cells.Create(market.Buyers, cells));

    /// <summary>
    /// As <see cref="Solve(ContinuumMarket, bool, int)"/>, with the cells' integrals taken from the EXACT laws
    /// (quadrature per call, no table) on the boundaries G^{-1}(k / cells) of <paramref name="market"/>'s laws:
    /// an independent check of a tabulated law. Any partition gives a valid step mechanism, so the LP stays a
    /// lower bound. When <paramref name="market"/>'s support is truncated at rbar, the last cell also holds the
    /// tail (its mass and exact weights): the LP is then of the same truncated economy.
    /// </summary>
    public static Result Solve(ContinuumMarket market, ContinuumMarket exact, bool lumpSumsAllowed, int cells) =>
        Solve(market, lumpSumsAllowed, Cells.FromExact(market.Sellers, exact.Sellers, cells), Cells.FromExact(market.Buyers, exact.Buyers, cells));

    private static Result Solve(ContinuumMarket market, bool lumpSumsAllowed, Cells sellers, Cells buyers)
    {
        int cells = sellers.Mass.Length;
        double mu = market.BuyersPerSeller;
        using LinearSolver solver = LinearSolver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is unavailable");
        double infinity = double.PositiveInfinity;
        Variable[] sellerQuantity = solver.MakeNumVarArray(cells, 0.0, 1.0, "XS");
        Variable[] sellerTransfer = solver.MakeNumVarArray(cells, -infinity, infinity, "TS");
        Variable[] buyerQuantity = solver.MakeNumVarArray(cells, 0.0, 1.0, "XB");
        Variable[] buyerTransfer = solver.MakeNumVarArray(cells, -infinity, infinity, "TB");

        Objective objective = solver.Objective();
        for (int k = 0; k < cells; k++)
        {
            // W = int lambda_S (T - X r) dG_S + mu int lambda_B (X r - T) dG_B (docs/theory.md §1.1 VAL).
            objective.SetCoefficient(sellerTransfer[k], sellers.Weight[k]);
            objective.SetCoefficient(sellerQuantity[k], -sellers.WeightedRate[k]);
            objective.SetCoefficient(buyerQuantity[k], mu * buyers.WeightedRate[k]);
            objective.SetCoefficient(buyerTransfer[k], -mu * buyers.Weight[k]);
        }
        objective.SetMaximization();

        for (int k = 0; k + 1 < cells; k++)
        {
            // Sellers: X_S,k >= X_S,k+1; boundary rate c = c_{k+1} between cells k and k+1.
            AddRow(solver, 0.0, infinity, (sellerQuantity[k], 1.0), (sellerQuantity[k + 1], -1.0));
            double c = sellers.Boundary[k + 1];
            // U_k(c) - U_{k+1}(c) = (T_k - X_k c) - (T_{k+1} - X_{k+1} c): >= 0 (cell k's last type) and <= 0 (cell k+1's first).
            AddRow(solver, 0.0, infinity, (sellerTransfer[k], 1.0), (sellerQuantity[k], -c), (sellerTransfer[k + 1], -1.0), (sellerQuantity[k + 1], c));
            AddRow(solver, -infinity, 0.0, (sellerTransfer[k], 1.0), (sellerQuantity[k], -c), (sellerTransfer[k + 1], -1.0), (sellerQuantity[k + 1], c));

            // Buyers: X_B,k <= X_B,k+1; U_k(d) - U_{k+1}(d) = (X_k d - T_k) - (X_{k+1} d - T_{k+1}).
            AddRow(solver, 0.0, infinity, (buyerQuantity[k + 1], 1.0), (buyerQuantity[k], -1.0));
            double d = buyers.Boundary[k + 1];
            AddRow(solver, 0.0, infinity, (buyerQuantity[k], d), (buyerTransfer[k], -1.0), (buyerQuantity[k + 1], -d), (buyerTransfer[k + 1], 1.0));
            AddRow(solver, -infinity, 0.0, (buyerQuantity[k], d), (buyerTransfer[k], -1.0), (buyerQuantity[k + 1], -d), (buyerTransfer[k + 1], 1.0));
        }

        // IR at the worst types; its slack is the lump sum (or must be 0: No Free Lunch).
        double slackBound = lumpSumsAllowed ? infinity : 0.0;
        int last = cells - 1;
        AddRow(solver, 0.0, slackBound, (sellerTransfer[last], 1.0), (sellerQuantity[last], -sellers.Boundary[cells]));
        AddRow(solver, 0.0, slackBound, (buyerQuantity[0], buyers.Boundary[0]), (buyerTransfer[0], -1.0));

        Constraint clearing = solver.MakeConstraint(0.0, 0.0, "market-clearing");
        Constraint budget = solver.MakeConstraint(0.0, infinity, "budget");
        for (int k = 0; k < cells; k++)
        {
            clearing.SetCoefficient(buyerQuantity[k], mu * buyers.Mass[k]);
            clearing.SetCoefficient(sellerQuantity[k], -sellers.Mass[k]);
            budget.SetCoefficient(buyerTransfer[k], mu * buyers.Mass[k]);
            budget.SetCoefficient(sellerTransfer[k], -sellers.Mass[k]);
        }

        LinearSolver.ResultStatus status = solver.Solve();
        if (status != LinearSolver.ResultStatus.OPTIMAL)
            throw new InvalidOperationException($"GLOP returned {status}");

        double volume = 0.0;
        for (int k = 0; k < cells; k++) volume += sellerQuantity[k].SolutionValue() * sellers.Mass[k];
        double sellerLumpSum = sellerTransfer[last].SolutionValue() - sellerQuantity[last].SolutionValue() * sellers.Boundary[cells];
        double buyerLumpSum = buyerQuantity[0].SolutionValue() * buyers.Boundary[0] - buyerTransfer[0].SolutionValue();
        return new Result(objective.Value(), sellerLumpSum, buyerLumpSum, volume);
    }

    private static void AddRow(LinearSolver solver, double lower, double upper, params (Variable Variable, double Coefficient)[] terms)
    {
        Constraint row = solver.MakeConstraint(lower, upper);
        foreach ((Variable variable, double coefficient) in terms) row.SetCoefficient(variable, coefficient);
    }

    /// <summary>Equal-mass cells of one side: boundaries, mass, int_cell lambda dG and int_cell lambda r dG.</summary>
    internal sealed record Cells(double[] Boundary, double[] Mass, double[] Weight, double[] WeightedRate)
    {
        public static Cells Create(IRateLaw law, int count)
        {
            var boundary = new double[count + 1];
            for (int k = 0; k <= count; k++)
                boundary[k] = k == 0 ? law.Lower : k == count ? law.Upper : Math.Clamp(law.Quantile((double)k / count), law.Lower, law.Upper);
            var mass = new double[count];
            var weight = new double[count];
            var weightedRate = new double[count];
            for (int k = 0; k < count; k++)
            {
                mass[k] = law.Cdf(boundary[k + 1]) - law.Cdf(boundary[k]);
                weight[k] = law.WeightBelow(boundary[k + 1]) - law.WeightBelow(boundary[k]);
                weightedRate[k] = WeightedRateBelow(law, boundary[k + 1]) - WeightedRateBelow(law, boundary[k]);
            }
            return new Cells(boundary, mass, weight, weightedRate);
        }

        /// <summary>
        /// Boundaries from <paramref name="boundaries"/>' quantiles; mass G, weight M = int lambda dG and
        /// K = int lambda tau dG = c M(c) - int M (parts; 4-point Gauss-Legendre per cell on the exact M).
        /// </summary>
        public static Cells FromExact(IRateLaw boundaries, IRateLaw exact, int count)
        {
            var boundary = new double[count + 1];
            for (int k = 0; k <= count; k++)
                boundary[k] = k == 0 ? boundaries.Lower : k == count ? boundaries.Upper : Math.Clamp(boundaries.Quantile((double)k / count), boundaries.Lower, boundaries.Upper);
            double meanWeight = exact.MeanParetoWeight;
            double meanGood = exact.BuyerSurplus(exact.Lower) + exact.Lower * meanWeight;
            var cdf = new double[count + 1];
            var weightBelow = new double[count + 1];
            var goodBelow = new double[count + 1];
            double integral = 0.0;
            for (int k = 1; k <= count; k++)
            {
                integral += MathNet.Numerics.Integration.GaussLegendreRule.Integrate(exact.WeightBelow, boundary[k - 1], boundary[k], 4);
                bool last = k == count;
                cdf[k] = last ? 1.0 : exact.Cdf(boundary[k]);
                weightBelow[k] = last ? meanWeight : exact.WeightBelow(boundary[k]);
                goodBelow[k] = last ? meanGood : boundary[k] * weightBelow[k] - integral;
            }
            var mass = new double[count];
            var weight = new double[count];
            var weightedRate = new double[count];
            for (int k = 0; k < count; k++)
            {
                mass[k] = cdf[k + 1] - cdf[k];
                weight[k] = weightBelow[k + 1] - weightBelow[k];
                weightedRate[k] = goodBelow[k + 1] - goodBelow[k];
            }
            return new Cells(boundary, mass, weight, weightedRate);
        }

        // int_{r_j}^{r} lambda tau dG = r WeightBelow(r) - SellerSurplus(r) (integration by parts of SellerSurplus).
        private static double WeightedRateBelow(IRateLaw law, double rate) => rate * law.WeightBelow(rate) - law.SellerSurplus(rate);
    }
}

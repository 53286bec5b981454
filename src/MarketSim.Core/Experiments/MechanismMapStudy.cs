using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.Diagnostics;
using MarketSim.Core.Theory.RateLaws;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Experiments;

/// <summary>
/// 000 Figures 7.1 (lump sums allowed) and 7.2 (No Free Lunch): the class of the optimal mechanism
/// over (alpha, beta) for the Pareto/power family of docs/theory.md §1.4: buyers v^K ~ U[0,1], v^M = 1 (mass
/// mu); sellers v^K with CDF v^beta, v^M ~ Pareto(1, alpha). Each cell carries the solver's form of the optimum
/// (<see cref="MechanismClass.Form"/>, the classifier <c>solve</c> uses) and the papers' verdicts for the model with
/// lump sums (<see cref="OptimalityConditionCheck"/>): the "Theory" region of 000 Figure 7.1, where Theorem 2 with
/// Remark 2 proves a price mechanism optimal, and the cells where Remark 1 proves seller rationing at this mu.
/// Grid points are independent solves, run in parallel into fixed slots, so the map does not depend on the thread count.
/// </summary>
public static class MechanismMapStudy
{
    /// <summary>Every (alpha, beta) of the grid, alpha outer, beta inner, in that order.</summary>
    public static IReadOnlyList<MechanismMapCell> Compute(
        double buyersPerSeller, bool lumpSumsAllowed, IReadOnlyList<double> alphas, IReadOnlyList<double> betas, SolverOptions? options = null)
    {
        var buyers = RateLawFactory.Create(new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1)));
        var cells = new MechanismMapCell[alphas.Count * betas.Count];
        Parallel.For(0, cells.Length, index =>
        {
            double alpha = alphas[index / betas.Count], beta = betas[index % betas.Count];
            var market = new ContinuumMarket(buyers, new PowerParetoSellerRateLaw(alpha, beta), buyersPerSeller);
            var solution = OptimalMechanismSolver.Solve(market, lumpSumsAllowed, options);
            // The theory's verdicts answer the model with lump sums (Figure 7.1) only.
            var theory = lumpSumsAllowed ? MarketDiagnosis.Compute(market).Conditions.LumpSumsAllowed : null;
            cells[index] = new MechanismMapCell(
                alpha, beta, solution.MechanismClass.Form, solution.MechanismClass.Name, solution.Welfare,
                theory?.PriceMechanismOptimal == true, theory?.RemarkOne.SellersRationed == true);
        });
        return cells;
    }

    /// <summary>The price mechanisms of 000 Section 7 (no rationing, no lottery): CE, a wedge, a wedge with a lump sum.</summary>
    public static bool IsPriceMechanism(MechanismForm form) =>
        form is MechanismForm.CompetitiveEquilibrium or MechanismForm.WedgeWithLumpSum or MechanismForm.PriceWedge;

    /// <summary>beta = alpha - 1 - 1/alpha: below it a price mechanism (wedge + lump sum to sellers) is optimal (000 Section 7.1, docs/theory.md §1.4).</summary>
    public static double PriceMechanismLine(double alpha) => alpha - 1.0 - 1.0 / alpha;

    /// <summary>beta = (alpha^2 - alpha)/(alpha + 1): above it sellers' same-side inequality is high (000 Section 7.1, docs/theory.md §1.4).</summary>
    public static double HighInequalityLine(double alpha) => (alpha * alpha - alpha) / (alpha + 1.0);

    /// <summary>n evenly spaced points from first to last inclusive.</summary>
    public static double[] Grid(double first, double last, int count) =>
        count == 1 ? [first] : Enumerable.Range(0, count).Select(i => first + (last - first) * i / (count - 1)).ToArray();
}

/// <summary>
/// One solved grid point of the map: the optimum's form and class name, its welfare, and whether the papers' conditions
/// (with lump sums) prove a price mechanism optimal (<c>TheoryPriceMechanism</c>, Theorem 2 via Remark 2) or seller
/// rationing at this mu (<c>TheorySellersRationed</c>, Remark 1); both false on a map without lump sums.
/// </summary>
public sealed record MechanismMapCell(
    double Alpha, double Beta, MechanismForm Form, string MechanismClass, double Welfare, bool TheoryPriceMechanism, bool TheorySellersRationed);

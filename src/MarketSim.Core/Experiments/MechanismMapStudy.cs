using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Experiments;

/// <summary>
/// 000 Figures 7.1 (lump sums allowed) and 7.2 (No Free Lunch): the class of the optimal mechanism
/// over (alpha, beta) for the Pareto/power family of docs/theory.md §1.4: buyers v^K ~ U[0,1], v^M = 1 (mass
/// mu); sellers v^K with CDF v^beta, v^M ~ Pareto(1, alpha). Grid points are independent solves, run
/// in parallel into fixed slots, so the map does not depend on the thread count.
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
            cells[index] = new MechanismMapCell(alpha, beta, Classify(solution.MechanismClass), solution.MechanismClass.Name, solution.Welfare);
        });
        return cells;
    }

    /// <summary>The figure's legend: price mechanisms (CE, wedge, wedge with lump sum) versus who is rationed.</summary>
    public static MechanismMapRegion Classify(MechanismClass mechanismClass) => mechanismClass switch
    {
        { NoTrade: true } => MechanismMapRegion.NoTrade,
        { SellerRationing: true, BuyerRationing: true } => MechanismMapRegion.BothRationed,
        { SellerRationing: true } => MechanismMapRegion.SellersRationed,
        { BuyerRationing: true } => MechanismMapRegion.BuyersRationed,
        _ => MechanismMapRegion.PriceMechanism,
    };

    /// <summary>beta = alpha - 1 - 1/alpha: below it a price mechanism (wedge + lump sum to sellers) is optimal (000 Section 7.1, docs/theory.md §1.4).</summary>
    public static double PriceMechanismLine(double alpha) => alpha - 1.0 - 1.0 / alpha;

    /// <summary>beta = (alpha^2 - alpha)/(alpha + 1): above it sellers' same-side inequality is high (000 Section 7.1, docs/theory.md §1.4).</summary>
    public static double HighInequalityLine(double alpha) => (alpha * alpha - alpha) / (alpha + 1.0);

    /// <summary>n evenly spaced points from first to last inclusive.</summary>
    public static double[] Grid(double first, double last, int count) =>
        count == 1 ? [first] : Enumerable.Range(0, count).Select(i => first + (last - first) * i / (count - 1)).ToArray();
}

/// <summary>One solved grid point of the map.</summary>
public sealed record MechanismMapCell(double Alpha, double Beta, MechanismMapRegion Region, string MechanismClass, double Welfare);

/// <summary>The regions of 000 Figures 7.1-7.2.</summary>
public enum MechanismMapRegion
{
    PriceMechanism,
    SellersRationed,
    BuyersRationed,
    BothRationed,
    NoTrade,
}

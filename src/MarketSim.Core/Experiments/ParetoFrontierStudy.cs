using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.Solver;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Core.Experiments;

/// <summary>
/// 000 Figure 1.1: the constrained Pareto frontier of a market with equal masses of buyers and
/// sellers and uniform rates r ~ U[0,1] on both sides. For a seller weight share w in (0,1) the
/// designer maximises (1-w) U_B + w U_S: the sides in Pareto-weight form (001 Theorem 8) with
/// constant weights. Each optimum's menus are then evaluated with unit weights to read off the
/// sides' utilities (money-metric surplus per unit mass, lump sums included). The unconstrained
/// frontier is the line U_B + U_S = the CE total surplus (second welfare theorem, 000 Section 1).
/// </summary>
public static class ParetoFrontierStudy
{
    public static IReadOnlyList<ParetoFrontierPoint> Compute(IReadOnlyList<double> sellerWeightShares, SolverOptions? options = null)
    {
        var unweighted = Market(1.0, 1.0);
        var points = new ParetoFrontierPoint[sellerWeightShares.Count];
        Parallel.For(0, points.Length, i =>
        {
            var share = sellerWeightShares[i];
            var solution = OptimalMechanismSolver.Solve(Market(1.0 - share, share), lumpSumsAllowed: true, options);
            var recipient = solution.LumpSum.Buyers > 0 ? LumpSumRecipient.Buyers
                : solution.LumpSum.Sellers > 0 ? LumpSumRecipient.Sellers
                : LumpSumRecipient.Auto;
            var outcome = MenuMechanism.Create(
                "optimal", solution.BuyerMenu, solution.SellerMenu, LumpSumPolicy.Realized, recipient, unweighted).Continuum(unweighted);
            points[i] = new ParetoFrontierPoint(
                share, outcome.WelfareBuyers, outcome.WelfareSellers, solution.Volume, solution.MechanismClass.Name);
        });
        return points;
    }

    /// <summary>U_B + U_S on the unconstrained frontier: the CE total surplus (1/4 for the uniform market).</summary>
    public static double UnconstrainedTotal() => ContinuumCompetitiveEquilibrium.Solve(Market(1.0, 1.0)).Welfare;

    /// <summary>Both sides r ~ U[0,1], mu = 1, Pareto weights constant.</summary>
    public static ContinuumMarket Market(double buyerWeight, double sellerWeight) => new(
        RateLawFactory.Create(new ParetoWeightLawSpec(new UniformSpec(0, 1), [buyerWeight])),
        RateLawFactory.Create(new ParetoWeightLawSpec(new UniformSpec(0, 1), [sellerWeight])),
        1.0);
}

/// <summary>One optimum on the constrained frontier: the sides' utilities per unit mass of sellers.</summary>
public sealed record ParetoFrontierPoint(double SellerWeightShare, double BuyerUtility, double SellerUtility, double Volume, string MechanismClass);

using MarketSim.Core.Mechanisms;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.MultiObject;

/// <summary>
/// The continuum theory of a <c>multi-object-threshold</c> mechanism (issue 6; docs/theory.md §3): what
/// <c>solve</c> prints, as <c>{ name, thresholds: { buyer: { M, sigma, mu }, seller: {...} }, worstTypePayment:
/// { buyer, seller }, utility: { buyer, seller }, gainsFromTrade, firstBest, efficiency, frontier: [ { sellerWeight,
/// buyer, seller } ] }</c> in <c>solve --json</c> (formatted by the command line).
/// Values are per pair (N objects). <c>frontier</c> lists the Pareto vertices by rising seller weight;
/// each vertex's <c>sellerWeight</c> is the weight from which on it is optimal (0 or the breakpoint it
/// starts at), as 004 Section 2 tells it ("(6.82, 3.44) as a_s rises past 1/2").
/// <c>firstBestAttainable</c>: whether trading every object the buyer values more balances the budget
/// (004 Section 5; the same for every N). <c>positiveUtilityFrom: { buyer, seller }</c>: per agent the
/// smallest N from which it gets a strictly positive ex-ante utility in every second-best mechanism
/// (004 Proposition 5, <see cref="PositiveUtilityThreshold"/>; docs/theory.md §3).
/// </summary>
public sealed record MultiObjectSolution(
    string Name,
    ThresholdPair Thresholds,
    PerSide WorstTypePayment,
    PerSide Utility,
    double GainsFromTrade,
    double FirstBest,
    double Efficiency,
    IReadOnlyList<FrontierPoint> Frontier,
    bool FirstBestAttainable,
    ObjectCounts PositiveUtilityFrom)
    : MechanismSolution(Name)
{
    /// <summary>Solves the spec at its seller weight and sweeps the frontier.</summary>
    public static MultiObjectSolution FromSpec(MultiObjectThresholdSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problem = new MultiObjectProblem(spec.Objects, spec.Buyer, spec.Seller);
        return From(spec.Label, ThresholdSolver.Solve(problem, spec.EffectiveSellerWeight), ParetoFrontier.Compute(problem));
    }

    public static MultiObjectSolution From(string name, ThresholdMechanism mechanism, ParetoFrontier frontier)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        ArgumentNullException.ThrowIfNull(frontier);
        return new MultiObjectSolution(
            name,
            new ThresholdPair(ThresholdForm.Of(mechanism.Buyer), ThresholdForm.Of(mechanism.Seller)),
            new PerSide(mechanism.Buyer.WorstTypePayment, mechanism.Seller.WorstTypePayment),
            new PerSide(mechanism.Buyer.Utility, mechanism.Seller.Utility),
            mechanism.GainsFromTrade,
            mechanism.FirstBestGains,
            mechanism.Efficiency,
            frontier.Vertices
                .Select(vertex => new FrontierPoint(vertex.SellerWeightFromValue, vertex.BuyerUtility, vertex.SellerUtility))
                .ToArray(),
            mechanism.Problem.FirstBestAttainable,
            new ObjectCounts(
                PositiveUtilityThreshold.SmallestObjects(mechanism.Problem, Side.Buyers),
                PositiveUtilityThreshold.SmallestObjects(mechanism.Problem, Side.Sellers)));
    }
}

/// <summary><c>{ buyer, seller }</c> numbers of objects.</summary>
public sealed record ObjectCounts(int Buyer, int Seller);

/// <summary><c>{ buyer, seller }</c> threshold forms.</summary>
public sealed record ThresholdPair(ThresholdForm Buyer, ThresholdForm Seller);

/// <summary><c>{ M, sigma, mu }</c>: see <see cref="SideThreshold"/> for the normal form.</summary>
public sealed record ThresholdForm(int M, double Sigma, IReadOnlyList<double> Mu)
{
    public static ThresholdForm Of(SideThreshold side)
    {
        ArgumentNullException.ThrowIfNull(side);
        return new ThresholdForm(side.Threshold, side.Sigma, side.Mu);
    }
}

/// <summary><c>{ buyer, seller }</c> numbers.</summary>
public sealed record PerSide(double Buyer, double Seller);

/// <summary>A frontier vertex: <c>{ sellerWeight, buyer, seller }</c> (utilities per pair).</summary>
public sealed record FrontierPoint(double SellerWeight, double Buyer, double Seller);

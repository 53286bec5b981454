using MarketSim.Core.MultiObject;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Experiments;

/// <summary>
/// The figures of issue 6 for 004's example (docs/theory.md §3: vb_h = 12, vb_l = 1, vs_h = 11, vs_l = 0,
/// q = 1/2): the Pareto frontier per object, the thresholds against the seller weight, and the
/// efficiency (expected gains over first-best gains) against N. Exact (rational) solver underneath.
/// </summary>
public static class MultiObjectStudy
{
    public static readonly BinaryValues ExampleBuyer = new(12, 1, 0.5);
    public static readonly BinaryValues ExampleSeller = new(11, 0, 0.5);

    public static MultiObjectProblem Example(int objects) => new(objects, ExampleBuyer, ExampleSeller);

    /// <summary>
    /// Values where the first best is attainable (004 Figures 4-5, whose values the paper does not
    /// print): vb = 12/4, vs = 8/0, q = 1/2. Per object G_0 - sum b = 3 - 2 = 1 &gt;= 0 (docs/theory.md §3),
    /// and by Proposition 5 each agent trades some bad objects at any weight from N = 3 on.
    /// </summary>
    public static readonly BinaryValues FirstBestBuyer = new(12, 4, 0.5);
    public static readonly BinaryValues FirstBestSeller = new(8, 0, 0.5);

    /// <summary>The first-best-attainable problem with N objects.</summary>
    public static MultiObjectProblem FirstBestExample(int objects) => new(objects, FirstBestBuyer, FirstBestSeller);

    /// <summary>The frontier's vertices with utilities divided by N (004 Section 4's sweep of the seller weight).</summary>
    public static IReadOnlyList<MultiObjectFrontierPoint> FrontierPerObject(int objects) => FrontierPerObject(Example(objects));

    /// <summary>The frontier's vertices of <paramref name="problem"/> with utilities divided by N.</summary>
    public static IReadOnlyList<MultiObjectFrontierPoint> FrontierPerObject(MultiObjectProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var objects = problem.Objects;
        var frontier = ParetoFrontier.Compute(problem);
        return frontier.Vertices
            .Select(vertex => new MultiObjectFrontierPoint(
                objects, vertex.SellerWeightFromValue, vertex.SellerWeightToValue,
                vertex.BuyerUtility / objects, vertex.SellerUtility / objects))
            .ToArray();
    }

    /// <summary>Each side's threshold M + 1 - sigma (<see cref="SideThreshold.EffectiveThreshold"/>) at each seller weight.</summary>
    public static IReadOnlyList<MultiObjectThresholdPoint> Thresholds(int objects, IReadOnlyList<double> sellerWeights) =>
        Thresholds(Example(objects), sellerWeights);

    /// <summary>Each side's thresholds in <paramref name="problem"/> at each seller weight.</summary>
    public static IReadOnlyList<MultiObjectThresholdPoint> Thresholds(MultiObjectProblem problem, IReadOnlyList<double> sellerWeights)
    {
        return sellerWeights
            .Select(weight =>
            {
                var mechanism = ThresholdSolver.Solve(problem, weight);
                return new MultiObjectThresholdPoint(
                    weight, mechanism.Buyer.EffectiveThreshold, mechanism.Seller.EffectiveThreshold, mechanism.Efficiency)
                {
                    BuyerPaperThreshold = mechanism.Buyer.PaperThreshold,
                    SellerPaperThreshold = mechanism.Seller.PaperThreshold,
                    BuyerPaperSigma = mechanism.Buyer.Mu[mechanism.Buyer.PaperThreshold],
                    SellerPaperSigma = mechanism.Seller.Mu[mechanism.Seller.PaperThreshold],
                };
            })
            .ToArray();
    }

    /// <summary>Efficiency of the optimum at the given seller weight for N = 1..maximum (004: rises towards 1).</summary>
    public static IReadOnlyList<MultiObjectEfficiencyPoint> Efficiency(int maximumObjects, double sellerWeight)
    {
        return Enumerable.Range(1, maximumObjects)
            .Select(objects =>
            {
                var mechanism = ThresholdSolver.Solve(Example(objects), sellerWeight);
                return new MultiObjectEfficiencyPoint(objects, mechanism.GainsFromTrade, mechanism.FirstBestGains, mechanism.Efficiency);
            })
            .ToArray();
    }
}

/// <summary>A frontier vertex per object, optimal for seller weights in (From, To).</summary>
public sealed record MultiObjectFrontierPoint(int Objects, double SellerWeightFrom, double SellerWeightTo, double BuyerUtilityPerObject, double SellerUtilityPerObject);

/// <summary>
/// Thresholds at one seller weight: M + 1 - sigma (0 = trade every bad object, N = never) and 004
/// Theorem 1's integer M^j with its sigma^j (<see cref="SideThreshold.PaperThreshold"/>).
/// </summary>
public sealed record MultiObjectThresholdPoint(double SellerWeight, double BuyerThreshold, double SellerThreshold, double Efficiency)
{
    public int BuyerPaperThreshold { get; init; }

    public int SellerPaperThreshold { get; init; }

    public double BuyerPaperSigma { get; init; }

    public double SellerPaperSigma { get; init; }
}

/// <summary>Expected gains, first-best gains and their ratio at one N.</summary>
public sealed record MultiObjectEfficiencyPoint(int Objects, double GainsFromTrade, double FirstBestGains, double Efficiency);

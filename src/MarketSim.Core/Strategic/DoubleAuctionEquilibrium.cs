using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;
using MathNet.Numerics.LinearAlgebra;

namespace MarketSim.Core.Strategic;

/// <summary>
/// A symmetric Bayes-Nash equilibrium of the finite CE as a k-double auction (docs/theory.md §2.4):
/// N_B buyers and N_S sellers with i.i.d. rates (the scenario's laws) submit bids and asks; the pooled
/// reports sorted ascending y_1 &lt;= ... &lt;= y_L bracket the CE clearing interval [y_{N_B}, y_{N_B+1}]
/// and the price is (1 - kappa) y_{N_B} + kappa y_{N_B+1}, kappa = 1/2 (midpoint), 0 (low), 1 (high)
/// (Rustichini, Satterthwaite and Williams 1994).
/// <para>Method: the first-order conditions (<see cref="FirstOrderConditions"/>) collocated on type grids
/// that span the types that can trade (graded towards their ends), plus the two ends where corner pools
/// begin: 2n + 2 equations solved by Newton's method with a finite-difference Jacobian (MathNet LU), a
/// backtracking line search that keeps both bid functions strictly increasing on their grids, and
/// Levenberg-Marquardt steps where the Newton direction does not descend. Start: linear shading by
/// 1/(n + 2) of the distance to the end of the report range (n = min(N_B, N_S)); if Newton stalls from
/// there, continuation from the solution of a 1.5 times larger market. Selected equilibrium: continuous bid
/// functions, strictly increasing where a type's report can change its trade, truthful for the types that
/// cannot trade, and pooled on the other side's extreme report where bidding beyond it can only worsen the
/// price; for one pair with uniform values it is Chatterjee and Samuelson's (1983) linear equilibrium.
/// Step equilibria (reports pooled on a few prices, Leininger, Linhart and Radner 1989) are excluded by
/// construction.</para>
/// <para>Checked GLOBALLY afterwards: <see cref="MaximumGain"/> is the largest expected-utility gain any
/// grid type can make by any report on a fine report grid (<see cref="DeviationGains"/>).</para>
/// </summary>
public sealed class DoubleAuctionEquilibrium
{
    private DoubleAuctionEquilibrium(BidFunction buyers, BidFunction sellers, int iterations, double residual, double maximumGain, double gainAgainstTruth)
    {
        GainAgainstTruth = gainAgainstTruth;
        Buyers = buyers;
        Sellers = sellers;
        Iterations = iterations;
        Residual = residual;
        MaximumGain = maximumGain;
    }

    public BidFunction Buyers { get; }

    public BidFunction Sellers { get; }

    /// <summary>Newton steps taken (all continuation stages together).</summary>
    public int Iterations { get; }

    /// <summary>The largest first-order-condition residual at the solution, in rate units.</summary>
    public double Residual { get; }

    /// <summary>The largest gain in expected utility any grid type can make by deviating from its bid (the deviation check).</summary>
    public double MaximumGain { get; }

    /// <summary>
    /// The largest gain any checked type makes by its best report when every trader reports truthfully:
    /// the incentive to shade that the equilibrium removes (the scale of <see cref="Converged"/>).
    /// </summary>
    public double GainAgainstTruth { get; }

    /// <summary>
    /// Whether the solution is accepted as an equilibrium (an epsilon-equilibrium test on utilities): no
    /// checked type gains more by any report than <see cref="RelativeGainTolerance"/> of
    /// <see cref="GainAgainstTruth"/>, or than <see cref="GainTolerance"/>. The incentive to shade falls
    /// like 1/N^2 (from about 0.03 for two pairs to 1e-5 at 200), so a fixed tolerance would either
    /// refuse small markets or accept truth itself in large ones. The first-order residual is reported but
    /// does not decide: Newton's method aims at 1e-10, and where a report crosses a grid point of the
    /// other side the piecewise-linear bid functions leave residual floors between 1e-8 and 1e-4 that cost
    /// the traders far less.
    /// </summary>
    public bool Converged => MaximumGain <= Math.Max(GainTolerance, RelativeGainTolerance * GainAgainstTruth);

    /// <summary>
    /// The largest side scenarios may ask an equilibrium for: at 10,000 agents per side a solve takes
    /// about 15 s on one core (the sums are O(sqrt N) per type, the deviation check O(N) per report), and
    /// the shading, which falls like 1/N, is below 1e-4 of the rate range.
    /// </summary>
    public const int MaximumAgentsPerSide = 10_000;

    /// <summary>The expected-utility gain from deviating (rate units x probability of trade) that an accepted solution always allows.</summary>
    public const double GainTolerance = 1e-6;

    /// <summary>The share of the gain against truthful play that an accepted solution may leave to a deviating type.</summary>
    public const double RelativeGainTolerance = 0.01;

    public static double Kappa(PriceRule rule) => rule switch
    {
        PriceRule.Low => 0.0,
        PriceRule.High => 1.0,
        _ => 0.5,
    };

    /// <summary>Solves the game with <paramref name="typePoints"/> types per side; the deviation check uses <paramref name="reportPoints"/> reports.</summary>
    /// <param name="tolerance">The first-order residual (rate units) below which Newton's method from the linear start is not continued from larger markets.</param>
    public static DoubleAuctionEquilibrium Solve(
        IRateLaw buyerLaw,
        IRateLaw sellerLaw,
        int buyerCount,
        int sellerCount,
        PriceRule rule,
        int typePoints = 101,
        int reportPoints = 4001,
        double tolerance = 1e-4,
        bool buyersStrategic = true,
        bool sellersStrategic = true)
    {
        ArgumentNullException.ThrowIfNull(buyerLaw);
        ArgumentNullException.ThrowIfNull(sellerLaw);
        ArgumentOutOfRangeException.ThrowIfLessThan(buyerCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sellerCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(typePoints, 5);
        var kappa = Kappa(rule);
        var conditions = new FirstOrderConditions(buyerLaw, sellerLaw, buyerCount, sellerCount, kappa, typePoints, buyersStrategic, sellersStrategic);
        var (unknowns, iterations, residual) = SolveWithContinuation(conditions, buyerLaw, sellerLaw, buyerCount, sellerCount, kappa, typePoints, tolerance);
        var (buyers, sellers) = conditions.BidFunctions(unknowns);
        var check = new DeviationGains(buyerLaw, sellerLaw, buyerCount, sellerCount, kappa, CheckedTypes(typePoints), reportPoints);
        var truthful = (Buyers: Truthful(buyerLaw, buyersStrategic ? null : buyers), Sellers: Truthful(sellerLaw, sellersStrategic ? null : sellers));
        return new DoubleAuctionEquilibrium(buyers, sellers, iterations, residual, check.MaximumGain(buyers, sellers), check.MaximumGain(truthful.Buyers, truthful.Sellers));
    }

    /// <summary>Truthful reports over the law's support (a side that is not strategic keeps its own, truthful, function).</summary>
    private static BidFunction Truthful(IRateLaw law, BidFunction? own) => own ?? BidFunction.Truthful([law.Lower, law.Upper]);

    /// <summary>The largest gain from deviating when the buyers bid <paramref name="buyers"/> and the sellers ask <paramref name="sellers"/> (same laws and sizes).</summary>
    public static double MaximumGainAgainst(
        IRateLaw buyerLaw, IRateLaw sellerLaw, int buyerCount, int sellerCount, PriceRule rule, BidFunction buyers, BidFunction sellers, int reportPoints = 4001)
    {
        ArgumentNullException.ThrowIfNull(buyers);
        ArgumentNullException.ThrowIfNull(sellers);
        return new DeviationGains(buyerLaw, sellerLaw, buyerCount, sellerCount, Kappa(rule), CheckedTypes(buyers.Types.Count), reportPoints).MaximumGain(buyers, sellers);
    }

    /// <summary>The deviation check tests twice as many types as the solution has nodes, half of them between nodes.</summary>
    private static int CheckedTypes(int typePoints) => (2 * typePoints) - 1;

    private static (double[] Unknowns, int Iterations, double Residual) SolveWithContinuation(
        FirstOrderConditions conditions, IRateLaw buyerLaw, IRateLaw sellerLaw, int buyerCount, int sellerCount, double kappa, int typePoints, double tolerance)
    {
        var start = LinearStart(conditions, buyerLaw, sellerLaw, 1.0 / (Math.Min(buyerCount, sellerCount) + 2));
        var (unknowns, iterations, residual) = Newton(conditions, start, DirectNewtonSteps);
        if (residual < tolerance || Math.Min(buyerCount, sellerCount) >= ContinuationLimit)
        {
            return (unknowns, iterations, residual);
        }

        // Continuation from a LARGER market (large markets shade little and Newton converges there from
        // the linear start; for one pair with uniform values the linear start is the solution). The
        // neighbour's shading is scaled by the ratio of the market sizes (shading falls like 1/N,
        // docs/theory.md §2.4); the same ratio of buyers to sellers is kept.
        var n = Math.Min(buyerCount, sellerCount);
        var neighbourSellers = Math.Max(sellerCount + 1, (int)Math.Ceiling(sellerCount * ContinuationFactor));
        var neighbourBuyers = Math.Max(1, (int)Math.Round(buyerCount * (double)neighbourSellers / sellerCount));
        var neighbourConditions = new FirstOrderConditions(buyerLaw, sellerLaw, neighbourBuyers, neighbourSellers, kappa, typePoints, conditions.BuyersStrategic, conditions.SellersStrategic);
        var (neighbour, neighbourIterations, _) = SolveWithContinuation(neighbourConditions, buyerLaw, sellerLaw, neighbourBuyers, neighbourSellers, kappa, typePoints, tolerance);
        var scale = (Math.Min(neighbourBuyers, neighbourSellers) + 1.0) / (n + 1.0);
        var (bids, asks) = neighbourConditions.BidFunctions(neighbour);
        var (buyerPoolStart, sellerPoolEnd) = neighbourConditions.PoolEnds(neighbour);
        var guess = conditions.UnknownsOf(v => v + (scale * (bids.At(v) - v)), c => c + (scale * (asks.At(c) - c)), buyerPoolStart, sellerPoolEnd);
        var (continued, continuedIterations, continuedResidual) = Newton(conditions, guess, MaximumNewtonSteps);
        var steps = iterations + neighbourIterations + continuedIterations;
        return continuedResidual <= residual ? (continued, steps, continuedResidual) : (unknowns, steps, residual);
    }

    /// <summary>Newton steps from the linear start before falling back on continuation.</summary>
    private const int DirectNewtonSteps = 12;

    private const double ContinuationFactor = 1.5;

    /// <summary>Markets this large are not continued further (Newton converges from the linear start there).</summary>
    private const int ContinuationLimit = 1024;

    /// <summary>
    /// Linear shading by the fraction <paramref name="shade"/> towards the other side's extreme report,
    /// truthful where a type cannot trade: b(v) = v below the lowest ask a_0 and a_0 + (1 - shade)(v - a_0)
    /// above; s(c) = c above the highest bid b_1 and b_1 - (1 - shade)(b_1 - c) below, with a_0 = s(lowest
    /// seller rate) and b_1 = b(highest buyer rate) solved jointly. With shade 1/3, one pair and uniform
    /// values on [0, 1] this is exactly Chatterjee and Samuelson's equilibrium (a_0 = 1/4, b_1 = 3/4).
    /// </summary>
    private static double[] LinearStart(FirstOrderConditions conditions, IRateLaw buyerLaw, IRateLaw sellerLaw, double shade)
    {
        var keep = 1 - shade;
        var lowestAsk = Math.Max(sellerLaw.Lower, ((shade * buyerLaw.Upper) + sellerLaw.Lower) / (1 + shade));
        var highestBid = (shade * lowestAsk) + (keep * buyerLaw.Upper);
        return conditions.UnknownsOf(
            v => v <= lowestAsk ? v : lowestAsk + (keep * (v - lowestAsk)),
            c => c >= highestBid ? c : highestBid - (keep * (highestBid - c)),
            buyerLaw.Upper,
            sellerLaw.Lower);
    }

    private const int MaximumNewtonSteps = 60;

    /// <summary>Newton's method stops below this residual (rate units).</summary>
    private const double NewtonTarget = 1e-10;

    /// <summary>Newton's method with a backtracking line search on the squared residual norm.</summary>
    private static (double[] Unknowns, int Iterations, double Residual) Newton(FirstOrderConditions conditions, double[] start, int maximumSteps)
    {
        var x = start.ToArray();
        var residuals = conditions.Residuals(x);
        var norm = SquaredNorm(residuals);
        var steps = 0;
        while (steps < maximumSteps && MaxAbs(residuals) >= NewtonTarget)
        {
            steps++;
            var jacobian = Matrix<double>.Build.Dense(x.Length, x.Length);
            for (var j = 0; j < x.Length; j++)
            {
                var h = 1e-7 * Math.Max(1.0, Math.Abs(x[j]));
                var shifted = x.ToArray();
                shifted[j] += h;
                var column = conditions.Residuals(shifted);
                for (var i = 0; i < x.Length; i++)
                {
                    jacobian[i, j] = (column[i] - residuals[i]) / h;
                }
            }

            var r = Vector<double>.Build.DenseOfArray(residuals);
            var accepted = TryStep(conditions, ref x, ref residuals, ref norm, jacobian.Solve(r));

            // Where the Newton direction does not decrease the residual (kinks of the piecewise-linear
            // bid functions, near-singular Jacobians), Levenberg-Marquardt steps with growing damping:
            // (J'J + lambda D) d = J'r with D = diag(J'J), a descent direction for |r|^2.
            if (!accepted)
            {
                var normal = jacobian.TransposeThisAndMultiply(jacobian);
                var gradient = jacobian.TransposeThisAndMultiply(r);
                var diagonal = normal.Diagonal();
                for (var lambda = 1e-4; lambda < 1e8 && !accepted; lambda *= 10)
                {
                    var damped = normal.Clone();
                    for (var i = 0; i < x.Length; i++)
                    {
                        damped[i, i] += lambda * Math.Max(diagonal[i], 1e-12);
                    }

                    accepted = TryStep(conditions, ref x, ref residuals, ref norm, damped.Solve(gradient));
                }
            }

            if (!accepted)
            {
                break;
            }
        }

        return (x, steps, MaxAbs(residuals));
    }

    /// <summary>Backtracking line search along x - t d, keeping both bid functions strictly increasing.</summary>
    private static bool TryStep(FirstOrderConditions conditions, ref double[] x, ref double[] residuals, ref double norm, Vector<double> direction)
    {
        for (var t = 1.0; t > 1e-4; t *= 0.5)
        {
            var current = x;
            var trial = current.Select((value, i) => value - (t * direction[i])).ToArray();
            if (!conditions.Admissible(trial))
            {
                continue;
            }

            var trialResiduals = conditions.Residuals(trial);
            var trialNorm = SquaredNorm(trialResiduals);
            if (trialNorm < (1 - (1e-4 * t)) * norm)
            {
                x = trial;
                residuals = trialResiduals;
                norm = trialNorm;
                return true;
            }
        }

        return false;
    }

    private static double SquaredNorm(double[] values) => values.Sum(value => value * value);

    private static double MaxAbs(double[] values) => values.Max(Math.Abs);
}

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
/// <para>Method: the first-order conditions (<see cref="FirstOrderConditions"/>) collocated at every
/// point of the two type grids, a system of 2n equations in the bids and asks on the grids, solved by
/// Newton's method with a finite-difference Jacobian (MathNet LU) and a backtracking line search that
/// keeps both bid functions strictly increasing. Start: linear shading by 1/(n + 2) of the distance to
/// the end of the report range (n = min(N_B, N_S)); if Newton stalls from there, by continuation from
/// the solution at half the market size. Selected equilibrium: the one with continuous, strictly
/// increasing bid functions in which types that cannot trade report truthfully; for one pair with
/// uniform values it is Chatterjee and Samuelson's (1983) linear equilibrium. Step equilibria (reports
/// pooled on a few prices, Leininger, Linhart and Radner 1989) are excluded by construction.</para>
/// <para>Checked GLOBALLY afterwards: <see cref="MaximumGain"/> is the largest expected-utility gain any
/// grid type can make by any report on a fine report grid (<see cref="DeviationGains"/>).</para>
/// </summary>
public sealed class DoubleAuctionEquilibrium
{
    private DoubleAuctionEquilibrium(BidFunction buyers, BidFunction sellers, int iterations, double residual, double maximumGain, bool converged)
    {
        Buyers = buyers;
        Sellers = sellers;
        Iterations = iterations;
        Residual = residual;
        MaximumGain = maximumGain;
        Converged = converged;
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
    /// Whether the solution is accepted: every first-order residual below the requested tolerance (default
    /// 1e-4 in rate units), or no grid type gaining more than <see cref="GainTolerance"/> by any report
    /// (the deviation check). Newton's method aims at 1e-10; the piecewise-linear bid functions have kinks
    /// (where trade starts and where a report crosses a grid point of the other side), and at some market
    /// sizes the residual stalls between 1e-6 and 1e-2 at kinks that matter little for the traders'
    /// utilities: there the deviation check decides.
    /// </summary>
    public bool Converged { get; }

    /// <summary>The largest side scenarios may ask an equilibrium for (the exact sums cost O(N) per type and Newton step; shading falls like 1/N).</summary>
    public const int MaximumAgentsPerSide = 100;

    /// <summary>The largest expected-utility gain from deviating that an accepted solution allows (rate units x probability).</summary>
    public const double GainTolerance = 1e-6;

    public static double Kappa(PriceRule rule) => rule switch
    {
        PriceRule.Low => 0.0,
        PriceRule.High => 1.0,
        _ => 0.5,
    };

    /// <summary>Solves the game with <paramref name="typePoints"/> types per side; the deviation check uses <paramref name="reportPoints"/> reports.</summary>
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
        var buyerTypes = DeviationGains.Grid(buyerLaw.Lower, buyerLaw.Upper, typePoints);
        var sellerTypes = DeviationGains.Grid(sellerLaw.Lower, sellerLaw.Upper, typePoints);
        var (unknowns, iterations, residual) = SolveWithContinuation(buyerLaw, sellerLaw, buyerCount, sellerCount, kappa, buyerTypes, sellerTypes, tolerance, buyersStrategic, sellersStrategic);
        var bids = unknowns[..typePoints];
        var asks = unknowns[typePoints..];
        var gain = new DeviationGains(buyerLaw, sellerLaw, buyerCount, sellerCount, kappa, typePoints, reportPoints).MaximumGain(bids, asks);
        return new DoubleAuctionEquilibrium(
            new BidFunction(buyerTypes, bids), new BidFunction(sellerTypes, asks), iterations, residual, gain, residual < tolerance || gain < GainTolerance);
    }

    /// <summary>The largest gain from deviating when the buyers bid <paramref name="buyers"/> and the sellers ask <paramref name="sellers"/> (same laws and sizes).</summary>
    public static double MaximumGainAgainst(
        IRateLaw buyerLaw, IRateLaw sellerLaw, int buyerCount, int sellerCount, PriceRule rule, BidFunction buyers, BidFunction sellers, int reportPoints = 4001)
    {
        ArgumentNullException.ThrowIfNull(buyers);
        ArgumentNullException.ThrowIfNull(sellers);
        var check = new DeviationGains(buyerLaw, sellerLaw, buyerCount, sellerCount, Kappa(rule), buyers.Types.Count, reportPoints);
        return check.MaximumGain(check.BuyerTypes.Select(buyers.At).ToArray(), check.SellerTypes.Select(sellers.At).ToArray());
    }

    private static (double[] Unknowns, int Iterations, double Residual) SolveWithContinuation(
        IRateLaw buyerLaw, IRateLaw sellerLaw, int buyerCount, int sellerCount, double kappa, double[] buyerTypes, double[] sellerTypes, double tolerance, bool buyersStrategic, bool sellersStrategic)
    {
        var conditions = new FirstOrderConditions(buyerLaw, sellerLaw, buyerCount, sellerCount, kappa, buyerTypes, sellerTypes, buyersStrategic, sellersStrategic);
        var start = LinearStart(buyerLaw, sellerLaw, 1.0 / (Math.Min(buyerCount, sellerCount) + 2), buyerTypes, sellerTypes);
        if (!buyersStrategic)
        {
            buyerTypes.CopyTo(start, 0);
        }

        if (!sellersStrategic)
        {
            sellerTypes.CopyTo(start, buyerTypes.Length);
        }
        var (unknowns, iterations, residual) = Newton(conditions, start, DirectNewtonSteps);
        if (residual < tolerance || Math.Min(buyerCount, sellerCount) >= ContinuationLimit)
        {
            return (unknowns, iterations, residual);
        }

        // Continuation. Small markets from the next smaller one (one pair converges from the linear
        // start, which is Chatterjee-Samuelson's solution for uniform values); larger ones from a LARGER
        // market (large markets shade little and Newton converges there from the linear start). The
        // neighbour's shading is scaled by the ratio of the market sizes (shading falls like 1/N,
        // docs/theory.md §2.4); the same ratio of buyers to sellers is kept.
        var n = Math.Min(buyerCount, sellerCount);
        var neighbourSellers = n <= SmallMarket
            ? Math.Max(1, sellerCount - (sellerCount / n))
            : Math.Max(sellerCount + 1, (int)Math.Ceiling(sellerCount * ContinuationFactor));
        var neighbourBuyers = Math.Max(1, (int)Math.Round(buyerCount * (double)neighbourSellers / sellerCount));
        var (neighbour, neighbourIterations, _) = SolveWithContinuation(buyerLaw, sellerLaw, neighbourBuyers, neighbourSellers, kappa, buyerTypes, sellerTypes, tolerance, buyersStrategic, sellersStrategic);
        var scale = (Math.Min(neighbourBuyers, neighbourSellers) + 1.0) / (n + 1.0);
        var types = buyerTypes.Concat(sellerTypes).ToArray();
        var guess = neighbour.Select((report, i) => types[i] + (scale * (report - types[i]))).ToArray();
        var (continued, continuedIterations, continuedResidual) = Newton(conditions, guess, MaximumNewtonSteps);
        return (continued, iterations + neighbourIterations + continuedIterations, continuedResidual);
    }

    /// <summary>Markets with at most this many traders on the short side are continued from smaller ones.</summary>
    private const int SmallMarket = 1;

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
    private static double[] LinearStart(IRateLaw buyerLaw, IRateLaw sellerLaw, double shade, double[] buyerTypes, double[] sellerTypes)
    {
        var keep = 1 - shade;
        var lowestAsk = Math.Max(sellerLaw.Lower, ((shade * buyerLaw.Upper) + sellerLaw.Lower) / (1 + shade));
        var highestBid = (shade * lowestAsk) + (keep * buyerLaw.Upper);
        var bids = buyerTypes.Select(v => v <= lowestAsk ? v : lowestAsk + (keep * (v - lowestAsk)));
        var asks = sellerTypes.Select(c => c >= highestBid ? c : highestBid - (keep * (highestBid - c)));
        return bids.Concat(asks).ToArray();
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

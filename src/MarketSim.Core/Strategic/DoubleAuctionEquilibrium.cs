using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;

namespace MarketSim.Core.Strategic;

/// <summary>
/// A symmetric Bayes-Nash equilibrium of the finite CE as a k-double auction (docs/finite-markets.md):
/// N_B buyers and N_S sellers with i.i.d. rates (the scenario's laws) submit bids and asks; the pooled
/// reports sorted ascending y_1 &lt;= ... &lt;= y_L bracket the CE clearing interval, [y_{N_S}, y_{N_S+1}]
/// = [max(s_k, b_{k+1}), min(b_k, s_{k+1})], and the price is (1 - kappa) y_{N_S} + kappa y_{N_S+1} with
/// kappa = 1/2 (midpoint), 0 (low), 1 (high) (Rustichini, Satterthwaite and Williams 1994).
/// <para>Expected utilities from the exact order statistics of the rivals' reports. With o_j the j-th
/// smallest rival report (M = N_S), a buyer bidding x trades iff o_M &lt; x, at (1 - kappa) o_M + kappa o_{M+1}
/// if o_{M+1} &lt; x and at (1 - kappa) o_M + kappa x otherwise, so with F_j the law of o_j and
/// I_j(x) = E[o_j 1{o_j &lt; x}]:
/// U_B(x; v) = v F_M(x) - (1 - kappa) I_M(x) - kappa I_{M+1}(x) - kappa x (F_M(x) - F_{M+1}(x)).
/// A seller asking y (rivals: all buyers and the other sellers) trades iff o_M &gt; y:
/// U_S(y; c) = -c (1 - F_M(y)) + (1 - kappa) J_{M-1}(y) + kappa J_M(y) + (1 - kappa) y (F_{M-1}(y) - F_M(y)),
/// J_j(y) = E[o_j 1{o_j &gt; y}] (o_0 = -infinity). For one pair and uniform values the fixed point is
/// Chatterjee and Samuelson's (1983) linear equilibrium.</para>
/// <para>Method: damped iterated LOCAL best response. Start from linear shading by 1/(n + 2) of the
/// distance to the support's end (n = min(N_B, N_S); for one pair and uniform values 2v/3 and
/// 2c/3 + 1/3, next to Chatterjee-Samuelson). Each round every type on the type grid finds its best
/// report within 4 report-grid steps of its current one (undominated side of the truth; ties towards
/// the truth, so types that cannot trade report truthfully) and moves halfway there, until no
/// type's target differs from its report by more than the tolerance. Global best-response dynamics
/// were tried first and drift to step equilibria (reports pooled on a few prices, Leininger, Linhart
/// and Radner 1989), so the local dynamics select the smooth equilibrium next to the linear start.
/// The result is then checked GLOBALLY: <see cref="MaximumGain"/> is the largest gain any type can
/// make by any report on the grid. Measured for one pair, uniform values, midpoint rule: 107 rounds,
/// within 0.018 of Chatterjee-Samuelson (small steps remain), largest deviation gain 6e-4. For
/// N = 4 pairs the dynamics did not settle within 2000 rounds (gain 5e-3): check
/// <see cref="Converged"/> and <see cref="MaximumGain"/> before using a solution.</para>
/// </summary>
public sealed class DoubleAuctionEquilibrium
{
    private DoubleAuctionEquilibrium(BidFunction buyers, BidFunction sellers, int iterations, double tolerance, double maximumGain, bool converged)
    {
        Buyers = buyers;
        Sellers = sellers;
        Iterations = iterations;
        Tolerance = tolerance;
        MaximumGain = maximumGain;
        Converged = converged;
    }

    public BidFunction Buyers { get; }

    public BidFunction Sellers { get; }

    public int Iterations { get; }

    /// <summary>The stopping tolerance on |best response - bid|, in rate units.</summary>
    public double Tolerance { get; }

    /// <summary>The largest gain in expected utility any type can make by deviating from its bid (the deviation check).</summary>
    public double MaximumGain { get; }

    public bool Converged { get; }

    public static double Kappa(PriceRule rule) => rule switch
    {
        PriceRule.Low => 0.0,
        PriceRule.High => 1.0,
        _ => 0.5,
    };

    /// <summary>Solves the game; <paramref name="typePoints"/> types per side, <paramref name="reportPoints"/> report grid points.</summary>
    public static DoubleAuctionEquilibrium Solve(
        IRateLaw buyerLaw,
        IRateLaw sellerLaw,
        int buyerCount,
        int sellerCount,
        PriceRule rule,
        int typePoints = 101,
        int reportPoints = 2001,
        double tolerance = 1e-4,
        int maximumIterations = 2000)
    {
        ArgumentNullException.ThrowIfNull(buyerLaw);
        ArgumentNullException.ThrowIfNull(sellerLaw);
        ArgumentOutOfRangeException.ThrowIfLessThan(buyerCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sellerCount, 1);
        var game = new Game(buyerLaw, sellerLaw, buyerCount, sellerCount, Kappa(rule), typePoints, reportPoints);
        // Start from linear shading by 1/(n + 2) of the distance to the support's end (for one pair and
        // uniform values this is 2v/3 and 2c/3 + 1/3, next to Chatterjee-Samuelson's strategies).
        var shade = 1.0 / (Math.Min(buyerCount, sellerCount) + 2);
        var buyerBids = game.BuyerTypes.Select(v => v - (shade * (v - buyerLaw.Lower))).ToArray();
        var sellerBids = game.SellerTypes.Select(c => c + (shade * (sellerLaw.Upper - c))).ToArray();
        var iterations = 0;
        var converged = false;
        while (iterations < maximumIterations && !converged)
        {
            iterations++;
            var (buyerTarget, sellerTarget) = game.LocalBestResponses(buyerBids, sellerBids);
            var change = 0.0;
            for (var i = 0; i < buyerBids.Length; i++)
            {
                change = Math.Max(change, Math.Abs(buyerTarget[i] - buyerBids[i]));
                buyerBids[i] += Damping * (buyerTarget[i] - buyerBids[i]);
            }

            for (var i = 0; i < sellerBids.Length; i++)
            {
                change = Math.Max(change, Math.Abs(sellerTarget[i] - sellerBids[i]));
                sellerBids[i] += Damping * (sellerTarget[i] - sellerBids[i]);
            }

            Monotone(buyerBids);
            Monotone(sellerBids);
            converged = change < tolerance;
        }

        var gain = game.MaximumGain(buyerBids, sellerBids);
        return new DoubleAuctionEquilibrium(
            new BidFunction(game.BuyerTypes, buyerBids), new BidFunction(game.SellerTypes, sellerBids), iterations, tolerance, gain, converged);
    }

    /// <summary>Step towards the first-order solution (smaller steps are stable for more markets, at more iterations).</summary>
    private const double Damping = 0.5;

    /// <summary>The largest gain from deviating when the buyers bid <paramref name="buyers"/> and the sellers ask <paramref name="sellers"/> (same laws and sizes).</summary>
    public static double MaximumGainAgainst(
        IRateLaw buyerLaw, IRateLaw sellerLaw, int buyerCount, int sellerCount, PriceRule rule, BidFunction buyers, BidFunction sellers, int reportPoints = 2001)
    {
        ArgumentNullException.ThrowIfNull(buyers);
        ArgumentNullException.ThrowIfNull(sellers);
        var game = new Game(buyerLaw, sellerLaw, buyerCount, sellerCount, Kappa(rule), buyers.Types.Count, reportPoints);
        return game.MaximumGain(game.BuyerTypes.Select(buyers.At).ToArray(), game.SellerTypes.Select(sellers.At).ToArray());
    }

    private static void Monotone(double[] bids)
    {
        for (var i = 1; i < bids.Length; i++)
        {
            bids[i] = Math.Max(bids[i], bids[i - 1]);
        }
    }

    /// <summary>The game's grids and the rivals' order statistics for given strategies.</summary>
    private sealed class Game
    {
        private readonly IRateLaw buyerLaw;
        private readonly IRateLaw sellerLaw;
        private readonly int buyerCount;
        private readonly int sellerCount;
        private readonly double kappa;
        private readonly double[] reports;

        public Game(IRateLaw buyerLaw, IRateLaw sellerLaw, int buyerCount, int sellerCount, double kappa, int typePoints, int reportPoints)
        {
            this.buyerLaw = buyerLaw;
            this.sellerLaw = sellerLaw;
            this.buyerCount = buyerCount;
            this.sellerCount = sellerCount;
            this.kappa = kappa;
            BuyerTypes = Grid(buyerLaw.Lower, buyerLaw.Upper, typePoints);
            SellerTypes = Grid(sellerLaw.Lower, sellerLaw.Upper, typePoints);
            reports = Grid(Math.Min(buyerLaw.Lower, sellerLaw.Lower), Math.Max(buyerLaw.Upper, sellerLaw.Upper), reportPoints);
        }

        public double[] BuyerTypes { get; }

        public double[] SellerTypes { get; }

        /// <summary>Each type's best report within LocalWindow grid steps of its current report (undominated side of the truth).</summary>
        public (double[] Buyers, double[] Sellers) LocalBestResponses(double[] buyerBids, double[] sellerBids)
        {
            var (buyerPayoff, sellerPayoff) = Payoffs(buyerBids, sellerBids);
            var h = reports[1] - reports[0];
            var buyers = new double[BuyerTypes.Length];
            for (var i = 0; i < buyers.Length; i++)
            {
                var v = BuyerTypes[i];
                buyers[i] = LocalBest(x => buyerPayoff(x, v), buyerBids[i], Math.Max(reports[0], buyerBids[i] - (LocalWindow * h)), Math.Min(v, buyerBids[i] + (LocalWindow * h)), v);
            }

            var sellers = new double[SellerTypes.Length];
            for (var i = 0; i < sellers.Length; i++)
            {
                var c = SellerTypes[i];
                sellers[i] = LocalBest(y => sellerPayoff(y, c), sellerBids[i], Math.Max(c, sellerBids[i] - (LocalWindow * h)), Math.Min(reports[^1], sellerBids[i] + (LocalWindow * h)), c);
            }

            return (buyers, sellers);
        }

        private const int LocalWindow = 4;

        private static double LocalBest(Func<double, double> payoff, double current, double low, double high, double truth)
        {
            var best = Math.Clamp(current, low, high);
            var bestValue = payoff(best);
            const int points = 41;
            for (var k = 0; k < points; k++)
            {
                var x = low + ((high - low) * k / (points - 1));
                var value = payoff(x);
                if (value > bestValue + 1e-14 || (value > bestValue - 1e-14 && Math.Abs(x - truth) < Math.Abs(best - truth)))
                {
                    best = x;
                    bestValue = Math.Max(value, bestValue);
                }
            }

            return best;
        }

        public double MaximumGain(double[] buyerBids, double[] sellerBids)
        {
            var (buyerPayoff, sellerPayoff) = Payoffs(buyerBids, sellerBids);
            var gain = 0.0;
            for (var i = 0; i < BuyerTypes.Length; i++)
            {
                var v = BuyerTypes[i];
                gain = Math.Max(gain, BestReport(x => buyerPayoff(x, v), v, buyer: true, unrestricted: true).Value - buyerPayoff(buyerBids[i], v));
            }

            for (var i = 0; i < SellerTypes.Length; i++)
            {
                var c = SellerTypes[i];
                gain = Math.Max(gain, BestReport(y => sellerPayoff(y, c), c, buyer: false, unrestricted: true).Value - sellerPayoff(sellerBids[i], c));
            }

            return gain;
        }

        /// <summary>The expected utilities U_B(x; v) and U_S(y; c), interpolated linearly between report grid points.</summary>
        private (Func<double, double, double> Buyer, Func<double, double, double> Seller) Payoffs(double[] buyerBids, double[] sellerBids)
        {
            var buyerCdf = ReportCdf(BuyerTypes, buyerBids, buyerLaw);
            var sellerCdf = ReportCdf(SellerTypes, sellerBids, sellerLaw);
            var m = sellerCount;

            // A buyer's rivals: N_B - 1 buyers and N_S sellers.
            var (fm, im) = PooledOrderStatistics.OnGrid(m, buyerCount - 1, buyerCdf, sellerCount, sellerCdf, reports);
            var (fm1, im1) = PooledOrderStatistics.OnGrid(m + 1, buyerCount - 1, buyerCdf, sellerCount, sellerCdf, reports);
            var buyerValue = new double[reports.Length];
            var buyerSlope = new double[reports.Length];
            for (var k = 0; k < reports.Length; k++)
            {
                var x = reports[k];
                buyerSlope[k] = fm[k];
                buyerValue[k] = -((1 - kappa) * im[k]) - (kappa * im1[k]) - (kappa * x * (fm[k] - fm1[k]));
            }

            // A seller's rivals: N_B buyers and N_S - 1 sellers; J_j(y) = E[o_j] - I_j(y) over finite o_j.
            var (gm, jm) = PooledOrderStatistics.OnGrid(m, buyerCount, buyerCdf, sellerCount - 1, sellerCdf, reports);
            var (gm1, jm1) = m - 1 >= 1
                ? PooledOrderStatistics.OnGrid(m - 1, buyerCount, buyerCdf, sellerCount - 1, sellerCdf, reports)
                : (Enumerable.Repeat(1.0, reports.Length).ToArray(), new double[reports.Length]);
            var sellerValue = new double[reports.Length];
            var sellerSlope = new double[reports.Length];
            for (var k = 0; k < reports.Length; k++)
            {
                var y = reports[k];
                var upperM = jm[^1] - jm[k];
                var upperM1 = jm1[^1] - jm1[k];
                sellerSlope[k] = -(1 - gm[k]);
                sellerValue[k] = ((1 - kappa) * upperM1) + (kappa * upperM) + ((1 - kappa) * y * (gm1[k] - gm[k]));
            }

            double Interpolate(double[] value, double[] slope, double x, double type)
            {
                var position = (x - reports[0]) / (reports[^1] - reports[0]) * (reports.Length - 1);
                var k = Math.Clamp((int)Math.Floor(position), 0, reports.Length - 2);
                var w = Math.Clamp(position - k, 0, 1);
                var a = value[k] + (type * slope[k]);
                var b = value[k + 1] + (type * slope[k + 1]);
                return a + (w * (b - a));
            }

            return ((x, v) => Interpolate(buyerValue, buyerSlope, x, v), (y, c) => Interpolate(sellerValue, sellerSlope, y, c));
        }

        /// <summary>
        /// The best report on the grid (undominated side of the truth unless <paramref name="unrestricted"/>),
        /// refined by a parabola through its neighbours; ties go to the report closest to the truth.
        /// </summary>
        private (double Report, double Value) BestReport(Func<double, double> payoff, double truth, bool buyer, bool unrestricted = false)
        {
            var best = truth;
            var bestValue = payoff(truth);
            var bestIndex = -1;
            for (var k = 0; k < reports.Length; k++)
            {
                var x = reports[k];
                if (!unrestricted && (buyer ? x > truth : x < truth))
                {
                    continue;
                }

                var value = payoff(x);
                var closer = Math.Abs(x - truth) < Math.Abs(best - truth);
                if (value > bestValue + 1e-13 || (value > bestValue - 1e-13 && closer))
                {
                    best = x;
                    bestValue = Math.Max(value, bestValue);
                    bestIndex = k;
                }
            }

            if (bestIndex > 0 && bestIndex < reports.Length - 1)
            {
                var h = reports[1] - reports[0];
                var left = payoff(reports[bestIndex - 1]);
                var right = payoff(reports[bestIndex + 1]);
                var curvature = left - (2 * payoff(reports[bestIndex])) + right;
                if (curvature < 0)
                {
                    var shift = 0.5 * h * (left - right) / curvature;
                    var refined = Math.Clamp(reports[bestIndex] + shift, reports[bestIndex - 1], reports[bestIndex + 1]);
                    if (unrestricted || (buyer ? refined <= truth : refined >= truth))
                    {
                        var refinedValue = payoff(refined);
                        if (refinedValue >= bestValue)
                        {
                            return (refined, refinedValue);
                        }
                    }
                }
            }

            return (best, bestValue);
        }

        /// <summary>F(x) = P(b(R) &lt;= x) on the report grid, inverting the non-decreasing piecewise-linear bid function.</summary>
        private double[] ReportCdf(double[] types, double[] bids, IRateLaw law)
        {
            var cdf = new double[reports.Length];
            var i = 0;
            for (var k = 0; k < reports.Length; k++)
            {
                var x = reports[k];
                if (x < bids[0])
                {
                    cdf[k] = 0.0;
                    continue;
                }

                while (i + 1 < bids.Length && bids[i + 1] <= x)
                {
                    i++;
                }

                double rate;
                if (i == bids.Length - 1)
                {
                    rate = types[^1];
                }
                else
                {
                    var span = bids[i + 1] - bids[i];
                    rate = span > 0 ? types[i] + ((x - bids[i]) / span * (types[i + 1] - types[i])) : types[i];
                }

                cdf[k] = law.Cdf(rate);
            }

            return cdf;
        }

        private static double[] Grid(double low, double high, int points) =>
            Enumerable.Range(0, points).Select(k => low + ((high - low) * k / (points - 1))).ToArray();
    }
}

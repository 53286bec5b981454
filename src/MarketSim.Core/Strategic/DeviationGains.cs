using MarketSim.Core.Theory;

namespace MarketSim.Core.Strategic;

/// <summary>
/// The deviation check of a bid profile (docs/theory.md §2.4): every type's expected utility from ANY
/// report on a fine report grid, against the exact order statistics of its rivals' reports.
/// With M = N_B and o_j the j-th smallest rival report, F_j its law, I_j(x) = E[o_j 1{o_j &lt; x}],
/// J_j(y) = E[o_j 1{o_j &gt; y}]: a buyer bidding x trades iff o_M &lt; x, at (1 - kappa) o_M + kappa min(x, o_{M+1}),
/// U_B(x; v) = v F_M(x) - (1 - kappa) I_M(x) - kappa I_{M+1}(x) - kappa x (F_M(x) - F_{M+1}(x));
/// a seller asking y trades iff y &lt; o_M, at (1 - kappa) max(y, o_{M-1}) + kappa o_M,
/// U_S(y; c) = -c (1 - F_M(y)) + (1 - kappa) J_{M-1}(y) + kappa J_M(y) + (1 - kappa) y (F_{M-1}(y) - F_M(y)).
/// Utilities are interpolated linearly between report grid points; the best grid report is refined by
/// a parabola through its neighbours.
/// </summary>
internal sealed class DeviationGains
{
    private readonly IRateLaw buyerLaw;
    private readonly IRateLaw sellerLaw;
    private readonly int buyerCount;
    private readonly int sellerCount;
    private readonly double kappa;
    private readonly double[] reports;

    public DeviationGains(IRateLaw buyerLaw, IRateLaw sellerLaw, int buyerCount, int sellerCount, double kappa, int checkedTypes, int reportPoints)
    {
        this.buyerLaw = buyerLaw;
        this.sellerLaw = sellerLaw;
        this.buyerCount = buyerCount;
        this.sellerCount = sellerCount;
        this.kappa = kappa;
        BuyerTypes = Grid(buyerLaw.Lower, buyerLaw.Upper, checkedTypes);
        SellerTypes = Grid(sellerLaw.Lower, sellerLaw.Upper, checkedTypes);
        reports = Grid(Math.Min(buyerLaw.Lower, sellerLaw.Lower), Math.Max(buyerLaw.Upper, sellerLaw.Upper), reportPoints);
    }

    public double[] BuyerTypes { get; }

    public double[] SellerTypes { get; }

    /// <summary>
    /// The largest gain of any checked type (a uniform grid over each support, independent of the bid
    /// functions' own nodes) from any report, when the buyers bid <paramref name="buyers"/> and the
    /// sellers ask <paramref name="sellers"/>.
    /// </summary>
    public double MaximumGain(BidFunction buyers, BidFunction sellers)
    {
        var (buyerPayoff, sellerPayoff) = Payoffs(buyers, sellers);
        var gain = 0.0;
        foreach (var v in BuyerTypes)
        {
            gain = Math.Max(gain, BestReport(x => buyerPayoff(x, v), v, buyer: true, unrestricted: true).Value - buyerPayoff(buyers.At(v), v));
        }

        foreach (var c in SellerTypes)
        {
            gain = Math.Max(gain, BestReport(y => sellerPayoff(y, c), c, buyer: false, unrestricted: true).Value - sellerPayoff(sellers.At(c), c));
        }

        return gain;
    }

    /// <summary>The expected utilities U_B(x; v) and U_S(y; c), interpolated linearly between report grid points.</summary>
    private (Func<double, double, double> Buyer, Func<double, double, double> Seller) Payoffs(BidFunction buyers, BidFunction sellers)
    {
        var buyerCdf = ReportCdf(buyers.Types, buyers.Bids, buyerLaw);
        var sellerCdf = ReportCdf(sellers.Types, sellers.Bids, sellerLaw);
        var m = buyerCount;

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
    private double[] ReportCdf(IReadOnlyList<double> types, IReadOnlyList<double> bids, IRateLaw law)
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

            while (i + 1 < bids.Count && bids[i + 1] <= x)
            {
                i++;
            }

            double rate;
            if (i == bids.Count - 1)
            {
                rate = types[types.Count - 1];
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

    internal static double[] Grid(double low, double high, int points) =>
        Enumerable.Range(0, points).Select(k => low + ((high - low) * k / (points - 1))).ToArray();
}

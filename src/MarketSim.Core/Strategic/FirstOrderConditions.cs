using MarketSim.Core.Theory;

namespace MarketSim.Core.Strategic;

/// <summary>
/// The first-order conditions of the finite CE as a k-double auction (docs/theory.md §2.4), collocated
/// at the midpoints of the type grids' segments (a box scheme) plus one end point per side. The unknowns are the bids b_i = b(v_i) of the buyer types and
/// the asks s_i = s(c_i) of the seller types, stacked [b_0 ... b_{n-1}, s_0 ... s_{n-1}].
/// <para>With M = N_B, a buyer's rivals are N_B - 1 buyers and N_S sellers, a seller's N_B buyers and
/// N_S - 1 sellers; K(x) counts the rivals reporting at most x and o_M is the M-th smallest rival report.
/// Buyer (trades iff o_M &lt; b): v - b = kappa P(K(b) = M) / f_M(b).
/// Seller (trades iff s &lt; o_M): s - c = (1 - kappa) P(K(s) = M - 1) / g_M(s).
/// Residuals are written in rate units, b - v + kappa P(K = M)/f_M and s - c - (1 - kappa) P(K = M - 1)/g_M.
/// A type that cannot trade even by reporting its rate (o_M is never below v, resp. never above c) has
/// no first-order condition: it reports truthfully (residual b - v, resp. s - c), the tie-break that makes
/// the bid functions continuous where trade starts. Outside the support of o_M (density 0) the residual
/// is b - v (resp. s - c), the limit of the condition at the support's end, so no spurious root appears.
/// A side that reports truthfully (scenario <c>behaviour: truthful</c>) has residual b - v everywhere:
/// the other side then plays its best response to truth.</para>
/// </summary>
internal sealed class FirstOrderConditions
{
    /// <summary>Below this probability of being able to trade a type is treated as one that cannot.</summary>
    private const double TradeThreshold = 1e-14;

    private readonly IRateLaw buyerLaw;
    private readonly IRateLaw sellerLaw;
    private readonly int buyerCount;
    private readonly int sellerCount;
    private readonly double kappa;
    private readonly BinomialSum sum;

    private readonly bool buyersStrategic;
    private readonly bool sellersStrategic;

    public FirstOrderConditions(
        IRateLaw buyerLaw, IRateLaw sellerLaw, int buyerCount, int sellerCount, double kappa, double[] buyerTypes, double[] sellerTypes, bool buyersStrategic = true, bool sellersStrategic = true)
    {
        this.buyersStrategic = buyersStrategic;
        this.sellersStrategic = sellersStrategic;
        this.buyerLaw = buyerLaw;
        this.sellerLaw = sellerLaw;
        this.buyerCount = buyerCount;
        this.sellerCount = sellerCount;
        this.kappa = kappa;
        BuyerTypes = buyerTypes;
        SellerTypes = sellerTypes;
        sum = new BinomialSum(buyerCount + sellerCount);
    }

    public double[] BuyerTypes { get; }

    public double[] SellerTypes { get; }

    public int Unknowns => BuyerTypes.Length + SellerTypes.Length;

    /// <summary>Both bid functions strictly increasing (the report laws are then well defined).</summary>
    public bool Admissible(double[] unknowns)
    {
        var n = BuyerTypes.Length;
        for (var i = 1; i < unknowns.Length; i++)
        {
            if (i != n && !(unknowns[i] > unknowns[i - 1]))
            {
                return false;
            }
        }

        return unknowns.All(double.IsFinite);
    }

    public double[] Residuals(double[] unknowns)
    {
        var n = BuyerTypes.Length;
        var bids = unknowns[..n];
        var asks = unknowns[n..];
        var buyerReports = new ReportLaw(BuyerTypes, bids, buyerLaw);
        var sellerReports = new ReportLaw(SellerTypes, asks, sellerLaw);
        var residuals = new double[unknowns.Length];

        // Box scheme: the conditions at the midpoints of the grid segments (type and report averaged),
        // plus one end condition per side, at the buyers' lowest and the sellers' highest type (for
        // types that cannot trade: truthful reports there, the boundary conditions of the system).
        residuals[0] = BuyerResidual(BuyerTypes[0], bids[0], buyerReports, sellerReports);
        for (var i = 0; i + 1 < n; i++)
        {
            residuals[i + 1] = BuyerResidual(0.5 * (BuyerTypes[i] + BuyerTypes[i + 1]), 0.5 * (bids[i] + bids[i + 1]), buyerReports, sellerReports);
        }

        var last = SellerTypes.Length - 1;
        for (var i = 0; i < last; i++)
        {
            residuals[n + i] = SellerResidual(0.5 * (SellerTypes[i] + SellerTypes[i + 1]), 0.5 * (asks[i] + asks[i + 1]), buyerReports, sellerReports);
        }

        residuals[n + last] = SellerResidual(SellerTypes[last], asks[last], buyerReports, sellerReports);
        return residuals;
    }

    /// <summary>b - v + kappa P(K(b) = M) / f_M(b) (b - v where the buyer cannot trade or o_M has no density at b).</summary>
    private double BuyerResidual(double v, double x, ReportLaw buyerReports, ReportLaw sellerReports)
    {
        var m = buyerCount;
        var residual = x - v;
        var canTrade = buyersStrategic && 1 - sum.Below(m, buyerCount - 1, buyerReports.Cdf(v), sellerCount, sellerReports.Cdf(v)) > TradeThreshold;
        if (canTrade)
        {
            var p1 = buyerReports.Cdf(x);
            var p2 = sellerReports.Cdf(x);
            var density = sum.OrderStatisticDensity(m, buyerCount - 1, p1, buyerReports.Density(x), sellerCount, p2, sellerReports.Density(x));
            if (density > 0)
            {
                residual += kappa * sum.Pmf(m, buyerCount - 1, p1, sellerCount, p2) / density;
            }
        }

        return residual;
    }

    /// <summary>s - c - (1 - kappa) P(K(s) = M - 1) / g_M(s) (s - c where the seller cannot trade or o_M has no density at s).</summary>
    private double SellerResidual(double c, double y, ReportLaw buyerReports, ReportLaw sellerReports)
    {
        var m = buyerCount;
        var residual = y - c;
        var canTrade = sellersStrategic && sum.Below(m, buyerCount, buyerReports.Cdf(c), sellerCount - 1, sellerReports.Cdf(c)) > TradeThreshold;
        if (canTrade)
        {
            var p1 = buyerReports.Cdf(y);
            var p2 = sellerReports.Cdf(y);
            var density = sum.OrderStatisticDensity(m, buyerCount, p1, buyerReports.Density(y), sellerCount - 1, p2, sellerReports.Density(y));
            if (density > 0)
            {
                residual -= (1 - kappa) * sum.Pmf(m - 1, buyerCount, p1, sellerCount - 1, p2) / density;
            }
        }

        return residual;
    }
}

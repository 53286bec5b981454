using MarketSim.Core.Theory;

namespace MarketSim.Core.Strategic;

/// <summary>
/// The first-order conditions of the finite CE as a k-double auction (docs/theory.md §2.4), collocated
/// at the midpoints of the type grids' segments (a box scheme) plus one end point per side. The unknowns
/// are the bids b_i = b(v_i) on the buyers' grid and the asks s_i = s(c_i) on the sellers' grid, then
/// the type where the buyers' corner pool begins and the type where the sellers' pool ends, stacked
/// [b_0 ... b_{n-1}, s_0 ... s_{n-1}, v_pool, c_pool] (docs/theory.md §2.4, corner pools).
/// <para>With M = N_B, a buyer's rivals are N_B - 1 buyers and N_S sellers, a seller's N_B buyers and
/// N_S - 1 sellers; K(x) counts the rivals reporting at most x and o_M is the M-th smallest rival report.
/// Buyer (trades iff o_M &lt; b): v - b = kappa P(K(b) = M) / f_M(b).
/// Seller (trades iff s &lt; o_M): s - c = (1 - kappa) P(K(s) = M - 1) / g_M(s).
/// Residuals are written in rate units, b - v + kappa P(K = M)/f_M and s - c - (1 - kappa) P(K = M - 1)/g_M.</para>
/// <para>The grids MOVE with the unknowns: a strategic buyer side's grid spans the types that can trade,
/// from max(lowest buyer rate, lowest ask s_0) to v_pool (the highest rate when no buyer pools), and a
/// strategic seller side's from c_pool (the lowest rate when no seller pools) to min(highest seller rate,
/// highest bid b_{n-1}). Types outside cannot trade and report
/// truthfully (<see cref="ReportLaw"/>), and the grid's end there carries the boundary condition b = v
/// (s = c). Where trade starts the bid function has a kink; on a fixed grid it fell inside a segment,
/// whose collocation point then switched between the truthful and the first-order condition as the
/// other side's reports moved, a jump in the residuals that stalled Newton's method at some market
/// sizes and grid sizes. Pinned to a grid end, the kink is resolved exactly.
/// Outside the support of o_M (density 0) the residual is b - v (resp. s - c), the limit of the condition
/// at the support's end, so no spurious root appears. A side that reports truthfully (scenario
/// <c>behaviour: truthful</c>) keeps its whole support as grid with residual b - v everywhere: the other
/// side then plays its best response to truth.</para>
/// </summary>
internal sealed class FirstOrderConditions
{
    private readonly IRateLaw buyerLaw;
    private readonly IRateLaw sellerLaw;
    private readonly int buyerCount;
    private readonly int sellerCount;
    private readonly double kappa;
    private readonly BinomialSum sum;
    private readonly int typePoints;
    private readonly bool buyersMayPool;
    private readonly bool sellersMayPool;

    public FirstOrderConditions(
        IRateLaw buyerLaw, IRateLaw sellerLaw, int buyerCount, int sellerCount, double kappa, int typePoints, bool buyersStrategic = true, bool sellersStrategic = true)
    {
        BuyersStrategic = buyersStrategic;
        SellersStrategic = sellersStrategic;
        this.buyerLaw = buyerLaw;
        this.sellerLaw = sellerLaw;
        this.buyerCount = buyerCount;
        this.sellerCount = sellerCount;
        this.kappa = kappa;
        this.typePoints = typePoints;
        sum = new BinomialSum(buyerCount + sellerCount);

        // A corner pool is possible only where bids beyond the other side's extreme report cannot buy a
        // better chance of trading: buyers above the highest ask when N_S >= N_B (every such bid trades
        // surely and only a higher price can follow), sellers below the lowest bid when N_B >= N_S.
        buyersMayPool = buyersStrategic && sellerCount >= buyerCount;
        sellersMayPool = sellersStrategic && buyerCount >= sellerCount;
    }

    public bool BuyersStrategic { get; }

    public bool SellersStrategic { get; }

    /// <summary>The bids and asks on the grids and the two grid ends where the corner pools begin.</summary>
    public int Unknowns => (2 * typePoints) + 2;

    private int BuyerPoolStart => 2 * typePoints;

    private int SellerPoolEnd => (2 * typePoints) + 1;

    /// <summary>
    /// The type grids for the given unknowns. A strategic buyer side's grid starts at the lowest type that
    /// can trade, max(lowest buyer rate, lowest ask), and ends where the buyers' pool at the highest ask
    /// begins (an unknown; the highest rate when there is no pool); a strategic seller side's grid starts
    /// where the sellers' pool at the lowest bid ends (an unknown) and ends at the highest type that can
    /// trade, min(highest seller rate, highest bid). A truthful side's grid is its whole support.
    /// </summary>
    public (double[] Buyers, double[] Sellers) Grids(double[] unknowns)
    {
        var lowestAsk = unknowns[typePoints];
        var highestBid = unknowns[typePoints - 1];
        var buyerStart = BuyersStrategic ? Math.Max(buyerLaw.Lower, lowestAsk) : buyerLaw.Lower;
        // Newton's steps may carry a pool's end beyond the support (where the complementarity condition
        // pushes it back); the grid stops at the support's end.
        var buyerEnd = buyersMayPool ? Math.Min(buyerLaw.Upper, unknowns[BuyerPoolStart]) : buyerLaw.Upper;
        var sellerStart = sellersMayPool ? Math.Max(sellerLaw.Lower, unknowns[SellerPoolEnd]) : sellerLaw.Lower;
        var sellerEnd = SellersStrategic ? Math.Min(sellerLaw.Upper, highestBid) : sellerLaw.Upper;
        return (GradedGrid(buyerStart, buyerEnd, typePoints), GradedGrid(sellerStart, sellerEnd, typePoints));
    }

    /// <summary>
    /// Both bid functions strictly increasing on their grids (the report laws are then well defined) and
    /// both grids non-degenerate inside their supports.
    /// </summary>
    public bool Admissible(double[] unknowns)
    {
        if (!unknowns.All(double.IsFinite))
        {
            return false;
        }

        for (var i = 1; i < 2 * typePoints; i++)
        {
            if (i != typePoints && !(unknowns[i] > unknowns[i - 1]))
            {
                return false;
            }
        }

        var (buyers, sellers) = Grids(unknowns);
        return buyers[^1] > buyers[0] && sellers[^1] > sellers[0];
    }

    /// <summary>
    /// The solution as bid functions on the whole supports: truthful nodes added where a grid stops short of
    /// the side that cannot trade, flat pieces where a corner pool begins.
    /// </summary>
    public (BidFunction Buyers, BidFunction Sellers) BidFunctions(double[] unknowns)
    {
        var (buyerTypes, sellerTypes) = Grids(unknowns);
        var bids = unknowns[..typePoints];
        var asks = unknowns[typePoints..(2 * typePoints)];
        if (buyerTypes[0] > buyerLaw.Lower)
        {
            (buyerTypes, bids) = ([buyerLaw.Lower, .. buyerTypes], [buyerLaw.Lower, .. bids]);
        }

        if (buyerTypes[^1] < buyerLaw.Upper)
        {
            (buyerTypes, bids) = ([.. buyerTypes, buyerLaw.Upper], [.. bids, bids[^1]]);
        }

        if (sellerTypes[0] > sellerLaw.Lower)
        {
            (sellerTypes, asks) = ([sellerLaw.Lower, .. sellerTypes], [asks[0], .. asks]);
        }

        if (sellerTypes[^1] < sellerLaw.Upper)
        {
            (sellerTypes, asks) = ([.. sellerTypes, sellerLaw.Upper], [.. asks, sellerLaw.Upper]);
        }

        return (new BidFunction(buyerTypes, bids), new BidFunction(sellerTypes, asks));
    }

    /// <summary>
    /// The unknowns that represent the given bid functions with the pools beginning at
    /// <paramref name="buyerPoolStart"/> and <paramref name="sellerPoolEnd"/>: the grids follow (<see cref="Grids"/>)
    /// and the functions are read off at the grid points.
    /// </summary>
    public double[] UnknownsOf(Func<double, double> bid, Func<double, double> ask, double buyerPoolStart, double sellerPoolEnd)
    {
        var unknowns = new double[Unknowns];
        unknowns[typePoints - 1] = BuyersStrategic ? bid(buyerPoolStart) : buyerLaw.Upper;
        unknowns[typePoints] = SellersStrategic ? ask(sellerPoolEnd) : sellerLaw.Lower;
        unknowns[BuyerPoolStart] = buyersMayPool ? buyerPoolStart : buyerLaw.Upper;
        unknowns[SellerPoolEnd] = sellersMayPool ? sellerPoolEnd : sellerLaw.Lower;
        var (buyerTypes, sellerTypes) = Grids(unknowns);
        for (var i = 0; i < typePoints; i++)
        {
            unknowns[i] = BuyersStrategic ? bid(buyerTypes[i]) : buyerTypes[i];
            unknowns[typePoints + i] = SellersStrategic ? ask(sellerTypes[i]) : sellerTypes[i];
        }

        return unknowns;
    }

    /// <summary>Where the buyers' pool begins and the sellers' pool ends in the given unknowns.</summary>
    public (double BuyerPoolStart, double SellerPoolEnd) PoolEnds(double[] unknowns) => (unknowns[BuyerPoolStart], unknowns[SellerPoolEnd]);

    public double[] Residuals(double[] unknowns)
    {
        var n = typePoints;
        var (buyerTypes, sellerTypes) = Grids(unknowns);
        var bids = unknowns[..n];
        var asks = unknowns[n..(2 * n)];
        var buyerReports = new ReportLaw(buyerTypes, bids, buyerLaw, truthfulBelow: true);
        var sellerReports = new ReportLaw(sellerTypes, asks, sellerLaw, truthfulBelow: false);
        var residuals = new double[Unknowns];

        // Box scheme: the conditions at the midpoints of the grid segments (type and report averaged),
        // plus one end condition per side: at the buyers' lowest and the sellers' highest grid type, the
        // first-order condition where that is the support's end, else b = v (s = c), the boundary of the
        // types that cannot trade.
        residuals[0] = buyerTypes[0] > buyerLaw.Lower ? bids[0] - buyerTypes[0] : BuyerResidual(buyerTypes[0], bids[0], buyerReports, sellerReports);
        for (var i = 0; i + 1 < n; i++)
        {
            residuals[i + 1] = BuyerResidual(0.5 * (buyerTypes[i] + buyerTypes[i + 1]), 0.5 * (bids[i] + bids[i + 1]), buyerReports, sellerReports);
        }

        for (var i = 0; i + 1 < n; i++)
        {
            residuals[n + i] = SellerResidual(0.5 * (sellerTypes[i] + sellerTypes[i + 1]), 0.5 * (asks[i] + asks[i + 1]), buyerReports, sellerReports);
        }

        residuals[(2 * n) - 1] = sellerTypes[^1] < sellerLaw.Upper ? asks[^1] - sellerTypes[^1] : SellerResidual(sellerTypes[^1], asks[^1], buyerReports, sellerReports);

        // The pools, as complementarity conditions (Fischer-Burmeister, zero iff both arguments are
        // non-negative and one is zero): either no buyer pools (the grid reaches the highest rate) or the
        // pool bids exactly the highest ask; likewise for the sellers and the lowest bid.
        // Beyond the grid's truthful end the reports move one for one with the rate, so the extreme reports
        // are written without a case distinction (smooth in the unknowns).
        var highestAsk = asks[^1] + (sellerLaw.Upper - sellerTypes[^1]);
        var lowestBid = bids[0] - (buyerTypes[0] - buyerLaw.Lower);
        residuals[BuyerPoolStart] = buyersMayPool ? FischerBurmeister(buyerLaw.Upper - unknowns[BuyerPoolStart], highestAsk - bids[^1]) : unknowns[BuyerPoolStart] - buyerLaw.Upper;
        residuals[SellerPoolEnd] = sellersMayPool ? FischerBurmeister(unknowns[SellerPoolEnd] - sellerLaw.Lower, asks[0] - lowestBid) : unknowns[SellerPoolEnd] - sellerLaw.Lower;
        return residuals;
    }

    /// <summary>Chebyshev-Lobatto points: dense near the grid's ends, where trade starts and where the pools begin (boundary layers of the bid functions).</summary>
    private static double[] GradedGrid(double low, double high, int points) =>
        Enumerable.Range(0, points).Select(k => k == points - 1 ? high : low + ((high - low) * 0.5 * (1 - Math.Cos(Math.PI * k / (points - 1))))).ToArray();

    private static double FischerBurmeister(double a, double b) => a + b - Math.Sqrt((a * a) + (b * b));

    /// <summary>b - v + kappa P(K(b) = M) / f_M(b) (b - v where o_M has no density at b).</summary>
    private double BuyerResidual(double v, double x, ReportLaw buyerReports, ReportLaw sellerReports)
    {
        var m = buyerCount;
        var residual = x - v;
        if (BuyersStrategic)
        {
            var (buyers, sellers) = (buyerReports.At(x), sellerReports.At(x));
            var ratio = sum.PivotOverDensity(m, m, buyerCount - 1, buyers.Cdf, buyers.Density, sellerCount, sellers.Cdf, sellers.Density);
            if (!double.IsNaN(ratio))
            {
                residual += kappa * ratio;
            }
        }

        return residual;
    }

    /// <summary>s - c - (1 - kappa) P(K(s) = M - 1) / g_M(s) (s - c where o_M has no density at s).</summary>
    private double SellerResidual(double c, double y, ReportLaw buyerReports, ReportLaw sellerReports)
    {
        var m = buyerCount;
        var residual = y - c;
        if (SellersStrategic)
        {
            var (buyers, sellers) = (buyerReports.At(y), sellerReports.At(y));
            var ratio = sum.PivotOverDensity(m - 1, m, buyerCount, buyers.Cdf, buyers.Density, sellerCount - 1, sellers.Cdf, sellers.Density);
            if (!double.IsNaN(ratio))
            {
                residual -= (1 - kappa) * ratio;
            }
        }

        return residual;
    }
}

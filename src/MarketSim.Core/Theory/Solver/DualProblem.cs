namespace MarketSim.Core.Theory.Solver;

/// <summary>
/// The discretised designer's problem of docs/theory.md §1.3 and its dual function
/// D(a) = max_{Q in [0, mu ∧ 1]} co(phi_S^a)(Q) + mu co(phi_B^a)(Q/mu),
/// phi_S^a = W_S - a psi_S, phi_B^a = W_B + a psi_B. Not thread-safe (reuses its buffers).
/// </summary>
internal sealed class DualProblem
{
    private const double SnapTolerance = 1e-15;

    private readonly double[] _sellerObjective;
    private readonly double[] _buyerObjective;
    private readonly int[] _sellerHull;
    private readonly int[] _buyerHull;

    private DualProblem(
        double[] quantities, SideQuantityBlocks sellers, SideQuantityBlocks buyers, double buyersPerSeller, ContinuumCompetitiveEquilibriumResult equilibrium)
    {
        Equilibrium = equilibrium;
        Quantities = quantities;
        Sellers = sellers;
        Buyers = buyers;
        BuyersPerSeller = buyersPerSeller;
        int n = quantities.Length;
        _sellerObjective = new double[n];
        _buyerObjective = new double[n];
        _sellerHull = new int[n];
        _buyerHull = new int[n];
    }

    public double[] Quantities { get; }

    public SideQuantityBlocks Sellers { get; }

    public SideQuantityBlocks Buyers { get; }

    /// <summary>The continuum CE (its volume is a grid point).</summary>
    public ContinuumCompetitiveEquilibriumResult Equilibrium { get; }

    /// <summary>mu.</summary>
    public double BuyersPerSeller { get; }

    /// <summary>Spacing of the evenly spaced part of the grid, 1/(GridSize - 1).</summary>
    public double GridSpacing { get; private init; }

    /// <summary>Largest tradeable volume per seller, mu ∧ 1.</summary>
    public double MaximumVolume => Math.Min(BuyersPerSeller, 1.0);

    public static DualProblem Create(ContinuumMarket market, SolverOptions options, CancellationToken cancellationToken = default)
    {
        if (!(market.BuyersPerSeller > 0.0) || double.IsInfinity(market.BuyersPerSeller))
            throw new ArgumentOutOfRangeException(nameof(market), "BuyersPerSeller must be finite and > 0");
        // The CE volume (per seller, and per buyer) is a grid point, so that CE, when optimal, is exact.
        ContinuumCompetitiveEquilibriumResult equilibrium = ContinuumCompetitiveEquilibrium.Solve(market);
        double volume = equilibrium.Volume;
        double[] quantities = QuantityGrid.Create(options, volume, volume / market.BuyersPerSeller);
        return new DualProblem(
            quantities,
            SideQuantityBlocks.ForSellers(market.Sellers, quantities, cancellationToken),
            SideQuantityBlocks.ForBuyers(market.Buyers, quantities, cancellationToken),
            market.BuyersPerSeller,
            equilibrium)
        {
            GridSpacing = 1.0 / (options.GridSize - 1),
        };
    }

    /// <summary>A maximiser of the Lagrangian at multiplier <paramref name="multiplier"/> (the first, smallest volume, on ties).</summary>
    public LagrangianMaximum Maximise(double multiplier)
    {
        double[] q = Quantities;
        int n = q.Length;
        double mu = BuyersPerSeller;
        for (int i = 0; i < n; i++)
        {
            _sellerObjective[i] = Sellers.Surplus[i] - multiplier * Sellers.Payment[i];
            _buyerObjective[i] = Buyers.Surplus[i] + multiplier * Buyers.Payment[i];
        }
        int sellerCount = UpperConcaveHull.Compute(q, _sellerObjective, _sellerHull);
        int buyerCount = UpperConcaveHull.Compute(q, _buyerObjective, _buyerHull);

        // The objective in Q is concave and piecewise linear; its maximum is at a kink of either hull
        // (sellers at Q = q_v, buyers at Q = mu q_v) or at Q = mu ∧ 1. Merge both kink lists in order.
        double maximumVolume = MaximumVolume;
        int sellerVertex = 0, buyerVertex = 0, sellerSegment = 0, buyerSegment = 0;
        double bestValue = double.NegativeInfinity, bestVolume = 0.0;
        while (true)
        {
            double nextSeller = sellerVertex < sellerCount ? q[_sellerHull[sellerVertex]] : double.PositiveInfinity;
            double nextBuyer = buyerVertex < buyerCount ? mu * q[_buyerHull[buyerVertex]] : double.PositiveInfinity;
            double volume = Math.Min(Math.Min(nextSeller, nextBuyer), maximumVolume);
            if (nextSeller <= volume) sellerVertex++;
            if (nextBuyer <= volume) buyerVertex++;
            double value = HullValue(_sellerHull, sellerCount, _sellerObjective, volume, ref sellerSegment)
                           + mu * HullValue(_buyerHull, buyerCount, _buyerObjective, volume / mu, ref buyerSegment);
            if (value > bestValue)
            {
                bestValue = value;
                bestVolume = volume;
            }
            if (volume >= maximumVolume) break;
        }

        LotteryPoint[] sellerLottery = HullLottery(_sellerHull, sellerCount, bestVolume);
        LotteryPoint[] buyerLottery = HullLottery(_buyerHull, buyerCount, Math.Min(bestVolume / mu, 1.0));
        return Evaluate(multiplier, sellerLottery, buyerLottery);
    }

    /// <summary>Welfare, revenue, volume and Lagrangian value of given lotteries at multiplier a.</summary>
    public LagrangianMaximum Evaluate(double multiplier, LotteryPoint[] sellerLottery, LotteryPoint[] buyerLottery)
    {
        double mu = BuyersPerSeller;
        double welfare = 0.0, revenue = 0.0, volume = 0.0;
        foreach (LotteryPoint point in sellerLottery)
        {
            welfare += point.Weight * Sellers.Surplus[point.GridIndex];
            revenue -= point.Weight * Sellers.Payment[point.GridIndex];
            volume += point.Weight * Quantities[point.GridIndex];
        }
        foreach (LotteryPoint point in buyerLottery)
        {
            welfare += mu * point.Weight * Buyers.Surplus[point.GridIndex];
            revenue += mu * point.Weight * Buyers.Payment[point.GridIndex];
        }
        return new LagrangianMaximum(multiplier, welfare + multiplier * revenue, welfare, revenue, volume, sellerLottery, buyerLottery);
    }

    /// <summary>
    /// Estimated bound on D(a) - D_h(a), the dual value the grid misses at multiplier a (docs/theory.md §1.3
    /// "Tolerance"). Inside cell [q_i, q_{i+1}] phi_j^a departs from its chord by at most e_i = h_i^2/8 max|phi_j''|,
    /// estimated from second divided differences of the grid values. Only where that bump pokes above the grid's
    /// concave hull can the continuum hull be higher; the hull plus the largest poke is concave and above phi, so
    /// co(phi_j) &lt;= co_h(phi_j) + poke_j and D(a) &lt;= D_h(a) + poke_S + mu poke_B.
    /// </summary>
    public double InterpolationError(double multiplier)
    {
        double[] q = Quantities;
        int n = q.Length;
        for (int i = 0; i < n; i++)
        {
            _sellerObjective[i] = Sellers.Surplus[i] - multiplier * Sellers.Payment[i];
            _buyerObjective[i] = Buyers.Surplus[i] + multiplier * Buyers.Payment[i];
        }
        int sellerCount = UpperConcaveHull.Compute(q, _sellerObjective, _sellerHull);
        int buyerCount = UpperConcaveHull.Compute(q, _buyerObjective, _buyerHull);
        return LargestPoke(_sellerObjective, _sellerHull, sellerCount) + BuyersPerSeller * LargestPoke(_buyerObjective, _buyerHull, buyerCount);
    }

    private double LargestPoke(double[] f, int[] hull, int hullCount)
    {
        double[] q = Quantities;
        int n = q.Length;
        var curvature = new double[n];
        for (int i = 1; i < n - 1; i++)
        {
            double left = q[i] - q[i - 1], right = q[i + 1] - q[i];
            curvature[i] = Math.Abs(2.0 * ((f[i + 1] - f[i]) / right - (f[i] - f[i - 1]) / left) / (left + right));
        }
        curvature[0] = curvature[1];
        curvature[n - 1] = curvature[n - 2];

        double largest = 0.0;
        int segment = 0;
        for (int i = 0; i + 1 < n; i++)
        {
            double width = q[i + 1] - q[i], middle = 0.5 * (q[i] + q[i + 1]);
            double bump = width * width / 8.0 * Math.Max(curvature[i], curvature[i + 1]);
            double gap = HullValue(hull, hullCount, f, middle, ref segment) - 0.5 * (f[i] + f[i + 1]);
            largest = Math.Max(largest, bump - gap);
        }
        return largest;
    }

    private double HullValue(int[] hull, int count, double[] objective, double x, ref int segment)
    {
        double[] q = Quantities;
        while (segment < count - 2 && q[hull[segment + 1]] < x) segment++;
        int left = hull[segment];
        if (count == 1) return objective[left];
        int right = hull[segment + 1];
        double weight = Math.Clamp((x - q[left]) / (q[right] - q[left]), 0.0, 1.0);
        return objective[left] + weight * (objective[right] - objective[left]);
    }

    // The cheapest lottery achieving co(phi)(x): a point mass at a hull vertex or a mix of two adjacent ones.
    private LotteryPoint[] HullLottery(int[] hull, int count, double x)
    {
        double[] q = Quantities;
        for (int k = 0; k < count; k++)
        {
            int vertex = hull[k];
            if (Math.Abs(q[vertex] - x) <= SnapTolerance) return [new LotteryPoint(vertex, 1.0)];
            if (k + 1 < count && q[hull[k + 1]] > x)
            {
                int right = hull[k + 1];
                if (Math.Abs(q[right] - x) <= SnapTolerance) return [new LotteryPoint(right, 1.0)];
                double weight = (x - q[vertex]) / (q[right] - q[vertex]);
                return [new LotteryPoint(vertex, 1.0 - weight), new LotteryPoint(right, weight)];
            }
        }
        return [new LotteryPoint(hull[count - 1], 1.0)];
    }
}

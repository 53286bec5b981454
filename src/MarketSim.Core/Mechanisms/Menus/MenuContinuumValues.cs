using MarketSim.Core.Agents;
using MarketSim.Core.Theory;

namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// Continuum values of a pair of menus (docs/theory.md §1.1, §1.2) with the finite rule's rationing carried
/// to the limit.
///
/// Choice sets: option k's utility is linear in r, so the set of rates choosing it is an interval.
/// Its ends are among the prices p_k (indifference with no trade) and the pairwise indifference
/// rates r = (x_i p_i - x_j p_j) / (x_i - x_j) (where x_i (p_i - r) = x_j (p_j - r)); between
/// consecutive candidates the choice is constant, and it is read off <see cref="MenuChoice"/> at the
/// midpoint, so the continuum uses the same rule and tie-breaking as the finite market.
///
/// Integrals over a choice interval (a, b] use only the law's Cdf, WeightBelow and SellerSurplus:
/// with W(c) = int_{&lt;=c} lambda dG and WR(c) = int_{&lt;=c} lambda tau dG = c W(c) - SellerSurplus(c)
/// (because SellerSurplus(c) = int_{&lt;=c} lambda (c - tau) dG),
///   seller: int_a^b lambda (p - tau) dG = p [W(b) - W(a)] - [WR(b) - WR(a)],
///   buyer:  int_a^b lambda (tau - p) dG = [WR(b) - WR(a)] - p [W(b) - W(a)].
///
/// Rationing (docs/theory.md §2 in the limit): side j's expected trades D_j (buyers scaled by mu); volume
/// Q = min(D_B, D_S). On the long side, if the sure choosers' mass S_j &gt;= Q they trade with
/// probability Q / S_j and lotteries never; otherwise sure choosers trade surely and every lottery
/// probability is scaled by (Q - S_j) / (D_j - S_j). Agents are rationed independently of type, so
/// a side's welfare and payments scale with the realised probabilities.
/// Lump sum: the whole continuum revenue R goes to the recipient side, R per seller or R / mu per
/// buyer (docs/theory.md §1.2), so the continuum budget surplus is 0 under both lump-sum policies.
/// </summary>
public static class MenuContinuumValues
{
    public static ContinuumMenuOutcome Compute(Menu buyers, Menu sellers, Side recipient, ContinuumMarket market)
    {
        ArgumentNullException.ThrowIfNull(market);
        var mu = market.BuyersPerSeller;
        var buyerSide = Integrate(buyers, market.Buyers);
        var sellerSide = Integrate(sellers, market.Sellers);

        var buyerDemand = mu * buyerSide.ExpectedTrades;
        var sellerDemand = sellerSide.ExpectedTrades;
        var volume = Math.Min(buyerDemand, sellerDemand);
        buyerSide.Ration(volume / Math.Max(mu, double.Epsilon));
        sellerSide.Ration(volume);

        var revenue = mu * buyerSide.Payments() - sellerSide.Payments();
        var lumpSumSellers = recipient == Side.Sellers ? revenue : 0.0;
        var lumpSumBuyers = recipient == Side.Buyers && mu > 0 ? revenue / mu : 0.0;
        var welfareBuyers = mu * (buyerSide.WeightedUtility() + market.Buyers.MeanParetoWeight * lumpSumBuyers);
        var welfareSellers = sellerSide.WeightedUtility() + market.Sellers.MeanParetoWeight * lumpSumSellers;
        var budgetSurplus = revenue - lumpSumSellers - mu * lumpSumBuyers;

        return new ContinuumMenuOutcome(
            welfareBuyers + welfareSellers,
            welfareBuyers,
            welfareSellers,
            volume,
            revenue,
            lumpSumBuyers,
            lumpSumSellers,
            budgetSurplus,
            buyerSide.ToRecord(mu),
            sellerSide.ToRecord(1.0));
    }

    /// <summary>The choice intervals of a menu on a law's support: (lowest rate, highest rate, option), in rate order.</summary>
    public static IReadOnlyList<(double Lower, double Upper, int Option)> ChoiceIntervals(Menu menu, IRateLaw law)
    {
        var edges = Edges(menu, law);
        var intervals = new List<(double Lower, double Upper, int Option)>();
        for (var i = 0; i + 1 < edges.Count; i++)
        {
            var lower = Math.Max(edges[i], law.Lower);
            var upper = Math.Min(edges[i + 1], law.Upper);
            var option = menu.Choose(0.5 * (lower + upper));
            if (intervals.Count > 0 && intervals[^1].Option == option)
            {
                intervals[^1] = (intervals[^1].Lower, upper, option);
            }
            else
            {
                intervals.Add((lower, upper, option));
            }
        }

        return intervals;
    }

    /// <summary>-inf, the candidate cut-offs strictly inside the support (sorted), +inf.</summary>
    private static List<double> Edges(Menu menu, IRateLaw law)
    {
        var candidates = new List<double>();
        for (var i = 0; i < menu.Count; i++)
        {
            candidates.Add(menu.Price(i));
            for (var j = i + 1; j < menu.Count; j++)
            {
                var xi = menu.Probability(i);
                var xj = menu.Probability(j);
                if (xi != xj)
                {
                    candidates.Add((xi * menu.Price(i) - xj * menu.Price(j)) / (xi - xj));
                }
            }
        }

        var edges = new List<double> { double.NegativeInfinity };
        edges.AddRange(candidates.Where(c => c > law.Lower && c < law.Upper).Distinct().Order());
        edges.Add(double.PositiveInfinity);
        return edges;
    }

    /// <summary>
    /// Per option of <paramref name="menu"/>: its choice probability P(choose k), E[v^M 1{choose k}]
    /// and E[v^K 1{choose k}] = int_{choice set} lambda tau dG (the building blocks of the exact
    /// finite-market expectation, <see cref="FiniteMenuExpectation"/>).
    /// </summary>
    public static (double[] Mass, double[] Weight, double[] WeightedRate) OptionIntegrals(Menu menu, IRateLaw law)
    {
        var integrals = Integrate(menu, law);
        return (integrals.Mass, integrals.Weight, integrals.WeightedRate);
    }

    private static SideIntegrals Integrate(Menu menu, IRateLaw law)
    {
        var integrals = new SideIntegrals(menu);
        var edges = Edges(menu, law);
        for (var i = 0; i + 1 < edges.Count; i++)
        {
            var lower = Math.Max(edges[i], law.Lower);
            var upper = Math.Min(edges[i + 1], law.Upper);
            var option = menu.Choose(0.5 * (lower + upper));
            if (option == MenuChoice.NoTrade)
            {
                continue;
            }

            integrals.Mass[option] += Mass(law, edges[i + 1]) - Mass(law, edges[i]);
            integrals.Weight[option] += Weight(law, edges[i + 1]) - Weight(law, edges[i]);
            integrals.WeightedRate[option] += WeightedRate(law, edges[i + 1]) - WeightedRate(law, edges[i]);
            integrals.LowestRate[option] = Math.Min(integrals.LowestRate[option], lower);
            integrals.HighestRate[option] = Math.Max(integrals.HighestRate[option], upper);
        }

        return integrals;
    }

    private static double Mass(IRateLaw law, double edge) =>
        double.IsNegativeInfinity(edge) ? 0.0 : double.IsPositiveInfinity(edge) ? 1.0 : law.Cdf(edge);

    private static double Weight(IRateLaw law, double edge) =>
        double.IsNegativeInfinity(edge) ? 0.0 : double.IsPositiveInfinity(edge) ? law.MeanParetoWeight : law.WeightBelow(edge);

    /// <summary>WR(c) = int_{&lt;=c} lambda tau dG = c W(c) - SellerSurplus(c); +inf evaluates at the upper end.</summary>
    private static double WeightedRate(IRateLaw law, double edge)
    {
        if (double.IsNegativeInfinity(edge))
        {
            return 0.0;
        }

        if (double.IsPositiveInfinity(edge))
        {
            return law.Upper * law.MeanParetoWeight - law.SellerSurplus(law.Upper);
        }

        return edge * law.WeightBelow(edge) - law.SellerSurplus(edge);
    }

    /// <summary>Per-option integrals of one side, per unit mass of that side.</summary>
    private sealed class SideIntegrals
    {
        private readonly Menu menu;
        private readonly double[] realizedProbability;

        public SideIntegrals(Menu menu)
        {
            this.menu = menu;
            Mass = new double[menu.Count];
            Weight = new double[menu.Count];
            WeightedRate = new double[menu.Count];
            LowestRate = Enumerable.Repeat(double.PositiveInfinity, menu.Count).ToArray();
            HighestRate = Enumerable.Repeat(double.NegativeInfinity, menu.Count).ToArray();
            realizedProbability = new double[menu.Count];
        }

        public double[] Mass { get; }
        public double[] Weight { get; }
        public double[] WeightedRate { get; }
        public double[] LowestRate { get; }
        public double[] HighestRate { get; }

        public double SureMass => Enumerable.Range(0, menu.Count).Where(menu.IsSure).Sum(k => Mass[k]);

        public double ExpectedTrades => Enumerable.Range(0, menu.Count).Sum(k => menu.Probability(k) * Mass[k]);

        /// <summary>Scales realised probabilities so that the side trades <paramref name="trades"/> per unit of its mass.</summary>
        public void Ration(double trades)
        {
            var sure = SureMass;
            var lottery = ExpectedTrades - sure;
            double sureFactor = 1.0, lotteryFactor = 1.0;
            if (trades < sure + lottery)
            {
                if (trades <= sure)
                {
                    sureFactor = sure > 0 ? trades / sure : 0.0;
                    lotteryFactor = 0.0;
                }
                else
                {
                    lotteryFactor = (trades - sure) / lottery;
                }
            }

            for (var k = 0; k < menu.Count; k++)
            {
                realizedProbability[k] = menu.Probability(k) * (menu.IsSure(k) ? sureFactor : lotteryFactor);
            }
        }

        /// <summary>Money paid (buyers) or received (sellers) per unit of the side's mass.</summary>
        public double Payments() => Enumerable.Range(0, menu.Count).Sum(k => realizedProbability[k] * menu.Price(k) * Mass[k]);

        /// <summary>int lambda U dG without lump sums: x_k (p_k W - WR) for sellers, x_k (WR - p_k W) for buyers.</summary>
        public double WeightedUtility()
        {
            var sign = menu.Side == Side.Sellers ? 1.0 : -1.0;
            return Enumerable.Range(0, menu.Count)
                .Sum(k => realizedProbability[k] * sign * (menu.Price(k) * Weight[k] - WeightedRate[k]));
        }

        public ContinuumMenuSide ToRecord(double scale) => new(
            scale * ExpectedTrades,
            Enumerable.Range(0, menu.Count)
                .Select(k => new ContinuumMenuOption(
                    menu.Price(k),
                    menu.Probability(k),
                    Mass[k],
                    realizedProbability[k],
                    Mass[k] > 0 ? LowestRate[k] : double.NaN,
                    Mass[k] > 0 ? HighestRate[k] : double.NaN))
                .ToArray());
    }
}

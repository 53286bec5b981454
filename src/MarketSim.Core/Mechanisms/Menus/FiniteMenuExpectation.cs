using MarketSim.Core.Agents;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;

namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// The exact expectation of a menu mechanism's metrics on a finite market of N_S sellers and N_B
/// buyers (the summary's <c>theory_finite</c> column; docs/theory.md §2.2, docs/finite-markets.md).
/// <para>Why it is exact. Given a side's state (counts and rounding, <see cref="FiniteMenuSide"/>)
/// and the volume V, every chooser of an option is equally likely to trade (the fill draws uniform
/// subsets), independently of its type, so E[trades of option o | state, V] is
/// a_o min(V, S) + b_o (min(V, k_j) - S)^+ with a_o = c_o / S (sure options) and b_o = m_o / W
/// (lottery options). V = min(k_B, k_S) with the other side independent, so the expectation over
/// the other side needs only M(c) = E[min(K_other, c)] = sum_{t=1}^{c} P(K_other &gt;= t):
/// E[trades of o | state] = a_o M(S) + b_o (M(k_j) - M(S)). A trader's expected welfare given its
/// option is the continuum's conditional mean (E[v^K - p v^M | chose o]), so welfare and revenue
/// follow linearly. A realised lump sum L = revenue / N_r is worth L sum_r v^M to the recipients;
/// given the counts, E[sum_r v^M] = sum_o c_o E[v^M | o], so E[L sum_r v^M] needs the other side's
/// expected revenue as a function of the cap c = k_r, R(c), accumulated from piecewise-linear pieces.</para>
/// <para>The budget surplus's law (deficit probability, quantiles, safety margin) is built on demand
/// from the same sides: <see cref="FiniteSurplusLaw"/>, or beyond its budget <see cref="FiniteSurplusMoments"/>.</para>
/// <para>Cost: one pass per side for the law of k_j and R, one for the expectations; the states
/// are the truncated multinomial counts (about 16 sd per option), so O(N^{d/2}) for d options per
/// side. Beyond <see cref="ExactLimit"/> sellers, or when the state count exceeds
/// <see cref="StateBudget"/>, <see cref="FiniteMenuAsymptotics"/> is used instead.</para>
/// </summary>
public static class FiniteMenuExpectation
{
    /// <summary>Largest N_S for which the sums are evaluated exactly.</summary>
    public const int ExactLimit = 100_000;

    /// <summary>Largest number of enumerated states per side (2 options per side at N = 10^5 need ~2e7).</summary>
    public const double StateBudget = 5e7;

    /// <summary>True when <see cref="Compute"/> sums exactly (false: the asymptotic expansion).</summary>
    public static bool IsExact(Menu buyers, Menu sellers, ContinuumMarket market, int buyerCount, int sellerCount) =>
        sellerCount <= ExactLimit
        && new FiniteMenuSide(buyers, market.Buyers, buyerCount, allocate: false).EstimatedStates() <= StateBudget
        && new FiniteMenuSide(sellers, market.Sellers, sellerCount, allocate: false).EstimatedStates() <= StateBudget;

    /// <summary>The finite-market expectations, keyed by metric name (see <see cref="FiniteMenuValues"/>).</summary>
    public static FiniteMenuValues Compute(
        Menu buyers, Menu sellers, LumpSumRule lumpSum, ContinuumMarket market, int buyerCount, int sellerCount)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(lumpSum);
        if (!IsExact(buyers, sellers, market, buyerCount, sellerCount))
        {
            return FiniteMenuAsymptotics.Compute(buyers, sellers, lumpSum, market, buyerCount, sellerCount);
        }

        var buyerSide = new FiniteMenuSide(buyers, market.Buyers, buyerCount);
        var sellerSide = new FiniteMenuSide(sellers, market.Sellers, sellerCount);
        var span = Math.Max(buyerCount, sellerCount) + 2;
        var buyerLaw = new SlotLaw(buyerSide, span);
        var sellerLaw = new SlotLaw(sellerSide, span);
        buyerSide.Enumerate(buyerLaw);
        sellerSide.Enumerate(sellerLaw);
        buyerLaw.Finish();
        sellerLaw.Finish();

        var recipient = lumpSum.Recipient;
        var buyerMoments = new SideMoments(buyerSide, sellerLaw, recipient == Side.Buyers);
        var sellerMoments = new SideMoments(sellerSide, buyerLaw, recipient == Side.Sellers);
        buyerSide.Enumerate(buyerMoments);
        sellerSide.Enumerate(sellerMoments);

        var volume = PminLaw(buyerLaw, sellerLaw, Math.Min(buyerCount, sellerCount));
        var revenueTimesWeight = recipient == Side.Buyers
            ? buyerMoments.OwnRevenueTimesWeight - buyerMoments.OtherRevenueTimesWeight
            : sellerMoments.OtherRevenueTimesWeight - sellerMoments.OwnRevenueTimesWeight;
        return FiniteMenuValues.Assemble(
            buyerSide,
            sellerSide,
            lumpSum,
            market,
            Trades(buyerMoments),
            Trades(sellerMoments),
            revenueTimesWeight,
            volume,
            promisedTotal => (ISurplusLaw?)FiniteSurplusLaw.Build(buyerSide, sellerSide, volume, promisedTotal)
                ?? FiniteSurplusMoments.Of(buyerSide, sellerSide, promisedTotal),
            exact: true);
    }

    private static SideTrades Trades(SideMoments moments) => new(
        moments.Trades,
        moments.Slots,
        moments.Trades.Select((_, o) => moments.PositiveChoosers[o] > 0 ? moments.TradeShare[o] / moments.PositiveChoosers[o] : double.NaN).ToArray());

    /// <summary>P(V = v), V = min(k_B, k_S), v = 0 .. max: P(V &gt;= v) = P(k_B &gt;= v) P(k_S &gt;= v).</summary>
    private static double[] PminLaw(SlotLaw buyers, SlotLaw sellers, int max)
    {
        var law = new double[max + 1];
        for (var v = 0; v <= max; v++)
        {
            var atLeast = buyers.AtLeast(v) * sellers.AtLeast(v);
            var above = buyers.AtLeast(v + 1) * sellers.AtLeast(v + 1);
            law[v] = Math.Max(atLeast - above, 0.0);
        }

        return law;
    }

    /// <summary>First pass: the law of k_j, M(c) = E[min(k_j, c)] and R(c) = E[revenue of the side at volume min(k_j, c)].</summary>
    private sealed class SlotLaw : IFiniteSideVisitor
    {
        private readonly FiniteMenuSide side;
        private readonly double[] pmf;
        private readonly double[] revenueSlopeChange;
        private double[] tail = [];

        public SlotLaw(FiniteMenuSide side, int span)
        {
            this.side = side;
            pmf = new double[span + 1];
            revenueSlopeChange = new double[span + 1];
            MinWith = new double[span + 1];
            Revenue = new double[span + 1];
        }

        /// <summary>M(c) = E[min(k_j, c)].</summary>
        public double[] MinWith { get; }

        /// <summary>R(c): the side's expected payments (buyers) or receipts (sellers) when the volume is min(k_j, c).</summary>
        public double[] Revenue { get; }

        public double AtLeast(int v) => v < tail.Length ? tail[v] : 0.0;

        public void Visit(double probability, int[] counts, int[] slots, int sure, int lotteryWinners)
        {
            var slotsTotal = sure + lotteryWinners;
            pmf[slotsTotal] += probability;
            var (surePrice, lotteryPrice) = SlopeCoefficients(side.Menu, slots, sure, lotteryWinners);
            revenueSlopeChange[0] += probability * surePrice;
            revenueSlopeChange[sure] += probability * (lotteryPrice - surePrice);
            revenueSlopeChange[slotsTotal] -= probability * lotteryPrice;
        }

        public void Finish()
        {
            tail = new double[pmf.Length + 1];
            for (var v = pmf.Length - 1; v >= 0; v--)
            {
                tail[v] = tail[v + 1] + pmf[v];
            }

            var slope = 0.0;
            for (var c = 1; c < MinWith.Length; c++)
            {
                MinWith[c] = MinWith[c - 1] + tail[c];
                slope += revenueSlopeChange[c - 1];
                Revenue[c] = Revenue[c - 1] + slope;
            }
        }
    }

    /// <summary>
    /// The side's revenue as a function of the volume v: a min(v, S) + b (min(v, k_j) - S)^+, with a the
    /// mean price of the sure choosers and b the mean price of the lottery winners.
    /// </summary>
    internal static (double Sure, double Lottery) SlopeCoefficients(Menu menu, int[] slots, int sure, int lotteryWinners)
    {
        double surePrice = 0, lotteryPrice = 0;
        for (var o = 0; o < menu.Count; o++)
        {
            if (menu.IsSure(o))
            {
                surePrice += slots[o] * menu.Price(o);
            }
            else
            {
                lotteryPrice += slots[o] * menu.Price(o);
            }
        }

        return (sure > 0 ? surePrice / sure : 0.0, lotteryWinners > 0 ? lotteryPrice / lotteryWinners : 0.0);
    }

    /// <summary>Second pass: expected trades per option and the lump sum's covariance terms.</summary>
    private sealed class SideMoments : IFiniteSideVisitor
    {
        private readonly FiniteMenuSide side;
        private readonly SlotLaw other;
        private readonly bool recipient;

        public SideMoments(FiniteMenuSide side, SlotLaw other, bool recipient)
        {
            this.side = side;
            this.other = other;
            this.recipient = recipient;
            var count = side.Menu.Count;
            Trades = new double[count];
            Slots = new double[count];
            TradeShare = new double[count];
            PositiveChoosers = new double[count];
        }

        /// <summary>E[traded choosers of o].</summary>
        public double[] Trades { get; }

        /// <summary>E[c_o] (sure) or E[m_o] (lottery): promised trades before the other side's cap.</summary>
        public double[] Slots { get; }

        /// <summary>E[traded / choosers ; choosers &gt; 0].</summary>
        public double[] TradeShare { get; }

        /// <summary>P(choosers of o &gt; 0).</summary>
        public double[] PositiveChoosers { get; }

        /// <summary>E[own revenue x E(sum of v^M of this side | counts)] (recipient side only).</summary>
        public double OwnRevenueTimesWeight { get; private set; }

        /// <summary>E[other side's revenue x E(sum of v^M of this side | counts)] (recipient side only).</summary>
        public double OtherRevenueTimesWeight { get; private set; }

        public void Visit(double probability, int[] counts, int[] slots, int sure, int lotteryWinners)
        {
            var menu = side.Menu;
            var slotsTotal = sure + lotteryWinners;
            var minSure = other.MinWith[sure];
            var minAll = other.MinWith[slotsTotal];
            var ownRevenue = 0.0;
            for (var o = 0; o < menu.Count; o++)
            {
                var trades = menu.IsSure(o)
                    ? (sure > 0 ? slots[o] * minSure / sure : 0.0)
                    : (lotteryWinners > 0 ? slots[o] * (minAll - minSure) / lotteryWinners : 0.0);
                Trades[o] += probability * trades;
                Slots[o] += probability * slots[o];
                ownRevenue += trades * menu.Price(o);
                if (counts[o] > 0)
                {
                    TradeShare[o] += probability * trades / counts[o];
                    PositiveChoosers[o] += probability;
                }
            }

            if (recipient)
            {
                var weight = 0.0;
                var choosers = 0;
                for (var o = 0; o < menu.Count; o++)
                {
                    weight += counts[o] * side.MeanWeight[o];
                    choosers += counts[o];
                }

                weight += (side.Agents - choosers) * side.NoTradeMeanWeight;
                OwnRevenueTimesWeight += probability * weight * ownRevenue;
                OtherRevenueTimesWeight += probability * weight * other.Revenue[slotsTotal];
            }
        }
    }
}

/// <summary>Per side: E[trades], E[slots] and E[realised probability | chosen] per option.</summary>
internal sealed record SideTrades(double[] Trades, double[] Slots, double[] RealizedProbability);

using MathNet.Numerics.Distributions;

namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// The exact mean and variance of a posted mechanism's budget surplus B = revenue - N_r L on a
/// finite market, and the normal approximation built from them (docs/theory.md §2.2, "Budget
/// surplus"), used where the exact law (<see cref="FiniteSurplusLaw"/>) is beyond its budget.
/// <para>Moments. Given the two sides' states and the volume v, the sides' fills are independent;
/// side j's money M_j(v) has conditional mean r(v) = a min(v, S) + l (v - S)^+ (a the sure price,
/// l the mean price of the W lottery winners) and, for 0 &lt; d = v - S &lt; W, the variance of a
/// draw without replacement, d (W - d) / (W - 1) t^2 (t^2 the variance of the winners' prices).
/// V = min(k_B, k_S) splits into k_B = k &lt; k_S, k_S = k &lt; k_B and k_B = k_S = k: the side with
/// k_j = k fills all its slots (money a S + l W), the other fills k. So every moment is a sum over k
/// of one side's "full" sums E[M_j(k)^p; k_j = k] times the other's "partial" sums
/// E[M_j(k)^p; k_j &gt; k] (p = 0, 1, 2). The partial sums are piecewise polynomials of degree 2 in k
/// per state, accumulated with difference arrays: one pass over each side's states.</para>
/// <para>Approximation: P(B &lt; 0) ~ Phi(-E[B] / sd[B]) and B_q ~ E[B] + sd[B] Phi^{-1}(q). Its error,
/// measured against the exact law (tests), comes from the skewness of min(k_B, k_S): for a balanced
/// wedge it tends to Phi(0.683) = 0.753 instead of 3/4.</para>
/// </summary>
internal sealed class FiniteSurplusMoments : ISurplusLaw
{
    private FiniteSurplusMoments(double mean, double variance)
    {
        Mean = mean;
        Variance = variance;
    }

    /// <summary>E[B] (total, not per seller).</summary>
    public double Mean { get; }

    /// <summary>Var[B].</summary>
    public double Variance { get; }

    /// <summary>The moments; null when a side chooses two sure options (never for a menu, see <see cref="FiniteSideRevenueLaw"/>).</summary>
    public static FiniteSurplusMoments? Of(FiniteMenuSide buyerSide, FiniteMenuSide sellerSide, double promisedTotal)
    {
        if (!FiniteSideRevenueLaw.HasOneSurePrice(buyerSide) || !FiniteSideRevenueLaw.HasOneSurePrice(sellerSide))
        {
            return null;
        }

        var span = Math.Max(buyerSide.Agents, sellerSide.Agents) + 2;
        var buyers = new SideSums(buyerSide.Menu, span);
        var sellers = new SideSums(sellerSide.Menu, span);
        buyerSide.Enumerate(buyers);
        sellerSide.Enumerate(sellers);
        buyers.Finish();
        sellers.Finish();

        double buyerMean = 0, sellerMean = 0, buyerSquare = 0, sellerSquare = 0, cross = 0;
        for (var k = 0; k < span; k++)
        {
            // k_B = k < k_S: buyers full, sellers fill k; k_S = k < k_B: the reverse; k_B = k_S = k: both full.
            buyerMean += (buyers.Full1[k] * (sellers.Above0[k] + sellers.Full0[k])) + (buyers.Partial1[k] * sellers.Full0[k]);
            sellerMean += (sellers.Full1[k] * (buyers.Above0[k] + buyers.Full0[k])) + (sellers.Partial1[k] * buyers.Full0[k]);
            buyerSquare += (buyers.Full2[k] * (sellers.Above0[k] + sellers.Full0[k])) + (buyers.Partial2[k] * sellers.Full0[k]);
            sellerSquare += (sellers.Full2[k] * (buyers.Above0[k] + buyers.Full0[k])) + (sellers.Partial2[k] * buyers.Full0[k]);
            cross += (buyers.Full1[k] * (sellers.Partial1[k] + sellers.Full1[k])) + (buyers.Partial1[k] * sellers.Full1[k]);
        }

        var revenue = buyerMean - sellerMean;
        var variance = buyerSquare + sellerSquare - (2 * cross) - (revenue * revenue);
        return new FiniteSurplusMoments(revenue - promisedTotal, Math.Max(variance, 0.0));
    }

    /// <summary>The normal approximation of P(B &lt; 0).</summary>
    public double DeficitProbability() =>
        Variance > 0 ? Normal.CDF(0, 1, -Mean / Math.Sqrt(Variance)) : (Mean < 0 ? 1.0 : 0.0);

    /// <summary>The normal approximation of the q-quantile of B.</summary>
    public double Quantile(double level) => Mean + (Math.Sqrt(Variance) * Normal.InvCDF(0, 1, level));

    /// <summary>One side's full and partial sums (see the class remarks), indexed by the volume k.</summary>
    private sealed class SideSums : IFiniteSideVisitor
    {
        private readonly Menu menu;

        // Difference arrays of the coefficients of 1, k, k^2 of the partial sums.
        private readonly double[][] difference0;
        private readonly double[][] difference1;
        private readonly double[][] difference2;

        public SideSums(Menu menu, int span)
        {
            this.menu = menu;
            Full0 = new double[span];
            Full1 = new double[span];
            Full2 = new double[span];
            Above0 = new double[span];
            Partial1 = new double[span];
            Partial2 = new double[span];
            difference0 = [new double[span + 1]];
            difference1 = [new double[span + 1], new double[span + 1]];
            difference2 = [new double[span + 1], new double[span + 1], new double[span + 1]];
        }

        /// <summary>P(k_j = k), E[M_j(k); k_j = k], E[M_j(k)^2; k_j = k].</summary>
        public double[] Full0 { get; }

        public double[] Full1 { get; }

        public double[] Full2 { get; }

        /// <summary>P(k_j &gt; k), E[M_j(k); k_j &gt; k], E[M_j(k)^2; k_j &gt; k].</summary>
        public double[] Above0 { get; }

        public double[] Partial1 { get; }

        public double[] Partial2 { get; }

        public void Visit(double probability, int[] counts, int[] slots, int sure, int lotteryWinners)
        {
            double surePrice = 0, lotteryMoney = 0, lotterySquares = 0;
            for (var o = 0; o < menu.Count; o++)
            {
                if (menu.IsSure(o))
                {
                    // At most one sure option is chosen (FiniteSideRevenueLaw): its price, if any choosers.
                    surePrice = slots[o] > 0 ? menu.Price(o) : surePrice;
                }
                else
                {
                    lotteryMoney += slots[o] * menu.Price(o);
                    lotterySquares += slots[o] * menu.Price(o) * menu.Price(o);
                }
            }

            var k = sure + lotteryWinners;
            var full = (surePrice * sure) + lotteryMoney;
            Full0[k] += probability;
            Full1[k] += probability * full;
            Full2[k] += probability * full * full;

            // Partial: volumes c < k. Sure part c in [0, min(S, k - 1)]: money a c, no variance.
            Add(difference0, 0, k - 1, probability);
            var sureEnd = Math.Min(sure, k - 1);
            Add(difference1, 0, sureEnd, 0.0, probability * surePrice);
            Add(difference2, 0, sureEnd, 0.0, 0.0, probability * surePrice * surePrice);

            // Lottery part c in [S + 1, k - 1]: r = l c + (a - l) S, variance (c - S)(W - c + S)/(W - 1) t^2.
            if (lotteryWinners > 1 && sure + 1 <= k - 1)
            {
                var mean = lotteryMoney / lotteryWinners;
                var spread = Math.Max((lotterySquares / lotteryWinners) - (mean * mean), 0.0) / (lotteryWinners - 1);
                var constant = (surePrice - mean) * sure;
                Add(difference1, sure + 1, k - 1, probability * constant, probability * mean);

                // r^2 + variance = (l c + C)^2 + spread (-c^2 + c (2S + W) - S (S + W)).
                Add(
                    difference2,
                    sure + 1,
                    k - 1,
                    probability * ((constant * constant) - (spread * sure * (sure + lotteryWinners))),
                    probability * ((2 * mean * constant) + (spread * ((2 * sure) + lotteryWinners))),
                    probability * ((mean * mean) - spread));
            }
        }

        public void Finish()
        {
            Accumulate(difference0, Above0);
            Accumulate(difference1, Partial1);
            Accumulate(difference2, Partial2);
        }

        private static void Add(double[][] difference, int from, int to, params double[] coefficients)
        {
            if (to < from)
            {
                return;
            }

            for (var power = 0; power < coefficients.Length; power++)
            {
                difference[power][from] += coefficients[power];
                difference[power][to + 1] -= coefficients[power];
            }
        }

        private static void Accumulate(double[][] difference, double[] into)
        {
            var running = new double[difference.Length];
            for (var c = 0; c < into.Length; c++)
            {
                var value = 0.0;
                for (var power = 0; power < difference.Length; power++)
                {
                    running[power] += difference[power][c];
                    value += running[power] * Math.Pow(c, power);
                }

                into[c] = value;
            }
        }
    }
}

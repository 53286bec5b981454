using MarketSim.Core.Agents;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;
using MathNet.Numerics.Distributions;

namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// The large-N expansion of <see cref="FiniteMenuExpectation"/> (docs/theory.md §2.2, docs/finite-markets.md), used
/// beyond its exact range. The counts are replaced by normals with the multinomial means and
/// variances (de Moivre-Laplace): side j's slots k_j ~ N(n d_j, n (sum pi_o x_o^2 - d_j^2)) with
/// d_j = sum pi_o x_o, its sure choosers S_j ~ N(n s_j, n s_j (1 - s_j)). Then, exactly as in the
/// exact sums, E[sure trades] = E[min(K_other, S_j)] split in proportion pi_o, and E[lottery trades]
/// = E[min(K_other, k_j)] - E[min(K_other, S_j)] split in proportion pi_o x_o; each E[min] of two
/// independent normals is Clark's (1961) formula (as in the stress test's wedge approximation). The
/// realised lump sum's covariance with the recipients' weights is dropped.
/// <para>Error: the volume keeps its O(sqrt N) shortfall, and what is dropped (rounding, skewness,
/// continuity, covariance) is O(1) trades, i.e. O(1/N) per seller; the documented bound,
/// checked against the exact sums at N = 10^4 and 10^5 by the tests, is
/// |asymptotic - exact| &lt;= <see cref="ErrorBoundConstant"/> x (price scale) / N_S per seller,
/// the price scale being the largest |price| of the menus (1 for the Section 2 example).</para>
/// </summary>
public static class FiniteMenuAsymptotics
{
    /// <summary>C in the error bound C x (price scale) / N_S per seller (see the class remarks).</summary>
    public const double ErrorBoundConstant = 2.0;

    /// <summary>The bound on |asymptotic - exact| per seller for these menus at N_S sellers.</summary>
    public static double ErrorBound(Menu buyers, Menu sellers, int sellerCount)
    {
        var scale = Math.Max(1.0, buyers.Options.Concat(sellers.Options).Max(option => Math.Abs(option.Price)));
        return ErrorBoundConstant * scale / Math.Max(sellerCount, 1);
    }

    public static FiniteMenuValues Compute(
        Menu buyers, Menu sellers, LumpSumRule lumpSum, ContinuumMarket market, int buyerCount, int sellerCount)
    {
        var buyerSide = new FiniteMenuSide(buyers, market.Buyers, buyerCount, allocate: false);
        var sellerSide = new FiniteMenuSide(sellers, market.Sellers, sellerCount, allocate: false);
        var buyerNormal = SideNormals.Of(buyers, buyerSide.ChoiceProbability, buyerCount);
        var sellerNormal = SideNormals.Of(sellers, sellerSide.ChoiceProbability, sellerCount);
        var buyerTrades = Trades(buyers, buyerSide.ChoiceProbability, buyerCount, buyerNormal, sellerNormal.Slots);
        var sellerTrades = Trades(sellers, sellerSide.ChoiceProbability, sellerCount, sellerNormal, buyerNormal.Slots);

        var revenue = buyerTrades.Trades.Select((t, o) => t * buyers.Price(o)).Sum()
            - sellerTrades.Trades.Select((t, o) => t * sellers.Price(o)).Sum();
        var recipientLambda = (lumpSum.Recipient == Side.Buyers ? market.Buyers : market.Sellers).MeanParetoWeight;
        var recipients = lumpSum.Recipient == Side.Buyers ? buyerCount : sellerCount;
        return FiniteMenuValues.Assemble(
            buyerSide,
            sellerSide,
            lumpSum,
            market,
            buyerTrades,
            sellerTrades,
            revenue * recipients * recipientLambda,
            volumeLaw: null,
            surplusLaw: null,
            exact: false);
    }

    private static SideTrades Trades(Menu menu, double[] choice, int agents, SideNormals own, Normal2 other)
    {
        var minSure = ClarkMinimum(other, own.Sure);
        var minAll = ClarkMinimum(other, own.Slots);
        var trades = new double[menu.Count];
        var slots = new double[menu.Count];
        var realized = new double[menu.Count];
        for (var o = 0; o < menu.Count; o++)
        {
            slots[o] = agents * choice[o] * menu.Probability(o);
            trades[o] = menu.IsSure(o)
                ? (own.SureShare > 0 ? minSure * choice[o] / own.SureShare : 0.0)
                : (own.LotteryShare > 0 ? (minAll - minSure) * choice[o] * menu.Probability(o) / own.LotteryShare : 0.0);
            realized[o] = choice[o] > 0 && agents > 0 ? trades[o] / (agents * choice[o]) : double.NaN;
        }

        return new SideTrades(trades, slots, realized);
    }

    /// <summary>Clark (1961): E[min(X, Y)] for independent normals X, Y.</summary>
    internal static double ClarkMinimum(Normal2 x, Normal2 y)
    {
        var theta = Math.Sqrt(x.Variance + y.Variance);
        if (theta == 0)
        {
            return Math.Min(x.Mean, y.Mean);
        }

        var alpha = (x.Mean - y.Mean) / theta;
        return (x.Mean * Normal.CDF(0, 1, -alpha)) + (y.Mean * Normal.CDF(0, 1, alpha)) - (theta * Normal.PDF(0, 1, alpha));
    }

    internal readonly record struct Normal2(double Mean, double Variance);

    /// <summary>Normal laws of a side's sure choosers S and slots k, with the sure and lottery expected-trade shares.</summary>
    private sealed record SideNormals(Normal2 Sure, Normal2 Slots, double SureShare, double LotteryShare)
    {
        public static SideNormals Of(Menu menu, double[] choice, int agents)
        {
            double sure = 0, trades = 0, squares = 0;
            for (var o = 0; o < menu.Count; o++)
            {
                var x = menu.Probability(o);
                trades += choice[o] * x;
                squares += choice[o] * x * x;
                if (menu.IsSure(o))
                {
                    sure += choice[o];
                }
            }

            return new SideNormals(
                new Normal2(agents * sure, agents * sure * (1 - sure)),
                new Normal2(agents * trades, agents * Math.Max(squares - (trades * trades), 0.0)),
                sure,
                trades - sure);
        }
    }
}

using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Core.Experiments;

/// <summary>
/// The uniform example of 000 Section 2 (docs/theory.md §1.4): mu = 1; buyers v^K ~ U[0,1], v^M = 1; sellers
/// v^K ~ U[0,1], v^M = m. Rates r_B ~ U[0,1], r_S ~ U[0,1/m]. Closed forms of Figures 2.1 and 2.2.
/// </summary>
public static class UniformExample
{
    /// <summary>The continuum market for a seller value of money m.</summary>
    public static ContinuumMarket Market(double sellerValueOfMoney)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sellerValueOfMoney);
        var buyers = new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1));
        var sellers = new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(sellerValueOfMoney));
        return new ContinuumMarket(RateLawFactory.Create(buyers), RateLawFactory.Create(sellers), 1.0);
    }

    /// <summary>p_CE = 1/(1+m): 1 - p = m p (docs/theory.md §1.4).</summary>
    public static double CompetitiveEquilibriumPrice(double m) => 1.0 / (1.0 + m);

    /// <summary>1/m: the highest seller rate, the price at which every seller wants to sell (000 Figure 2.1, dotted line).</summary>
    public static double MaximalPrice(double m) => 1.0 / m;

    /// <summary>
    /// The optimal single price without lump sums (000 (2.2), extended to m &lt; 1/3 by docs/theory.md §1.4):
    /// p_CE on [1/3, 3]; (m-2)/(2m-2) on (3, 2+sqrt2) (sellers rationed); 1/m from 2+sqrt2 on
    /// (every seller sells with probability 1 - 1/m); 1/(2-2m) below 1/3 (buyers rationed).
    /// </summary>
    public static double OptimalSinglePrice(double m) => m switch
    {
        < 1.0 / 3.0 => 1.0 / (2.0 - 2.0 * m),
        <= 3.0 => CompetitiveEquilibriumPrice(m),
        _ when m < 2.0 + Math.Sqrt(2.0) => (m - 2.0) / (2.0 * m - 2.0),
        _ => 1.0 / m,
    };

    /// <summary>
    /// The optimal wedge with lump sums (000 Section 2.2, docs/theory.md §1.4). m &gt;= 1: p_B = 1/2 (the
    /// buyers' monopoly price), p_S = 1/(2m), volume 1/2, lump sum (m-1)/(4m) to every seller.
    /// m &lt; 1 (mirror): p_S = 1/2 (sellers' monopsony price, G_S(1/2) = m/2), p_B = 1 - m/2 so
    /// that 1 - p_B = m/2, and the revenue Q (p_B - p_S) = (m/2)(1/2 - m/2) = m(1-m)/4 goes to every
    /// buyer (mu = 1, docs/theory.md §1.2).
    /// </summary>
    public static WedgeClosedForm Wedge(double m)
    {
        if (m >= 1.0)
        {
            return new WedgeClosedForm(0.5, 0.5 / m, 0.5, 0.0, (m - 1.0) / (4.0 * m));
        }

        return new WedgeClosedForm(1.0 - 0.5 * m, 0.5, 0.5 * m, m * (1.0 - m) / 4.0, 0.0);
    }
}

/// <summary>The optimal wedge of the uniform example: prices, volume and the lump sum per buyer and per seller.</summary>
public sealed record WedgeClosedForm(double BuyerPrice, double SellerPrice, double Volume, double LumpSumBuyers, double LumpSumSellers);

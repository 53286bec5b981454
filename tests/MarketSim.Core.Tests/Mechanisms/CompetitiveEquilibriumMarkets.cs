using MarketSim.Core.Agents;
using MarketSim.Core.Random;

namespace MarketSim.Core.Tests.Mechanisms;

/// <summary>Random finite markets for the CE and metrics tests, written directly from RandomStream uniforms.</summary>
internal static class CompetitiveEquilibriumMarkets
{
    /// <summary>
    /// A market of the given sizes. With <paramref name="withTies"/> rates lie on the grid
    /// {0, 1/4, ..., 1} and v^M is a power of two, so r = v^K / v^M is exact and ties are real.
    /// Otherwise v^K ~ U(0,1) and v^M ~ U(0.5, 3).
    /// </summary>
    public static MarketInstance Draw(ref RandomStream stream, int buyers, int sellers, bool withTies)
    {
        var market = new MarketInstance(buyers, sellers);
        Fill(ref stream, market.Buyers, withTies);
        Fill(ref stream, market.Sellers, withTies);
        return market;
    }

    /// <summary>The docs/theory.md §1.4 uniform example: buyers v^K ~ U(0,1), v^M = 1; sellers v^K ~ U(0,1), v^M = m.</summary>
    public static void DrawUniformExample(ref RandomStream stream, MarketInstance market, double m)
    {
        var good = new double[Math.Max(market.Buyers.Count, market.Sellers.Count)];
        var money = new double[good.Length];
        foreach (var (side, moneyValue) in new[] { (market.Buyers, 1.0), (market.Sellers, m) })
        {
            for (var i = 0; i < side.Count; i++)
            {
                good[i] = stream.NextUniform();
                money[i] = moneyValue;
            }

            side.Place(0, good.AsSpan(0, side.Count), money.AsSpan(0, side.Count));
        }
    }

    private static void Fill(ref RandomStream stream, SidePopulation side, bool withTies)
    {
        var good = new double[side.Count];
        var money = new double[side.Count];
        for (var i = 0; i < side.Count; i++)
        {
            if (withTies)
            {
                money[i] = Math.Pow(2, stream.NextInt(4) - 1);
                good[i] = stream.NextInt(5) / 4.0 * money[i];
            }
            else
            {
                money[i] = 0.5 + (2.5 * stream.NextUniform());
                good[i] = stream.NextUniform();
            }
        }

        side.Place(0, good, money);
    }
}

namespace MarketSim.Core.Agents;

/// <summary>
/// One finite market: N_S sellers and N_B = round(mu N_S) buyers (docs/theory.md §2). Every mechanism of a
/// scenario clears the same instance (common random numbers).
/// </summary>
public sealed class MarketInstance
{
    public MarketInstance(int buyers, int sellers)
    {
        Buyers = new SidePopulation(Side.Buyers, buyers);
        Sellers = new SidePopulation(Side.Sellers, sellers);
    }

    public SidePopulation Buyers { get; }
    public SidePopulation Sellers { get; }

    /// <summary>The CE ranking shared by the mechanisms of one ClearAll; null outside it (each CE then ranks itself).</summary>
    internal RateRanking? SharedRateRanking { get; set; }

    public SidePopulation this[Side side] => side == Side.Buyers ? Buyers : Sellers;

    /// <summary>N_B = round(mu N_S), rounding half away from zero (docs/theory.md §2).</summary>
    public static int BuyerCount(int sellers, double buyersPerSeller) =>
        (int)Math.Round(sellers * buyersPerSeller, MidpointRounding.AwayFromZero);
}

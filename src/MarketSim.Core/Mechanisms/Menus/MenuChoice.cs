namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// The agent's choice from a menu (docs/theory.md §2): the option of highest expected utility
/// (buyer x (r - p), seller x (p - r)); "no trade" is worth 0.
/// Ties, broken deterministically: no trade wins a tie at utility 0 (an agent indifferent to
/// trading does not trade); between options of equal utility the higher probability wins (more
/// trade at no cost to the agent); then the earlier option of the menu.
/// </summary>
public static class MenuChoice
{
    /// <summary>The index returned for "no trade".</summary>
    public const int NoTrade = -1;

    public static int Choose(Menu menu, double rate)
    {
        var best = NoTrade;
        var bestUtility = 0.0;
        for (var option = 0; option < menu.Count; option++)
        {
            var utility = menu.Utility(option, rate);
            if (utility > bestUtility
                || (best != NoTrade && utility == bestUtility && menu.Probability(option) > menu.Probability(best)))
            {
                best = option;
                bestUtility = utility;
            }
        }

        return best;
    }
}

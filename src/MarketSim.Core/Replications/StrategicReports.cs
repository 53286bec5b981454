using MarketSim.Core.Mechanisms;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Strategic;
using MarketSim.Core.Theory;

namespace MarketSim.Core.Replications;

/// <summary>
/// Scenario key <c>behaviour: equilibrium</c> (docs/theory.md §2.4): every CE mechanism of the scenario
/// is replaced by one whose strategic sides report the symmetric Bayes-Nash equilibrium bid function of
/// the k-double auction with the mechanism's price rule at the scenario's N_B and N_S. Posted mechanisms
/// keep truthful reports: they are dominant-strategy incentive compatible. Solved once per run and
/// price rule.
/// </summary>
internal static class StrategicReports
{
    /// <summary>
    /// Types per side: 41 keeps a solve within seconds up to thousands of agents per side (every Newton
    /// step costs 2n + 2 residual sweeps of O(sqrt N) sums); the bid functions are close to linear away
    /// from the grids' ends, where the grids are dense, and the deviation check bounds what the coarse
    /// grid costs the traders.
    /// </summary>
    public const int TypePoints = 41;

    public static IReadOnlyList<(string Mechanism, DoubleAuctionEquilibrium Equilibrium)> Solve(
        Scenario scenario, ContinuumMarket continuum, int buyerCount, int sellerCount, ITwoSidedMechanism[] mechanisms)
    {
        var buyers = scenario.BuyerBehaviour == TraderBehaviour.Equilibrium;
        var sellers = scenario.SellerBehaviour == TraderBehaviour.Equilibrium;
        if (!buyers && !sellers)
        {
            return [];
        }

        var solved = new Dictionary<PriceRule, DoubleAuctionEquilibrium>();
        var equilibria = new List<(string, DoubleAuctionEquilibrium)>();
        for (var i = 0; i < mechanisms.Length; i++)
        {
            if (mechanisms[i] is not CompetitiveEquilibrium competitive)
            {
                continue;
            }

            if (!solved.TryGetValue(competitive.PriceRule, out var equilibrium))
            {
                equilibrium = DoubleAuctionEquilibrium.Solve(
                    continuum.Buyers, continuum.Sellers, buyerCount, sellerCount, competitive.PriceRule, typePoints: TypePoints, buyersStrategic: buyers, sellersStrategic: sellers);
                solved[competitive.PriceRule] = equilibrium;
            }

            mechanisms[i] = new CompetitiveEquilibrium(
                competitive.Name, competitive.PriceRule, new ReportStrategy(buyers ? equilibrium.Buyers : null, sellers ? equilibrium.Sellers : null));
            equilibria.Add((competitive.Name, equilibrium));
        }

        return equilibria;
    }
}

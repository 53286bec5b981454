using MarketSim.Core.Distributions;
using MarketSim.Core.RedistributiveAuctions;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Tests.RedistributiveAuctions;

/// <summary>Auctions the tests share: symmetric and asymmetric, slack and binding budgets.</summary>
internal static class AuctionTestCases
{
    public static AuctionPlayer Uniform(double lower, double upper, double weight = 1) =>
        new(new UniformDistribution(lower, upper), weight);

    public static AuctionPlayer[] Symmetric(int players, double lower, double upper) =>
        Enumerable.Range(0, players).Select(_ => Uniform(lower, upper)).ToArray();

    /// <summary>Name, players, weights, bad cost. The utils cases with badCost 5 have S(0) &lt; 0.</summary>
    public static IEnumerable<(string Name, AuctionPlayer[] Players, WelfareWeights Weights, double BadCost)> All()
    {
        yield return ("utils-2x[1,20]-c1", Symmetric(2, 1, 20), WelfareWeights.Utils, 1);
        yield return ("utils-3x[1,20]-c5-binding", Symmetric(3, 1, 20), WelfareWeights.Utils, 5);
        yield return ("utils-[1,20]w1-[2,10]w2-c1", [Uniform(1, 20), Uniform(2, 10, 2)], WelfareWeights.Utils, 1);
        yield return ("utils-2x[1,20]-[2,15]-c5-binding", [Uniform(1, 20), Uniform(1, 20), Uniform(2, 15)], WelfareWeights.Utils, 5);
        yield return ("utils-[1,20]w1-[1,20]w1.2-c3", [Uniform(1, 20), Uniform(1, 20, 1.2)], WelfareWeights.Utils, 3);
        yield return ("money-[1,5]w2-[1,3]w1-c1", [Uniform(1, 5, 2), Uniform(1, 3)], WelfareWeights.MoneyMetric, 1);
    }

    public static RedistributiveAuction Solve(
        (string Name, AuctionPlayer[] Players, WelfareWeights Weights, double BadCost) testCase, int cells) =>
        RedistributiveAuctionSolver.Optimize(testCase.Players, testCase.Weights, testCase.BadCost, cells);
}

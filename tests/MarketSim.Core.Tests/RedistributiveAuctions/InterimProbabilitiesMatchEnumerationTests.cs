using MarketSim.Core.Random;
using MarketSim.Core.RedistributiveAuctions;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Tests.RedistributiveAuctions;

/// <summary>
/// The exact interim probabilities (003 Theorem 2(a), integrated over T_{-i}) equal a brute-force
/// enumeration of every rival cell profile with the ex-post allocation and its tie lottery.
/// </summary>
public class InterimProbabilitiesMatchEnumerationTests
{
    private const int Cells = 40;

    [Theory]
    [InlineData(WelfareWeights.Utils, 1.0)]
    [InlineData(WelfareWeights.Utils, 5.0)]
    [InlineData(WelfareWeights.MoneyMetric, 1.0)]
    public void InterimProbabilitiesEqualEnumeratedLotteries(WelfareWeights weights, double badCost)
    {
        // Two identical players (their pooled cells tie exactly) and a different third one.
        var auction = RedistributiveAuctionSolver.Optimize(
            [AuctionTestCases.Uniform(1, 20), AuctionTestCases.Uniform(1, 20), AuctionTestCases.Uniform(2, 15, 1.3)],
            weights, badCost, Cells);
        var players = auction.Players;
        var lotteryPoints = 6; // (k + 1/2)/6 picks each of 1, 2 or 3 tied players equally often
        var good = new double[players, Cells];
        var bad = new double[players, Cells];
        var cells = new int[players];
        for (var profile = 0; profile < Math.Pow(Cells, players); profile++)
        {
            var rest = profile;
            for (var i = 0; i < players; i++)
            {
                cells[i] = rest % Cells;
                rest /= Cells;
            }

            for (var r = 0; r < auction.Rules.Count; r++)
            {
                for (var point = 0; point < lotteryPoints; point++)
                {
                    var lottery = (point + 0.5) / lotteryPoints;
                    var weight = auction.RuleProbabilities[r] / lotteryPoints / Math.Pow(Cells, players - 1);
                    var goodWinner = auction.Rules[r].GoodWinner(cells, lottery);
                    var badTaker = auction.Rules[r].BadTaker(cells, lottery);
                    Assert.True(goodWinner < 0 || goodWinner != badTaker); // nobody gets both
                    if (goodWinner >= 0)
                    {
                        good[goodWinner, cells[goodWinner]] += weight;
                    }

                    if (badTaker >= 0)
                    {
                        bad[badTaker, cells[badTaker]] += weight;
                    }
                }
            }
        }

        var ties = 0;
        for (var i = 0; i < players; i++)
        {
            for (var k = 0; k < Cells; k++)
            {
                Assert.Equal(good[i, k], auction.GoodProbabilityOfCell(i, k), 10); // summing 10^5 lottery weights loses ~1e-12
                Assert.Equal(bad[i, k], auction.BadProbabilityOfCell(i, k), 10);
                ties += k > 0 && auction.Rules[0].BadScore(i, k) == auction.Rules[0].BadScore(i, k - 1)
                    && auction.BadProbabilityOfCell(i, k) > 0 ? 1 : 0;
            }
        }

        if (weights == WelfareWeights.Utils)
        {
            Assert.True(ties > 0, "utils weights pool the lowest types (003 Corollary 3), so ties occur");
        }
    }

    [Fact]
    public void TieLotteryIntegralEqualsSumOverTiedSubsets()
    {
        // int_0^1 prod_j (s_j + x e_j) dx = sum_S prod_{S} e_j prod_{not S} s_j / (|S| + 1).
        var stream = new RandomStream(StreamKey.ForPurpose(11, 0, "test:tie-lottery"));
        for (var trial = 0; trial < 200; trial++)
        {
            var rivals = 1 + stream.NextInt(6);
            var beaten = new double[rivals];
            var tied = new double[rivals];
            for (var j = 0; j < rivals; j++)
            {
                beaten[j] = stream.NextUniform() * 0.7;
                tied[j] = stream.NextUniform() * (1 - beaten[j]);
            }

            var bySubsets = 0.0;
            for (var subset = 0; subset < 1 << rivals; subset++)
            {
                var product = 1.0;
                for (var j = 0; j < rivals; j++)
                {
                    product *= (subset >> j & 1) == 1 ? tied[j] : beaten[j];
                }

                bySubsets += product / (System.Numerics.BitOperations.PopCount((uint)subset) + 1);
            }

            Assert.Equal(bySubsets, TieLottery.WinProbability(beaten, tied), 14);
        }
    }
}

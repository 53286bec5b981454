using MarketSim.Core.RedistributiveAuctions;

namespace MarketSim.Core.Tests.RedistributiveAuctions;

/// <summary>
/// Incentives (003 Section 2.3): on a fine type grid no type gains by reporting another type, every
/// type's interim payoff is &gt;= 0 (IR), Q_i is weakly increasing, and nobody can get both items
/// (003 Corollary 2). Symmetric and asymmetric players, slack and binding budgets.
/// </summary>
public class TruthfulReportingIsOptimalAndIndividuallyRationalTests
{
    private const int Cells = 1000;
    private const int TypeGrid = 400;

    public static TheoryData<string> Cases() => new(AuctionTestCases.All().Select(testCase => testCase.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void NoTypeGainsByMisreporting(string name)
    {
        var auction = AuctionTestCases.Solve(AuctionTestCases.All().Single(testCase => testCase.Name == name), Cells);
        for (var i = 0; i < auction.Players; i++)
        {
            var grid = auction.Grids[i];
            var types = Enumerable.Range(0, TypeGrid)
                .Select(k => grid.Lower + ((grid.Upper - grid.Lower) * (k + 0.5) / TypeGrid)).ToArray();
            foreach (var type in types)
            {
                // Utils and money payoffs differ by the factor 1/t > 0, so money suffices for IC.
                var truthful = auction.InterimUtilityInMoney(i, type);
                var bestReport = types.MaxBy(report => auction.ReportUtilityInMoney(i, type, report));
                Assert.True(
                    auction.ReportUtilityInMoney(i, type, bestReport) <= truthful + 1e-10,
                    $"{name}: player {i} type {type} gains by reporting {bestReport}");

                // IR: the payoff is >= 0, with the minimum 0 (if L_i = 0) at tau_i (003 (6)).
                Assert.True(truthful >= -1e-12);
                Assert.True(auction.InterimUtility(i, type) >= -1e-12);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AllocationIsMonotoneAndExclusive(string name)
    {
        var auction = AuctionTestCases.Solve(AuctionTestCases.All().Single(testCase => testCase.Name == name), Cells);
        for (var i = 0; i < auction.Players; i++)
        {
            for (var k = 0; k < Cells; k++)
            {
                // 003 (40): a cell with a chance of the good has none of the bad.
                Assert.False(auction.GoodProbabilityOfCell(i, k) > 0 && auction.BadProbabilityOfCell(i, k) > 0);
                if (k > 0)
                {
                    Assert.True(auction.AllocationOfCell(i, k) >= auction.AllocationOfCell(i, k - 1) - 1e-14);
                }

                foreach (var rule in auction.Rules)
                {
                    Assert.False(rule.GoodScore(i, k) > 0 && rule.BadScore(i, k) < 0);
                }
            }

            // The minimum payoff sits at tau_i and equals the lump sum (0 outside I*): 003 Theorem 2(b.ii).
            Assert.Equal(auction.LumpSums[i], auction.InterimUtilityInMoney(i, auction.WorstOffTypes[i]), 10);
        }
    }

    [Fact]
    public void PayoffIsUShapedWhenTheBadIsAssigned()
    {
        // 003 Corollary 1 (symmetric, the bad assigned): U_i decreasing at the bottom, increasing at the top.
        var testCase = AuctionTestCases.All().Single(testCase => testCase.Name == "utils-3x[1,20]-c5-binding");
        var auction = AuctionTestCases.Solve(testCase, Cells);
        var thresholds = auction.Thresholds(0);
        Assert.NotNull(thresholds.BadBelow);
        Assert.NotNull(thresholds.GoodAbove);
        Assert.True(thresholds.BadBelow < thresholds.GoodAbove, "with nu > 0 a middle region gets neither item");
        var step = 0.05;
        for (var type = 1 + step; type < thresholds.BadBelow!.Value - step; type += step)
        {
            Assert.True(auction.InterimUtility(0, type) < auction.InterimUtility(0, type - step), $"U not decreasing at {type}");
        }

        // In the middle U is 0 (no item, no payment, no lump sum: L = 0 when the budget binds).
        var middle = 0.5 * (thresholds.BadBelow.Value + thresholds.GoodAbove!.Value);
        Assert.Equal(0, auction.InterimUtility(0, middle), 12);
        for (var type = 15.0; type < 20; type += step)
        {
            Assert.True(auction.InterimUtility(0, type) > auction.InterimUtility(0, type - step), $"U not increasing at {type}");
        }
    }
}

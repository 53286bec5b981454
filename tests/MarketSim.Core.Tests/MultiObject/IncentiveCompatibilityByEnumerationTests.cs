using MarketSim.Core.Agents;
using MarketSim.Core.MultiObject;
using MarketSim.Core.Scenarios;
using static MarketSim.Core.Tests.MultiObject.MultiObjectTestProblems;

namespace MarketSim.Core.Tests.MultiObject;

/// <summary>
/// IC, interim IR and budget balance checked by brute force (issue 6 acceptance): for N = 1..6, every
/// true type VECTOR (which objects are good, not just how many) and every misreport vector, interim
/// expectations computed exactly by enumerating every rival type vector and taking the lotteries'
/// expectation (payments are linear in the trades, so settling at the trade probabilities is exact).
/// Weights include 0, 1 and the exact Pareto breakpoints, where the tie rule splits the budget.
/// </summary>
public class IncentiveCompatibilityByEnumerationTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<int> ParameterSetIndices() => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(ParameterSetIndices))]
    public void TruthTellingIsOptimalAndIndividuallyRationalForEveryTypeAndMisreport(int parameterSet)
    {
        var (_, buyer, seller) = ParameterSets[parameterSet];
        for (var objects = 1; objects <= 6; objects++)
        {
            var problem = new MultiObjectProblem(objects, buyer, seller);
            foreach (var mechanism in Mechanisms(problem))
            {
                foreach (var budget in new[] { BudgetBalance.ExAnte, BudgetBalance.ExPost })
                {
                    CheckSide(mechanism, budget, Side.Buyers);
                    CheckSide(mechanism, budget, Side.Sellers);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(ParameterSetIndices))]
    public void ExAnteRevenueIsZeroInExpectationAndExPostRevenueIsZeroInEveryState(int parameterSet)
    {
        var (_, buyer, seller) = ParameterSets[parameterSet];
        for (var objects = 1; objects <= 6; objects++)
        {
            var problem = new MultiObjectProblem(objects, buyer, seller);
            foreach (var mechanism in Mechanisms(problem))
            {
                var types = 1 << objects;
                var probabilities = new double[objects];
                var trades = new double[objects];
                var expectedRevenue = 0.0;
                for (var buyerMask = 0; buyerMask < types; buyerMask++)
                {
                    var buyerReport = Bits(buyerMask, objects);
                    for (var sellerMask = 0; sellerMask < types; sellerMask++)
                    {
                        var sellerReport = Bits(sellerMask, objects);
                        var weight = TypeProbability(buyerMask, objects, buyer.GoodProbability)
                            * TypeProbability(sellerMask, objects, seller.GoodProbability);
                        ThresholdClearing.TradeProbabilities(mechanism, buyerReport, sellerReport, probabilities);
                        expectedRevenue += weight
                            * ThresholdClearing.Settle(mechanism, BudgetBalance.ExAnte, buyerReport, sellerReport, probabilities).Revenue;

                        // Every lottery outcome with positive probability: ex-post revenue is 0 (004 Section 4).
                        for (var outcome = 0; outcome < types; outcome++)
                        {
                            var possible = true;
                            for (var i = 0; i < objects; i++)
                            {
                                trades[i] = (outcome >> i) & 1;
                                possible &= trades[i] == 0 || probabilities[i] > 0;
                                possible &= trades[i] == 1 || probabilities[i] < 1;
                            }

                            if (possible)
                            {
                                var revenue = ThresholdClearing.Settle(mechanism, BudgetBalance.ExPost, buyerReport, sellerReport, trades).Revenue;
                                Assert.True(Math.Abs(revenue) < Tolerance, $"ex-post revenue {revenue} at N={objects}");
                            }
                        }
                    }
                }

                // docs/theory.md §3: the ex-ante version balances the budget in expectation (NI = NU^b + NU^s).
                Assert.True(Math.Abs(expectedRevenue) < Tolerance, $"expected revenue {expectedRevenue} at N={objects}");
            }
        }
    }

    private static IEnumerable<ThresholdMechanism> Mechanisms(MultiObjectProblem problem)
    {
        foreach (var weight in new[] { 0.0, 0.25, 0.5, 0.8, 1.0 })
        {
            yield return ThresholdSolver.Solve(problem, weight);
        }

        foreach (var breakpoint in ParetoFrontier.Compute(problem).Breakpoints)
        {
            yield return ThresholdSolver.Solve(problem, breakpoint);
        }
    }

    private static void CheckSide(ThresholdMechanism mechanism, BudgetBalance budget, Side side)
    {
        var problem = mechanism.Problem;
        var objects = problem.Objects;
        var types = 1 << objects;
        var rival = side == Side.Buyers ? Side.Sellers : Side.Buyers;
        var rivalGood = problem.GoodProbability(rival);
        var probabilities = new double[objects];

        // For each report: interim trade probability per object and interim money received.
        var tradeProbability = new double[types, objects];
        var moneyReceived = new double[types];
        for (var report = 0; report < types; report++)
        {
            var own = Bits(report, objects);
            for (var rivalMask = 0; rivalMask < types; rivalMask++)
            {
                var other = Bits(rivalMask, objects);
                var weight = TypeProbability(rivalMask, objects, rivalGood);
                var (buyerReport, sellerReport) = side == Side.Buyers ? (own, other) : (other, own);
                ThresholdClearing.TradeProbabilities(mechanism, buyerReport, sellerReport, probabilities);
                var outcome = ThresholdClearing.Settle(mechanism, budget, buyerReport, sellerReport, probabilities);
                moneyReceived[report] += weight * (side == Side.Buyers ? -outcome.BuyerPayment : outcome.SellerReceipt);
                for (var i = 0; i < objects; i++)
                {
                    tradeProbability[report, i] += weight * probabilities[i];
                }
            }
        }

        for (var truth = 0; truth < types; truth++)
        {
            var values = Bits(truth, objects)
                .Select(good => side == Side.Buyers ? problem.ReportedValue(side, good) : -problem.ReportedValue(side, good))
                .ToArray();
            double Utility(int report)
            {
                var utility = moneyReceived[report];
                for (var i = 0; i < objects; i++)
                {
                    utility += tradeProbability[report, i] * values[i];
                }

                return utility;
            }

            var truthful = Utility(truth);
            var goodCount = System.Numerics.BitOperations.PopCount((uint)truth);

            // 004 (3) and docs/theory.md §3: the interim utility of truth-telling is tau^j(m), in both budget versions.
            Assert.True(Math.Abs(truthful - mechanism.InterimTransfer(side, goodCount)) < Tolerance,
                $"{side} N={objects} type {truth}: utility {truthful} vs tau {mechanism.InterimTransfer(side, goodCount)}");
            Assert.True(truthful >= -Tolerance, $"IR fails for {side} N={objects} type {truth}: {truthful}");
            for (var report = 0; report < types; report++)
            {
                Assert.True(Utility(report) <= truthful + Tolerance,
                    $"IC fails for {side} N={objects} a_s={mechanism.SellerWeight} {budget}: type {truth} gains reporting {report}");
            }
        }
    }
}

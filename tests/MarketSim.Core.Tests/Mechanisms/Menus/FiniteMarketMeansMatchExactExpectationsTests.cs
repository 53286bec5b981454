using MarketSim.Core.Mechanisms;
using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Random;
using MarketSim.Core.Scenarios;
using Xunit.Abstractions;

namespace MarketSim.Core.Tests.Mechanisms.Menus;

/// <summary>
/// Core-only Monte Carlo on 000 Section 2's market (m = 2, N_S = N_B = 2000, types from keyed streams):
/// the mean welfare and budget surplus of the wedge and of a price floor match their exact
/// finite-market expectations within 4 standard errors (sample sd / sqrt(R)).
///
/// Exact finite expectation: every agent chooses independently, so the sides' requests are
/// independent binomials X ~ Bin(N_B, q_B), Y ~ Bin(N_S, q_S), the volume is k = min(X, Y), and the
/// traders of the long side are a uniform subset of its choosers, independent of their types. So
/// E[welfare] = E[k] (u_B + u_S + Lambda_S (p_B - p_S)) with u_j the mean weighted gain of a chooser:
/// Wedge (p_B = 1/2, p_S = 1/(2m), lump sum to sellers): q_B = q_S = 1/2, u_B = E[r - 1/2 | r &gt; 1/2] = 1/4,
///   u_S = E[m p_S - v^K | v^K &lt; 1/2] = 1/4, so E[W]/N_S = (E[k]/N_S)(m/2) -&gt; m/4 (the continuum).
/// Floor p = 0.4: q_B = 0.6, q_S = P(v^K &lt; m p) = 0.8, u_B = 0.3, u_S = E[0.8 - v^K | v^K &lt; 0.8] = 0.4,
///   E[W]/N_S = 0.7 E[k]/N_S -&gt; 0.42.
/// The continuum differs by the O(1/sqrt N) volume shortfall E|X - Y|/2 of docs/theory.md §2's min rule; the test
/// asserts its size too, because it exceeds the Monte Carlo error of long runs (see the output).
/// </summary>
public sealed class FiniteMarketMeansMatchExactExpectationsTests(ITestOutputHelper output)
{
    private const double M = 2.0;
    private const int Agents = 2000;
    private const int Replications = 400;

    [Fact]
    public void WedgeWelfareAndPromisedBudgetSurplusMatchTheirFiniteMarketExpectations()
    {
        var market = MenuTestMarkets.UniformExample(M);
        var realized = PriceWedge.Create("wedge", 0.5, 1 / (2 * M), LumpSumPolicy.Realized, LumpSumRecipient.Auto, market);
        var promised = PriceWedge.Create("wedge-promised", 0.5, 1 / (2 * M), LumpSumPolicy.Promised, LumpSumRecipient.Auto, market);
        var (welfare, _) = Simulate(realized);
        var (_, surplus) = Simulate(promised);

        var expectedVolume = MenuTestMarkets.ExpectedMinimumOfBinomials(Agents, 0.5, Agents, 0.5) / Agents;
        var continuum = realized.ContinuumValues(market)["welfare"];
        Report("wedge welfare", welfare, expectedVolume * M / 2, continuum);
        AssertWithinFourStandardErrors(expectedVolume * M / 2, welfare);

        // Promised lump sum (m-1)/(4m) per seller: surplus (p_B - p_S)(k - N/2), mean (p_B - p_S)(E[k] - N/2).
        var expectedSurplus = (0.5 - 1 / (2 * M)) * (expectedVolume - 0.5);
        Report("wedge promised budget surplus", surplus, expectedSurplus, 0.0);
        AssertWithinFourStandardErrors(expectedSurplus, surplus);

        // E[min] of two Bin(N, 1/2) ~ N/2 - sqrt(N/pi)/2: the continuum overstates the finite volume by ~0.63%.
        Assert.Equal(0.5 - Math.Sqrt(Agents / Math.PI) / 2 / Agents, expectedVolume, 2e-4);
    }

    [Fact]
    public void PriceFloorWelfareMatchesItsFiniteMarketExpectation()
    {
        var market = MenuTestMarkets.UniformExample(M);
        var floor = PriceControl.Create("floor", 0.4);
        var (welfare, surplus) = Simulate(floor);
        var expectedVolume = MenuTestMarkets.ExpectedMinimumOfBinomials(Agents, 0.6, Agents, 0.8) / Agents;
        var continuum = floor.ContinuumValues(market)["welfare"];
        Report("floor welfare", welfare, 0.7 * expectedVolume, continuum);
        AssertWithinFourStandardErrors(0.7 * expectedVolume, welfare);
        Assert.All(surplus, value => Assert.Equal(0.0, value, 1e-12));

        // The sellers are long with overwhelming probability, so the finite volume is E[X] = 0.6 N: the continuum is exact here.
        Assert.Equal(0.42, continuum, 1e-12);
        Assert.Equal(0.6, expectedVolume, 1e-9);
    }

    private (List<double> Welfare, List<double> BudgetSurplus) Simulate(MenuMechanism mechanism)
    {
        var instance = new Agents.MarketInstance(Agents, Agents);
        var outcome = new MechanismOutcome();
        var welfare = new List<double>();
        var surplus = new List<double>();
        for (var r = 0; r < Replications; r++)
        {
            // Same agents for every mechanism in replication r (common random numbers), own lottery stream.
            var types = new RandomStream(StreamKey.ForPurpose(2018, r, "types"));
            MenuTestMarkets.DrawUniformExample(instance, M, ref types);
            outcome.Reset(Agents, Agents);
            var lottery = new RandomStream(StreamKey.ForPurpose(2018, r, "lottery:" + mechanism.Name));
            mechanism.Clear(instance, ref lottery, outcome);
            welfare.Add(MenuTestMarkets.WelfarePerSeller(instance, outcome));
            var lumpSums = Agents * (outcome.BuyerLumpSum + outcome.SellerLumpSum);
            surplus.Add((MenuTestMarkets.Sum(outcome.BuyerPayment) - MenuTestMarkets.Sum(outcome.SellerPayment) - lumpSums) / Agents);
        }

        return (welfare, surplus);
    }

    private void Report(string what, List<double> sample, double exact, double continuum)
    {
        var (mean, standardError) = MenuTestMarkets.MeanAndError(sample);
        output.WriteLine(
            $"{what}: mean {mean:F6} se {standardError:F6}; exact finite {exact:F6}; continuum {continuum:F6} " +
            $"(gap {(continuum - exact) / standardError:F1} se)");
    }

    private static void AssertWithinFourStandardErrors(double expected, List<double> sample)
    {
        var (mean, standardError) = MenuTestMarkets.MeanAndError(sample);
        Assert.True(Math.Abs(mean - expected) <= 4 * standardError, $"mean {mean} vs expected {expected}, se {standardError}");
    }
}

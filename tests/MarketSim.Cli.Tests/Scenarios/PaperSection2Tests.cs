using MarketSim.Cli.Scenarios;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using MarketSim.Simulation.Running;
using MathNet.Numerics.Distributions;
using MarketSim.Simulation;

namespace MarketSim.Cli.Tests.Scenarios;

/// <summary>
/// scenarios/paper-section2.yaml (000 Section 2: mu = 1, r_B ~ U[0,1] with v^M = 1, r_S ~ U[0,1/2] with
/// v^M = m = 2, 10,000 sellers, 200 replications, fixed seed) through the actor pipeline, against the
/// continuum theory (issue "Foundation" and issue "Menus" acceptance).
///
/// Continuum values (per unit mass of sellers; derivations):
/// - CE: p = 1/(1+m) = 1/3 solves 1 - p = G_S(p) = m p. Volume m/(1+m) = 2/3. Buyers with r &gt; p gain
///   int_p^1 (r - p) dr = (1-p)^2/2 = 2/9; sellers (weight m) gain m int_0^p (p - r) m dr = m^2 p^2/2 = 2/9.
///   Welfare 4/9.
/// - Wedge p_B = 1/2, p_S = 1/4, revenue to sellers: volume 1/2; buyers (1/2)^2/2 = 1/8; sellers
///   m^2 p_S^2/2 = 1/8 from trade plus m times the lump sum (p_B - p_S)/2 = 1/8, i.e. 1/4. Welfare m/4 = 1/2.
/// - Floor p = 0.4 &gt; 1/3: demand 1 - p = 0.6 &lt; supply m p = 0.8, sellers rationed uniformly with
///   probability 0.6/0.8. Buyers (0.6)^2/2 = 0.18; sellers (0.6/0.8) m^2 p^2/2 = 0.24. Welfare 0.42.
/// Finite markets (docs/theory.md §2) differ from these limits only through the volume k = min(k_B, k_S): CE clears
/// exactly (bias O(1/N)); the floor's short side is the buyers with overwhelming probability, so its
/// volume is exactly Bin(N, 0.6); the wedge's two sides are independent Bin(N, 1/2) and
/// E[min] = N/2 - sqrt(N/pi)/2 + o(sqrt N): its welfare is (m/2) E[k]/N, biased by O(N^{-1/2}), which is
/// larger than the 95% CI of 200 replications. The wedge is therefore checked against its exact
/// finite-market expectation, and its distance to the continuum against that bias.
/// </summary>
public sealed class PaperSection2Tests
{
    private const double M = 2.0;
    private static readonly Lazy<Task<(MarketModel Model, IReadOnlyList<SummaryRow> Rows)>> Run = new(RunScenarioAsync);

    [Fact]
    public async Task CompetitiveEquilibriumWelfareAndPriceAgreeWithTheContinuumWithinTheirConfidenceIntervals()
    {
        var rows = (await Run.Value).Rows;
        AssertTheoryInsideInterval(rows, "competitive-equilibrium", "welfare", 4.0 / 9);
        AssertTheoryInsideInterval(rows, "competitive-equilibrium", "price", 1.0 / 3);
        AssertTheoryInsideInterval(rows, "competitive-equilibrium", "volume", 2.0 / 3);
    }

    [Fact]
    public async Task PriceFloorWelfareAgreesWithTheContinuumWithinItsConfidenceInterval()
    {
        var rows = (await Run.Value).Rows;
        AssertTheoryInsideInterval(rows, "price-floor", "welfare", 0.42);
        AssertTheoryInsideInterval(rows, "price-floor", "volume", 0.6);
    }

    [Fact]
    public async Task WedgeWelfareAgreesWithItsExactFiniteMarketExpectationAndItsContinuumGapIsTheMinRuleBias()
    {
        var (model, rows) = await Run.Value;
        var sellers = model.SellerCount;
        var expectedVolume = ExpectedMinimumOfBinomials(sellers, 0.5) / sellers;
        var welfare = Row(rows, "price-wedge", "welfare");
        Assert.Equal(0.5, welfare.Theory!.Value, 1e-9);
        Assert.InRange(M / 2 * expectedVolume, welfare.Statistics.ConfidenceLow, welfare.Statistics.ConfidenceHigh);

        // The gap to the continuum is the min-rule bias (m/2)(1/2 - E[k]/N) ~ (m/4) sqrt(1/(pi N)), within 4 se.
        var bias = M / 2 * (0.5 - expectedVolume);
        Assert.Equal(M / 4 * Math.Sqrt(1 / (Math.PI * sellers)), bias, 1e-5);
        Assert.Equal(bias, 0.5 - welfare.Statistics.Mean, 4 * welfare.Statistics.StandardError);
    }

    [Fact]
    public async Task WedgeBeatsCompetitiveEquilibriumOnThePairedDifference()
    {
        var difference = Row((await Run.Value).Rows, "price-wedge", "welfare_minus_ce");
        Assert.True(difference.Statistics.ConfidenceLow > 0, $"95% CI of wedge - CE: [{difference.Statistics.ConfidenceLow}, {difference.Statistics.ConfidenceHigh}]");
        Assert.Equal(0.5 - 4.0 / 9, difference.Theory!.Value, 1e-9);
    }

    [Fact]
    public async Task RealizedLumpSumBalancesTheBudgetInEveryReplication()
    {
        var surplus = Row((await Run.Value).Rows, "price-wedge", "budget_surplus");
        Assert.Equal(0.0, surplus.Statistics.Mean, 1e-12);
        Assert.InRange(surplus.Statistics.StandardDeviation, 0, 1e-12);
        Assert.Equal(0.0, Row((await Run.Value).Rows, "price-wedge", "deficit").Statistics.Mean, 1e-12);
    }

    [Fact]
    public async Task PromisedLumpSumSurplusMatchesItsExactExpectationAndDeficitsAreReported()
    {
        // The same market with the wedge's lump sum promised: the continuum (m-1)/(4m) = 1/8 per seller.
        var loaded = ScenarioLoader.Load(RepositoryPaths.Scenario("paper-section2.yaml"));
        var scenario = loaded.Scenario with
        {
            Replications = 100,
            Mechanisms = [new PriceWedgeSpec("promised-wedge", 0.5, 0.25, LumpSumPolicy.Promised, LumpSumRecipient.Sellers)],
        };
        var model = new MarketModel(scenario);
        var rows = RunSummary.Build(await SimulationRunner.RunAsync(model, new SimulationOptions(scenario.Replications, 2)), model.ContinuumValuesOf);

        Assert.Equal(1.0 / 8, Row(rows, "promised-wedge", "lump_sum_sellers").Statistics.Mean, 1e-12);
        // Surplus per seller = (p_B - p_S) k/N - 1/8 = (1/4)(k/N - 1/2): mean (1/4)(E[k]/N - 1/2) < 0.
        var surplus = Row(rows, "promised-wedge", "budget_surplus");
        var expected = 0.25 * (ExpectedMinimumOfBinomials(model.SellerCount, 0.5) / model.SellerCount - 0.5);
        Assert.InRange(expected, surplus.Statistics.ConfidenceLow, surplus.Statistics.ConfidenceHigh);
        Assert.Equal(0.0, surplus.Theory!.Value, 1e-9);
        // Deficits happen whenever k < N/2: P(min of two Bin(N, 1/2) < N/2) ~ 3/4 (both sides at or above N/2 with probability ~1/4).
        var deficit = Row(rows, "promised-wedge", "deficit").Statistics;
        Assert.InRange(0.75, deficit.ConfidenceLow, deficit.ConfidenceHigh);
    }

    private static async Task<(MarketModel, IReadOnlyList<SummaryRow>)> RunScenarioAsync()
    {
        var loaded = ScenarioLoader.Load(RepositoryPaths.Scenario("paper-section2.yaml"));
        var model = new MarketModel(loaded.Scenario);
        var results = await SimulationRunner.RunAsync(model, new SimulationOptions(loaded.Scenario.Replications, 2));
        return (model, RunSummary.Build(results, model.ContinuumValuesOf));
    }

    /// <summary>E[min(X, Y)] for independent X, Y ~ Bin(n, p): sum over k >= 1 of P(X >= k) P(Y >= k).</summary>
    private static double ExpectedMinimumOfBinomials(int n, double p)
    {
        var sum = 0.0;
        for (var k = 1; k <= n; k++)
        {
            var atLeast = 1 - Binomial.CDF(p, n, k - 1);
            sum += atLeast * atLeast;
        }

        return sum;
    }

    private static void AssertTheoryInsideInterval(IReadOnlyList<SummaryRow> rows, string mechanism, string metric, double closedForm)
    {
        var row = Row(rows, mechanism, metric);
        Assert.Equal(closedForm, row.Theory!.Value, 1e-6);
        Assert.InRange(closedForm, row.Statistics.ConfidenceLow, row.Statistics.ConfidenceHigh);
    }

    private static SummaryRow Row(IReadOnlyList<SummaryRow> rows, string mechanism, string metric) =>
        rows.Single(row => row.Mechanism == mechanism && row.Metric == metric);
}

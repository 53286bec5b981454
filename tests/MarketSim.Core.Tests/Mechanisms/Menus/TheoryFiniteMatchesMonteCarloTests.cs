using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Metrics;
using MarketSim.Core.Random;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace MarketSim.Core.Tests.Mechanisms.Menus;

/// <summary>
/// The summary's theory_finite column (docs/finite-markets.md) against the Monte Carlo of the real
/// pipeline (MarketModel, ReplicationRunner, RunSummary) on 000 Section 2's market (m = 2): the
/// paper's wedge (realised lump sum) and two random two-option menus (one with a realised lump sum
/// to sellers, one with a promised lump sum to buyers), at N = 10, 100, 1,000 and 10,000.
/// Every metric with a finite theory must lie in the t interval of its Monte Carlo mean; the
/// family of checks is Bonferroni-corrected to an overall 95% level, and the share inside the
/// plain 95% intervals is reported.
/// </summary>
[Collection(Stress.StressMarkets.MonteCarloCollection)]
public sealed class TheoryFiniteMatchesMonteCarloTests(ITestOutputHelper output)
{
    [Fact]
    public void MonteCarloMeansOfEveryPostedMechanismLieInTheCiOfTheoryFinite()
    {
        var checks = new List<(string What, double Mean, double Se, int Count, double Finite)>();
        foreach (var (sellers, replications) in new[] { (10, 400), (100, 200), (1000, 60), (10_000, 30) })
        {
            var scenario = Section2(sellers, replications, RandomMenus());
            var model = new MarketModel(scenario);
            var workspace = new ReplicationWorkspace(model);
            var results = Enumerable.Range(0, replications).Select(r => ReplicationRunner.Run(model, r, workspace)).ToArray();
            var summary = RunSummary.Build(results, model.ContinuumValuesOf, model.FiniteValuesOf);
            foreach (var row in summary.Where(row => row.TheoryFinite is not null && row.Mechanism != MarketModel.ReferenceLabel))
            {
                checks.Add(($"N={sellers} {row.Mechanism} {row.Metric}", row.Statistics.Mean, row.Statistics.StandardError, row.Statistics.Count, row.TheoryFinite!.Value));
            }
        }

        // Every posted mechanism has the headline metrics, and under promised lump sums the exact
        // deficit probability.
        Assert.True(checks.Any(check => check.What == "N=100 paper-wedge deficit"), "no check of the wedge's deficit");

        // The promised two-option menu has an exact deficit probability too (FiniteSurplusLaw), at every N here.
        foreach (var n in new[] { 10, 100, 1000, 10_000 })
        {
            Assert.True(checks.Any(check => check.What == $"N={n} random-menu-2 deficit"), $"no check of the menu's deficit at N = {n}");
        }

        foreach (var mechanism in new[] { "paper-wedge", "random-menu-1", "random-menu-2" })
        {
            foreach (var option in new[] { "buyers_option_2", "sellers_option_2" }.Where(_ => mechanism != "paper-wedge"))
            {
                Assert.True(checks.Any(check => check.What == $"N=1000 {mechanism} {option}_realized_probability"), $"no check of {mechanism} {option}");
            }

            foreach (var metric in new[] { "welfare", "volume", "revenue", "lump_sum_sellers", "budget_surplus", "buyers_option_1_realized_probability", "sellers_option_1_realized_probability", "buyers_option_1_rationed" })
            {
                Assert.True(checks.Any(check => check.What == $"N=100 {mechanism} {metric}"), $"no check of {mechanism} {metric}");
            }
        }

        var inside95 = 0;
        var failures = new List<string>();
        foreach (var (what, mean, se, count, finite) in checks)
        {
            if (Math.Abs(mean - finite) <= 1e-12 * Math.Max(1, Math.Abs(finite)))
            {
                // Equal up to rounding (e.g. a realised budget surplus, 0 up to 1e-18).
                inside95++;
                continue;
            }

            if (!(se > 0))
            {
                // A constant sample (a price, or a promise never broken in these replications). For a
                // count X >= 0 (rationed) P(X > 0) <= E[X], for a probability X <= 1 P(X < 1) >= 1 - E[X];
                // either way a gap |E - c| with count x gap > 3 would have shown a non-constant value
                // with probability >= 1 - e^-3, so only such a gap contradicts the theory.
                if (count * Math.Abs(mean - finite) > 3)
                {
                    failures.Add($"{what}: constant {mean} vs theory_finite {finite}");
                }

                inside95++;
                continue;
            }

            var t95 = StudentT.InvCDF(0, 1, count - 1, 0.975);
            var tFamily = StudentT.InvCDF(0, 1, count - 1, 1 - (0.025 / checks.Count));
            var z = (mean - finite) / se;
            if (Math.Abs(z) <= t95)
            {
                inside95++;
            }

            if (Math.Abs(z) > tFamily)
            {
                failures.Add($"{what}: mean {mean} se {se} theory_finite {finite} (z = {z:F2})");
            }
        }

        output.WriteLine($"{checks.Count} checks, {inside95} inside their plain 95% interval");
        foreach (var check in checks.Where(check => check.What.Contains("welfare") || check.What.Contains("volume")))
        {
            output.WriteLine($"{check.What}: mean {check.Mean:G6} se {check.Se:G3} theory_finite {check.Finite:G6}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Coverage of the plain 95% intervals is binomial(checks, 0.95): far below it means a biased theory.
        // (normal approximation, 3.1 sd below the mean: probability about 0.001 for an exact theory).
        var lowest = (0.95 * checks.Count) - (3.1 * Math.Sqrt(checks.Count * 0.95 * 0.05));
        Assert.True(inside95 >= lowest, $"only {inside95} of {checks.Count} inside 95%");
    }

    [Fact]
    public void WedgeVolumeIsTheExactMinimumOfTwoBinomialsAndFallsShortOfTheContinuum()
    {
        var market = MenuTestMarkets.UniformExample(2.0);
        var wedge = PriceWedge.Create("wedge", 0.5, 0.25, LumpSumPolicy.Promised, LumpSumRecipient.Sellers, market);
        foreach (var n in new[] { 10, 100, 1000, 10_000 })
        {
            var finite = wedge.Finite(market, n, n);
            var expected = MenuTestMarkets.ExpectedMinimumOfBinomials(n, 0.5, n, 0.5) / n;
            Assert.True(finite.IsExact);
            Assert.Equal(expected, finite.Values["volume"], 1e-12);

            // Welfare = E[k] (u_B + u_S) / N + Lambda_S L with u_B = u_S = 1/4 (see
            // FiniteMarketMeansMatchExactExpectationsTests) and the promised L = 1/8, Lambda_S = 2;
            // promised surplus = w (E[k]/N - 1/2).
            Assert.Equal((0.5 * expected) + 0.25, finite.Values["welfare"], 1e-12);
            Assert.Equal(0.25 * (expected - 0.5), finite.Values["budget_surplus"], 1e-12);

            // The shortfall (1/2) sqrt(N/pi) trades (docs/theory.md §2).
            Assert.Equal(0.5 - (0.5 * Math.Sqrt(n / Math.PI) / n), expected, 0.02 / Math.Sqrt(n));

            // Deficit: revenue w k below the promised total N/8, i.e. k < N/2: P(min(X, Y) < N/2) with X, Y ~ Bin(N, 1/2).
            var below = Binomial.CDF(0.5, n, Math.Ceiling(n / 2.0) - 1);
            Assert.Equal(1 - ((1 - below) * (1 - below)), finite.DeficitProbability(), 1e-10);
        }
    }

    [Fact]
    public void AsymptoticExpansionStaysWithinItsDocumentedBoundOfTheExactSums()
    {
        var market = MenuTestMarkets.UniformExample(2.0);
        var menus = RandomMenus().Cast<MenuSpec>().Select(spec => MenuMechanism.Create(spec, market))
            .Append(PriceWedge.Create("wedge", 0.5, 0.25, LumpSumPolicy.Realized, LumpSumRecipient.Sellers, market));
        foreach (var mechanism in menus)
        {
            // Two options a side at N = 10^5 take seconds (a benchmark's job); the wedge is cheap.
            foreach (var n in mechanism.Name == "wedge" ? new[] { 10_000, 100_000 } : [10_000])
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var exact = mechanism.Finite(market, n, n);
                output.WriteLine($"{mechanism.Name} N={n}: exact sums in {clock.ElapsedMilliseconds} ms");
                var asymptotic = FiniteMenuAsymptotics.Compute(mechanism.Buyers, mechanism.Sellers, mechanism.LumpSum, market, n, n);
                Assert.True(exact.IsExact);
                Assert.False(asymptotic.IsExact);
                var bound = FiniteMenuAsymptotics.ErrorBound(mechanism.Buyers, mechanism.Sellers, n);
                foreach (var metric in new[] { "welfare", "welfare_buyers", "welfare_sellers", "volume", "revenue", "lump_sum_sellers", "lump_sum_buyers", "budget_surplus" })
                {
                    var error = Math.Abs(asymptotic.Values[metric] - exact.Values[metric]);
                    output.WriteLine($"{mechanism.Name} N={n} {metric}: |asymptotic - exact| = {error:E2} (bound {bound:E2})");
                    Assert.True(error <= bound, $"{mechanism.Name} N={n} {metric}: error {error} above the bound {bound}");
                }

                // The expansion keeps the O(sqrt N) shortfall: the continuum is far outside the bound for a balanced wedge.
                if (mechanism.Name == "wedge")
                {
                    Assert.True(Math.Abs(mechanism.ContinuumValues(market)["volume"] - exact.Values["volume"]) > 10 * bound);
                }
            }
        }
    }

    /// <summary>Two two-option menus with prices drawn from a keyed stream (fixed seed).</summary>
    internal static MechanismSpec[] RandomMenus()
    {
        var stream = new RandomStream(StreamKey.ForPurpose(16, 0, "random-menus"));
        double Draw(ref RandomStream s, double low, double high) => low + ((high - low) * s.NextUniform());
        var specs = new MechanismSpec[2];
        for (var i = 0; i < 2; i++)
        {
            // Buyers (r_B ~ U[0,1]): a lottery at a low price for rates in (p_L, r*), buying surely
            // for rates above the indifference rate r* = (p_H - delta p_L) / (1 - delta).
            var buyerLottery = Draw(ref stream, 0.2, 0.45);
            var buyerProbability = Draw(ref stream, 0.3, 0.7);
            var buyerCut = Draw(ref stream, 0.55, 0.9);
            var buyerSure = (buyerProbability * buyerLottery) + ((1 - buyerProbability) * buyerCut);

            // Sellers (r_S ~ U[0,1/2]): selling surely below r* = (p_L - delta p_H) / (1 - delta), a
            // lottery at a high price for rates in (r*, p_H).
            var sellerLottery = Draw(ref stream, 0.25, 0.4);
            var sellerProbability = Draw(ref stream, 0.3, 0.7);
            var sellerCut = Draw(ref stream, 0.05, 0.2);
            var sellerSure = (sellerProbability * sellerLottery) + ((1 - sellerProbability) * sellerCut);
            specs[i] = new MenuSpec(
                $"random-menu-{i + 1}",
                [new MenuOption(buyerSure, 1.0), new MenuOption(buyerLottery, buyerProbability)],
                [new MenuOption(sellerSure, 1.0), new MenuOption(sellerLottery, sellerProbability)],
                i == 0 ? LumpSumPolicy.Realized : LumpSumPolicy.Promised,
                i == 0 ? LumpSumRecipient.Sellers : LumpSumRecipient.Buyers);
        }

        return specs;
    }

    private static Scenario Section2(int sellers, int replications, MechanismSpec[] menus) =>
        new(
            "theory-finite",
            2018,
            replications,
            new MarketSpec(sellers, BuyersPerSeller: 1.0),
            new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1)),
            new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(2)),
            [new PriceWedgeSpec("paper-wedge", 0.5, 0.25, LumpSumPolicy.Realized, LumpSumRecipient.Sellers), .. menus]);
}

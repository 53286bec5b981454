using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Stress;
using MarketSim.Core.Tests.Stress;
using Xunit.Abstractions;

namespace MarketSim.Core.Tests.Mechanisms.Menus;

/// <summary>
/// The exact law of the budget surplus under promised lump sums (FiniteSurplusLaw, docs/theory.md §2.2)
/// against the Monte Carlo of the real pipeline (MarketModel, ReplicationRunner, the stress scenario
/// with promised lump sums) on 000 Section 2's market (m = 2): two random two-option menus (a sure
/// and a lottery option a side) and a three-option menu (buyers: sure and two lotteries; sellers:
/// three lotteries, so both recursions of the side law run), each at two sizes. Checked: the deficit
/// probability and the cumulative distribution at five points, within 4.5 binomial standard errors
/// sqrt(p (1 - p) / R) (30 checks: a false alarm has probability about 2e-4); the law's mean equals the
/// exact linear expectation (theory_finite's budget_surplus); stress-theory's rows carry the law.
/// </summary>
[Collection(StressMarkets.MonteCarloCollection)]
public sealed class SurplusLawMatchesMonteCarloTests(ITestOutputHelper output)
{
    private const int Replications = 4000;

    [Fact]
    public void ExactDeficitProbabilityAndSurplusLawOfMenusMatchMonteCarlo()
    {
        var menus = TheoryFiniteMatchesMonteCarloTests.RandomMenus().Append(ThreeOptionMenu()).ToArray();
        var failures = new List<string>();
        var checks = 0;
        foreach (var sellers in new[] { 10, 40 })
        {
            var (model, results) = StressMarkets.Run(StressMarkets.Section2(16, menus), sellers, Replications, LumpSumPolicy.Promised);
            var theoryRows = StressTheory.Of(model, 0.05);
            for (var m = 0; m < model.Mechanisms.Count; m++)
            {
                var mechanism = (MenuMechanism)model.Mechanisms[m];
                Assert.Equal(LumpSumPolicy.Promised, mechanism.LumpSum.Policy);
                var finite = mechanism.Finite(model.Continuum, model.BuyerCount, model.SellerCount);
                var law = FiniteSurplusLaw.Build(
                    new FiniteMenuSide(mechanism.Buyers, model.Continuum.Buyers, model.BuyerCount),
                    new FiniteMenuSide(mechanism.Sellers, model.Continuum.Sellers, model.SellerCount),
                    finite.VolumeLaw!,
                    mechanism.LumpSum.PromisedPerAgent * model.CountOf(mechanism.LumpSum.Recipient));
                Assert.NotNull(law);

                // The 5% quantile is the smallest atom b with P(B <= b) >= 5%.
                var q05 = law.Quantile(0.05);
                Assert.True(law.Cumulative(q05, strict: false) >= 0.05 && law.Cumulative(Math.BitDecrement(q05), strict: false) < 0.05);

                // The law's mean is the exact linear expectation of theory_finite (an independent computation).
                Assert.Equal(finite.Values[MenuLedger.BudgetSurplus], law.Moments().Mean / sellers, 1e-12);

                // Monte Carlo of the real mechanism code: total surplus and deficit indicator per replication.
                var surplus = results.Select(result => Metric(result, m, "budget_surplus") * sellers).Order().ToArray();
                var deficits = results.Count(result => Metric(result, m, "deficit") == 1.0);
                var exact = finite.DeficitProbability();
                Check($"N={sellers} {mechanism.Name} deficit", (double)deficits / Replications, exact);

                // The cumulative distribution at five points between two distinct simulated values.
                foreach (var level in new[] { 0.05, 0.25, 0.5, 0.75, 0.95 })
                {
                    var i = (int)(level * Replications);
                    var next = Array.FindIndex(surplus, i, value => value > surplus[i] + 1e-9);
                    if (next < 0)
                    {
                        continue;
                    }

                    var x = 0.5 * (surplus[i] + surplus[next]);
                    Check($"N={sellers} {mechanism.Name} P(B <= {x:G4})", (double)surplus.Count(value => value <= x) / Replications, law.Cumulative(x, strict: false));
                }

                // stress-theory.csv's rows now include the menu, from the same law.
                Assert.Equal(exact, StressMarkets.Row(theoryRows, mechanism.Name, StressMetrics.DeficitProbability).Value);
                Assert.Equal(finite.BudgetSurplusQuantile(0.05), StressMarkets.Row(theoryRows, mechanism.Name, StressMetrics.BudgetSurplusQuantile05).Value);
                Assert.Equal(finite.SafetyMargin(0.05), StressMarkets.Row(theoryRows, mechanism.Name, StressMetrics.SafetyMarginPerAgent).Value);
                Assert.Equal(exact, finite.Values["deficit"]);
            }
        }

        output.WriteLine($"{checks} checks");
        Assert.True(checks >= 30, $"only {checks} checks");
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        void Check(string what, double observed, double theory)
        {
            checks++;
            var tolerance = (4.5 * Math.Sqrt(theory * (1 - theory) / Replications)) + 1e-12;
            output.WriteLine($"{what}: Monte Carlo {observed:F4}, exact {theory:F4} (tolerance {tolerance:F4})");
            if (Math.Abs(observed - theory) > tolerance)
            {
                failures.Add($"{what}: Monte Carlo {observed} vs exact {theory}");
            }
        }
    }

    [Fact]
    public void OneOptionPerSideGivesTheWedgeLawOfTheVolumeBitForBit()
    {
        // The law of the surplus of a wedge is that of w V - N_r L, V = min(k_B, k_S): the same numbers,
        // to the last bit, as summing the volume's law (the computation before menus had a law).
        var market = MenuTestMarkets.UniformExample(2.0);
        var wedge = PriceWedge.Create("wedge", 0.5, 0.25, LumpSumPolicy.Promised, LumpSumRecipient.Sellers, market);
        var floor = PriceControl.Create("floor", 0.4);
        foreach (var mechanism in new[] { wedge, floor })
        {
            foreach (var n in new[] { 10, 100, 1000, 10_000, FiniteMenuExpectation.ExactLimit })
            {
                var finite = mechanism.Finite(market, n, n);
                var law = finite.VolumeLaw!;
                var w = mechanism.Buyers.Price(0) - mechanism.Sellers.Price(0);
                var promised = mechanism.LumpSum.Policy == LumpSumPolicy.Promised ? mechanism.LumpSum.PromisedPerAgent * n : 0.0;
                var deficit = 0.0;
                for (var v = 0; v < law.Length; v++)
                {
                    if ((w * v) - promised < -1e-9 * Math.Max(Math.Abs(promised), 1.0))
                    {
                        deficit += law[v];
                    }
                }

                Assert.Equal(Math.Clamp(deficit, 0, 1), finite.DeficitProbability());
                var quantile = VolumeQuantile(law, 0.05);
                Assert.Equal(((w * quantile) - promised) / n, finite.BudgetSurplusQuantile(0.05));
                Assert.Equal((promised - (w * quantile)) / n, finite.SafetyMargin(0.05));
            }
        }
    }

    [Fact]
    public void ANegativeWedgeHasItsLowSurplusQuantileAtAHighVolume()
    {
        // Buyers pay 0.3, sellers get 0.35: every trade costs 0.05, so the surplus falls with the volume
        // and its 5% quantile is -0.05 x (the volume's 95% quantile) - the volume's 5% quantile would
        // give the surplus's 95% quantile instead.
        var market = MenuTestMarkets.UniformExample(2.0);
        var wedge = new MenuMechanism("subsidy", [new MenuOption(0.3, 1.0)], [new MenuOption(0.35, 1.0)], new Core.Mechanisms.LumpSumRule(LumpSumPolicy.Promised, Side.Sellers, 0.0));
        const int n = 200;
        var finite = wedge.Finite(market, n, n);
        var law = finite.VolumeLaw!;
        var cumulative = 0.0;
        var upper = law.Length - 1;
        for (var v = law.Length - 1; v >= 0; v--)
        {
            // The largest v with P(V >= v) >= 5%: P(-0.05 V <= -0.05 v) >= 5%.
            cumulative += law[v];
            if (cumulative >= 0.05)
            {
                upper = v;
                break;
            }
        }

        Assert.Equal(-0.05 * upper / n, finite.BudgetSurplusQuantile(0.05), 1e-12);
        Assert.Equal(1.0, finite.DeficitProbability(), 1e-12);
    }

    private static int VolumeQuantile(double[] law, double level)
    {
        var cumulative = 0.0;
        for (var v = 0; v < law.Length; v++)
        {
            cumulative += law[v];
            if (cumulative >= level)
            {
                return v;
            }
        }

        return law.Length - 1;
    }

    private static double Metric(ReplicationResult result, int mechanism, string name) =>
        result.Mechanisms[mechanism].Metrics.Single(metric => metric.Name == name).Value;

    /// <summary>
    /// Buyers (r_B ~ U[0,1]): (0.2, 0.3), (0.325, 0.6), (0.475, 1): cut-offs 0.2, 0.45, 0.7, each option
    /// chosen with probability 0.25, 0.25, 0.3. Sellers (r_S ~ U[0, 1/2]): (0.3, 0.9), (0.375, 0.6),
    /// (0.45, 0.3): cut-offs 0.15, 0.3, 0.45, each chosen with probability 0.3. Expected trades
    /// 0.525 per buyer and 0.54 per seller: either side may be long.
    /// </summary>
    internal static MenuSpec ThreeOptionMenu() =>
        new(
            "three-option-menu",
            [new MenuOption(0.475, 1.0), new MenuOption(0.325, 0.6), new MenuOption(0.2, 0.3)],
            [new MenuOption(0.3, 0.9), new MenuOption(0.375, 0.6), new MenuOption(0.45, 0.3)],
            LumpSumPolicy.Promised,
            LumpSumRecipient.Sellers);
}

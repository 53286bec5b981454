using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;
using Xunit.Abstractions;

namespace MarketSim.Core.Tests.Mechanisms.Menus;

/// <summary>
/// FiniteSurplusMoments (docs/theory.md §2.2): its exact mean and variance of the budget surplus equal
/// the moments of the exact law (FiniteSurplusLaw), an independent computation, for the wedge, two
/// random two-option menus and a three-option menu; and its normal approximation, used beyond the
/// law's budget, stays within its documented error of the exact law where both exist.
/// </summary>
public sealed class SurplusNormalApproximationTests(ITestOutputHelper output)
{
    [Fact]
    public void MomentsEqualThoseOfTheExactLaw()
    {
        var market = MenuTestMarkets.UniformExample(2.0);
        foreach (var mechanism in Menus(market))
        {
            foreach (var n in mechanism.Name.StartsWith("three", StringComparison.Ordinal) ? new[] { 10, 40, 150 } : [10, 40, 1000])
            {
                var (law, moments) = Both(mechanism, market, n);
                var (mean, variance) = law.Moments();
                output.WriteLine($"{mechanism.Name} N={n}: mean {mean:G10} / {moments.Mean:G10}, variance {variance:G10} / {moments.Variance:G10}");
                Assert.Equal(mean, moments.Mean, 1e-9 * Math.Max(1, Math.Abs(mean)));
                Assert.Equal(variance, moments.Variance, 1e-9 * variance);
                Assert.True(variance > 0.01 * n * 0.01, "a surplus of O(sqrt N) spread");
            }
        }
    }

    [Fact]
    public void NormalApproximationStaysWithinItsDocumentedErrorOfTheExactLaw()
    {
        // Documented (docs/theory.md §2.2): from N_S = 300 on, |P_normal(B < 0) - P(B < 0)| <= 0.02 and the
        // 5% quantile within 0.1 sd of the exact one. The largest error is the balanced wedge's: the
        // normal law misses the skewness of min(k_B, k_S) (limit 0.753 against 3/4).
        var market = MenuTestMarkets.UniformExample(2.0);
        foreach (var mechanism in Menus(market))
        {
            var sizes = mechanism.Name switch
            {
                "wedge" => new[] { 1000, 10_000 },
                "three-option-menu" => [300],
                _ => [1000, 5000],
            };

            foreach (var n in sizes)
            {
                var (law, moments) = Both(mechanism, market, n);
                var deficitError = Math.Abs(moments.DeficitProbability() - law.DeficitProbability());
                var quantileError = Math.Abs(moments.Quantile(0.05) - law.Quantile(0.05)) / Math.Sqrt(moments.Variance);
                output.WriteLine($"{mechanism.Name} N={n}: deficit {law.DeficitProbability():F5} normal {moments.DeficitProbability():F5} (error {deficitError:E2}); q05 {law.Quantile(0.05):G6} normal {moments.Quantile(0.05):G6} (error {quantileError:F4} sd)");
                Assert.True(deficitError <= 0.02, $"{mechanism.Name} N={n}: deficit error {deficitError}");
                Assert.True(quantileError <= 0.1, $"{mechanism.Name} N={n}: quantile error {quantileError} sd");
            }
        }
    }

    [Fact]
    public void BeyondTheExactLawsBudgetTheMenuGetsTheNormalApproximation()
    {
        // The three-option menu at N = 400 needs about 3.5e6 atoms: refused before any work, approximated.
        var market = MenuTestMarkets.UniformExample(2.0);
        var mechanism = MenuMechanism.Create(SurplusLawMatchesMonteCarloTests.ThreeOptionMenu(), market);
        const int n = 400;
        var finite = mechanism.Finite(market, n, n);
        var promised = mechanism.LumpSum.PromisedPerAgent * n;
        Assert.Null(FiniteSurplusLaw.Build(
            new FiniteMenuSide(mechanism.Buyers, market.Buyers, n), new FiniteMenuSide(mechanism.Sellers, market.Sellers, n), finite.VolumeLaw!, promised));
        var moments = FiniteSurplusMoments.Of(
            new FiniteMenuSide(mechanism.Buyers, market.Buyers, n), new FiniteMenuSide(mechanism.Sellers, market.Sellers, n), promised)!;
        Assert.False(finite.SurplusLawIsExact);
        Assert.Equal(moments.DeficitProbability(), finite.DeficitProbability());
        Assert.Equal(moments.DeficitProbability(), finite.Values["deficit"]);
        Assert.Equal(moments.Quantile(0.05) / n, finite.BudgetSurplusQuantile(0.05));
        Assert.Equal(finite.Values[MenuLedger.BudgetSurplus], moments.Mean / n, 1e-12);
        Assert.InRange(finite.DeficitProbability(), 0.3, 0.6);
    }

    private static (FiniteSurplusLaw Law, FiniteSurplusMoments Moments) Both(MenuMechanism mechanism, ContinuumMarket market, int n)
    {
        var finite = mechanism.Finite(market, n, n);
        var promised = mechanism.LumpSum.PromisedPerAgent * n;
        var law = FiniteSurplusLaw.Build(
            new FiniteMenuSide(mechanism.Buyers, market.Buyers, n), new FiniteMenuSide(mechanism.Sellers, market.Sellers, n), finite.VolumeLaw!, promised);
        var moments = FiniteSurplusMoments.Of(
            new FiniteMenuSide(mechanism.Buyers, market.Buyers, n), new FiniteMenuSide(mechanism.Sellers, market.Sellers, n), promised);
        Assert.NotNull(law);
        Assert.NotNull(moments);
        return (law, moments);
    }

    private static IEnumerable<MenuMechanism> Menus(ContinuumMarket market) =>
        TheoryFiniteMatchesMonteCarloTests.RandomMenus().Cast<MenuSpec>()
            .Append(SurplusLawMatchesMonteCarloTests.ThreeOptionMenu())
            .Select(spec => MenuMechanism.Create(spec with { LumpSum = LumpSumPolicy.Promised }, market))
            .Prepend(PriceWedge.Create("wedge", 0.5, 0.25, LumpSumPolicy.Promised, LumpSumRecipient.Sellers, market));
}

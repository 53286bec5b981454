using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Tests.Theory.RateLaws.Tabulation;

/// <summary>
/// The table reproduces its exact law (quadrature per call) at points between its nodes; truncation of an
/// unbounded law moves the optimum by less than its stated bound; a law the theory cannot solve is rejected
/// with the reason; tabulation stops when cancelled.
/// </summary>
public sealed class TabulatedRateLawTests
{
    public static TheoryData<string> Laws() => new() { "lognormal money", "copula beta pareto", "power pareto", "lognormal good" };

    private static IRateLaw Exact(string name) => name switch
    {
        "lognormal money" => new TwoDimensionalRateLaw(new UniformDistribution(0, 1), new LogNormalDistribution(0, 0.3)),
        "copula beta pareto" => new TwoDimensionalRateLaw(new BetaDistribution(2, 3), new ParetoDistribution(1, 3), 0.3),
        "power pareto" => new PowerParetoSellerRateLaw(3, 0.5),
        "lognormal good" => new ConstantMoneyRateLaw(new LogNormalDistribution(0, 0.5), 1),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Laws))]
    public void TableMatchesTheExactLawBetweenNodes(string name)
    {
        IRateLaw exact = Exact(name);
        var table = new TabulatedRateLaw(exact);
        Assert.InRange(table.NodeCount, 34, TabulatedRateLaw.MaximumNodes);
        // Probe at quantiles that are not nodes (irrational fractions of the support).
        foreach (double q in new[] { 0.013, 0.1 * Math.PI, 0.5 / Math.E * 2, 0.77, 0.991 })
        {
            double rate = exact.Quantile(q);
            Assert.Equal(exact.Cdf(rate), table.Cdf(rate), 1e-8);
            Assert.Equal(rate, table.Quantile(q), 1e-6 * Math.Max(1, rate));
            Assert.Equal(exact.WeightBelow(rate), table.WeightBelow(rate), 1e-8);
            Assert.Equal(exact.SellerSurplus(rate), table.SellerSurplus(rate), 1e-8);
            Assert.Equal(exact.BuyerSurplus(rate), table.BuyerSurplus(rate), 1e-8);
            Assert.Equal(exact.ParetoWeight(rate), table.ParetoWeight(rate), 1e-4 * exact.ParetoWeight(rate));
        }

        Assert.Equal(exact.MeanParetoWeight, table.MeanParetoWeight);
        Assert.Equal(table.MeanGoodValue - table.Lower * table.MeanParetoWeight, table.BuyerSurplus(table.Lower), 1e-12);
    }

    /// <summary>
    /// Lognormal goods and lognormal money (unbounded rates on both sides): tabulations with tail masses 1e-6 and
    /// 1e-10 give optimal welfare (lump sums allowed) within the coarser one's bound mu T_B + T_S, and the bound
    /// itself is small (the tail holds little value).
    /// </summary>
    [Fact]
    public void TruncationMovesTheOptimumByLessThanItsBound()
    {
        IRateLaw buyers = new TwoDimensionalRateLaw(new LogNormalDistribution(0, 0.5), new LogNormalDistribution(0, 0.3));
        IRateLaw sellers = new ConstantMoneyRateLaw(new LogNormalDistribution(-0.5, 0.5), 2);
        const double mu = 0.8;
        double Welfare(double tailMass, out double bound)
        {
            var b = new TabulatedRateLaw(buyers, tailMass);
            var s = new TabulatedRateLaw(sellers, tailMass);
            Assert.True(b.Truncated && s.Truncated);
            bound = mu * b.TruncatedTailValue + s.TruncatedTailValue;
            return OptimalMechanismSolver.Solve(new ContinuumMarket(b, s, mu), lumpSumsAllowed: true).Welfare;
        }

        double coarse = Welfare(1e-6, out double coarseBound);
        double fine = Welfare(1e-10, out double fineBound);
        Assert.InRange(coarseBound, 1e-9, 1e-4);
        Assert.True(fineBound < coarseBound);
        Assert.InRange(Math.Abs(fine - coarse), 0, coarseBound + 2e-6);
    }

    [Fact]
    public void InfiniteMeansAreRejectedWithTheReason()
    {
        var money = Assert.Throws<ArgumentException>(() => RateLawFactory.Create(
            new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ParetoSpec(1, 0.8))));
        Assert.Contains("E[v^M]", money.Message);
        var good = Assert.Throws<ArgumentException>(() => RateLawFactory.Create(
            new TwoDimensionalLawSpec(new ParetoSpec(1, 0.9), new ConstantSpec(1))));
        Assert.Contains("E[v^K]", good.Message);
    }

    [Fact]
    public void CancelledTabulationStops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        IRateLaw exact = new TwoDimensionalRateLaw(new BetaDistribution(2, 2), new LogNormalDistribution(0, 0.4));
        Assert.ThrowsAny<OperationCanceledException>(() => new TabulatedRateLaw(exact, cancellationToken: cancelled.Token));
        var market = new ContinuumMarket(new TabulatedRateLaw(exact), new ConstantMoneyRateLaw(new UniformDistribution(0, 1), 1), 1);
        Assert.ThrowsAny<OperationCanceledException>(() => OptimalMechanismSolver.Solve(market, true, cancellationToken: cancelled.Token));
    }

    /// <summary>The hang of issue 12: an unbounded support reaching the CE bisection is an error, not an endless loop.</summary>
    [Fact]
    public void CompetitiveEquilibriumRejectsUnboundedLawsInsteadOfLooping()
    {
        IRateLaw unbounded = new ConstantMoneyRateLaw(new LogNormalDistribution(0, 0.3), 1);
        IRateLaw bounded = new ConstantMoneyRateLaw(new UniformDistribution(0, 1), 2);
        Assert.Throws<ArgumentException>(() => ContinuumCompetitiveEquilibrium.Solve(new ContinuumMarket(unbounded, bounded, 1)));
        var equilibrium = ContinuumCompetitiveEquilibrium.Solve(new ContinuumMarket(new TabulatedRateLaw(unbounded), bounded, 1));
        // mu (1 - G_B(p)) = G_S(p): 1 - Phi(ln p / 0.3) = 2p (G_S(p) = 2p on [0, 1/2]).
        double p = equilibrium.Price;
        Assert.Equal(1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, Math.Log(p) / 0.3), 2 * p, 1e-9);
    }
}

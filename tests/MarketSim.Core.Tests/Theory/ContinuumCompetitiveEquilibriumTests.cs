using MarketSim.Core.Tests.Theory.Solver;
using MarketSim.Core.Theory;

namespace MarketSim.Core.Tests.Theory;

/// <summary>The continuum CE price, volume, welfare and gains match closed forms (docs/theory.md §1.2, §1.4).</summary>
public sealed class ContinuumCompetitiveEquilibriumTests
{
    private const double Tolerance = 1e-12;

    /// <summary>
    /// docs/theory.md §1.4 uniform example, mu = 1: r_B ~ U[0,1] (lambda 1), r_S ~ U[0,1/m] (lambda m).
    /// Clearing 1 - p = m p gives p = 1/(1+m); volume Q = G_S(p) = m p = m/(1+m).
    /// W_B = int_p^1 (tau - p) dtau = (1-p)^2/2 = m^2/(2(1+m)^2);
    /// W_S = int_0^p m (p - tau) m dtau = m^2 p^2/2 = m^2/(2(1+m)^2); so W = m^2/(1+m)^2
    /// (m = 3: 9/16, below the optimum 0.75 of docs/architecture.md's solve example).
    /// Gains = int_p^1 tau dtau - int_0^p tau m dtau = (1 - p^2)/2 - m p^2/2 = m/(2(1+m)).
    /// </summary>
    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [InlineData(5.0)]
    public void UniformExampleMatchesClosedForm(double m)
    {
        var market = SolverTestMarkets.UniformExample(m);

        var equilibrium = ContinuumCompetitiveEquilibrium.Solve(market);

        var half = m * m / (2 * (1 + m) * (1 + m));
        Assert.Equal(1 / (1 + m), equilibrium.Price, Tolerance);
        Assert.Equal(equilibrium.Price, equilibrium.PriceLow, Tolerance);
        Assert.Equal(equilibrium.Price, equilibrium.PriceHigh, Tolerance);
        Assert.Equal(m / (1 + m), equilibrium.Volume, Tolerance);
        Assert.Equal(half, equilibrium.BuyerWelfare, Tolerance);
        Assert.Equal(half, equilibrium.SellerWelfare, Tolerance);
        Assert.Equal(m * m / ((1 + m) * (1 + m)), equilibrium.Welfare, Tolerance);
        Assert.Equal(m / (2 * (1 + m)), equilibrium.GainsFromTrade, Tolerance);
    }

    /// <summary>
    /// Same laws, mu buyers per seller. Interior: mu (1 - p) = m p, p = mu/(mu+m), valid while
    /// p &lt;= 1/m (mu m &lt;= mu + m); W = mu (1-p)^2/2 + m^2 p^2/2, Q = m p,
    /// gains = mu (1 - p^2)/2 - m p^2/2. Corner (every seller sells): mu (1 - p) = 1, p = 1 - 1/mu,
    /// Q = 1, W_S = m^2 int_0^{1/m} (p - tau) dtau = m p - 1/2, gains = mu (1 - p^2)/2 - 1/(2m).
    /// </summary>
    [Theory]
    [InlineData(0.5, 1.0)]
    [InlineData(0.5, 3.0)]
    [InlineData(2.0, 1.0)]
    [InlineData(2.0, 4.0)]
    [InlineData(3.0, 3.0)]
    public void UniformExampleWithBuyersPerSellerMatchesClosedForm(double mu, double m)
    {
        var market = new ContinuumMarket(SolverTestMarkets.UniformUnitWeight(), SolverTestMarkets.UniformGood(m), mu);

        var equilibrium = ContinuumCompetitiveEquilibrium.Solve(market);

        var interior = mu * m <= mu + m;
        var price = interior ? mu / (mu + m) : 1 - (1 / mu);
        var buyerWelfare = mu * (1 - price) * (1 - price) / 2;
        var sellerWelfare = interior ? m * m * price * price / 2 : (m * price) - 0.5;
        var gains = interior
            ? (mu * (1 - (price * price)) / 2) - (m * price * price / 2)
            : (mu * (1 - (price * price)) / 2) - (1 / (2 * m));
        Assert.Equal(price, equilibrium.Price, Tolerance);
        Assert.Equal(interior ? m * price : 1, equilibrium.Volume, Tolerance);
        Assert.Equal(buyerWelfare, equilibrium.BuyerWelfare, Tolerance);
        Assert.Equal(sellerWelfare, equilibrium.SellerWelfare, Tolerance);
        Assert.Equal(buyerWelfare + sellerWelfare, equilibrium.Welfare, Tolerance);
        Assert.Equal(gains, equilibrium.GainsFromTrade, Tolerance);
    }

    /// <summary>
    /// rbar_B = 0.3 &lt; r_S = 0.5: nobody trades; every p in [0.3, 0.5] clears, p_CE = 0.4, W = 0.
    /// </summary>
    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void DisjointSupportsGiveNoTradeAndTheGapAsInterval(double mu)
    {
        var market = new ContinuumMarket(SolverTestMarkets.UniformRates(0, 0.3, 1), SolverTestMarkets.UniformRates(0.5, 1, 2), mu);

        var equilibrium = ContinuumCompetitiveEquilibrium.Solve(market);

        Assert.Equal(0.3, equilibrium.PriceLow, Tolerance);
        Assert.Equal(0.5, equilibrium.PriceHigh, Tolerance);
        Assert.Equal(0.4, equilibrium.Price, Tolerance);
        Assert.Equal(0, equilibrium.Volume);
        Assert.Equal(0, equilibrium.Welfare, Tolerance);
        Assert.Equal(0, equilibrium.GainsFromTrade, Tolerance);
    }

    /// <summary>
    /// mu = 1, sellers U[0,0.4] (lambda 2) all below buyers U[0.6,1]: everyone trades, interval
    /// [0.4, 0.6], p = 0.5; W_B = E[R_B] - 0.5 = 0.3, W_S = 2 (0.5 - E[R_S]) = 0.6; gains 0.8 - 0.2.
    /// With mu = 2 the interval is a point: 2 (1 - G_B(p)) = 1, p = 0.8 (median buyer).
    /// </summary>
    [Fact]
    public void SellersBelowBuyersClearOnTheGapOnlyWhenSidesAreEqual()
    {
        var buyers = SolverTestMarkets.UniformRates(0.6, 1, 1);
        var sellers = SolverTestMarkets.UniformRates(0, 0.4, 2);

        var equal = ContinuumCompetitiveEquilibrium.Solve(new ContinuumMarket(buyers, sellers, 1));
        var moreBuyers = ContinuumCompetitiveEquilibrium.Solve(new ContinuumMarket(buyers, sellers, 2));

        Assert.Equal(0.4, equal.PriceLow, Tolerance);
        Assert.Equal(0.6, equal.PriceHigh, Tolerance);
        Assert.Equal(0.5, equal.Price, Tolerance);
        Assert.Equal(1, equal.Volume);
        Assert.Equal(0.3, equal.BuyerWelfare, Tolerance);
        Assert.Equal(0.6, equal.SellerWelfare, Tolerance);
        Assert.Equal(0.6, equal.GainsFromTrade, Tolerance);
        Assert.Equal(0.8, moreBuyers.Price, Tolerance);
        Assert.Equal(moreBuyers.PriceLow, moreBuyers.PriceHigh, Tolerance);
        Assert.Equal(1, moreBuyers.Volume);
    }

    /// <summary>
    /// Atoms: every buyer r = 0.7, every seller r = 0.2, mu = 1: the excess demand jumps, the
    /// interval is [0.2, 0.7], p = 0.45 (like the finite rule [s_k, b_k] with everyone trading).
    /// Both atoms at 0.5: a single price 0.5.
    /// </summary>
    [Fact]
    public void PointMassesClearAtTheJumpOfExcessDemand()
    {
        var apart = ContinuumCompetitiveEquilibrium.Solve(
            new ContinuumMarket(new ContinuumPointRateLaw(0.7, 1), new ContinuumPointRateLaw(0.2, 3), 1));
        var together = ContinuumCompetitiveEquilibrium.Solve(
            new ContinuumMarket(new ContinuumPointRateLaw(0.5, 1), new ContinuumPointRateLaw(0.5, 1), 1));

        Assert.Equal(0.2, apart.PriceLow, Tolerance);
        Assert.Equal(0.7, apart.PriceHigh, Tolerance);
        Assert.Equal(0.45, apart.Price, Tolerance);
        Assert.Equal(1, apart.Volume);
        Assert.Equal(0.25 + (3 * 0.25), apart.Welfare, Tolerance);
        Assert.Equal(0.5, together.Price, Tolerance);
        Assert.Equal(0.5, together.PriceLow, Tolerance);
        Assert.Equal(0.5, together.PriceHigh, Tolerance);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void NonPositiveBuyersPerSellerIsRejected(double mu)
    {
        var market = new ContinuumMarket(SolverTestMarkets.UniformUnitWeight(), SolverTestMarkets.UniformUnitWeight(), mu);

        Assert.Throws<ArgumentOutOfRangeException>(() => ContinuumCompetitiveEquilibrium.Solve(market));
    }
}

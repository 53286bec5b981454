using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Tests.Theory.Solver;

/// <summary>
/// docs/theory.md §1.4 / 000 Section 6, uniform example without lump sums: one price p*, the long side rationed.
/// Welfare at a price p with volume Q (derived here; lambda_B = 1, lambda_S = m, rationing by lottery):
/// buyers int_p^1 (r-p) dr scaled by Q/(1-p), sellers m * m int_0^p (p-r) dr scaled by Q/(m p).
/// - 1/3 &lt;= m &lt;= 3: p* = 1/(1+m), W = m^2/(1+m)^2.
/// - 3 &lt; m &lt; 2+sqrt2: p* = (m-2)/(2m-2), Q = 1-p, W = (1-p)^2/2 + m p (1-p)/2 (FOC gives p*).
/// - m &gt;= 2+sqrt2: p* = 1/m, every seller sells with probability Q = 1 - 1/m, W = Q^2/2 + Q/2.
/// - m &lt; 1/3: p* = 1/(2-2m), buyers rationed, Q = m p, W = m^2 p^2/2 + m p (1-p)/2.
/// Tolerances as in the lump-sum tests: prices 2e-3 (grid spacing 1/1999 in q), welfare 1e-5, volume 2e-3.
/// </summary>
public sealed class UniformExampleNoLumpSumTests
{
    private const double PriceTolerance = 2e-3;
    private const double WelfareTolerance = 1e-5;

    [Theory]
    [InlineData(1.0 / 3.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    public void CompetitiveEquilibriumPriceBetweenOneThirdAndThree(double m)
    {
        OptimalMechanismSolution solution = OptimalMechanismSolver.Solve(UniformExampleWithLumpSumsTests.UniformExample(m), lumpSumsAllowed: false);

        double price = 1 / (1 + m);
        Assert.Equal(MechanismClass.CompetitiveEquilibrium, solution.MechanismClass.Name);
        Assert.Equal(price, Assert.Single(solution.BuyerMenu).Price, 9);
        Assert.Equal(price, Assert.Single(solution.SellerMenu).Price, 9);
        Assert.Equal(m * m / ((1 + m) * (1 + m)), solution.Welfare, 9);
        Assert.Equal(0.0, solution.LumpSum.Buyers + solution.LumpSum.Sellers);
    }

    [Theory]
    [InlineData(3.2)]
    [InlineData(3.35)]
    public void SellersRationedAtHighPriceJustAboveThree(double m)
    {
        OptimalMechanismSolution solution = OptimalMechanismSolver.Solve(UniformExampleWithLumpSumsTests.UniformExample(m), lumpSumsAllowed: false);

        double price = (m - 2) / (2 * m - 2), volume = 1 - price;
        // The buyer side is unique: one sure price p*; sellers' lottery may not be unique (docs/theory.md §1.3).
        var buyerOption = Assert.Single(solution.BuyerMenu);
        Assert.Equal(1.0, buyerOption.Probability, 9);
        Assert.InRange(buyerOption.Price, price - PriceTolerance, price + PriceTolerance);
        Assert.True(solution.MechanismClass.SellerRationing);
        Assert.False(solution.MechanismClass.BuyerRationing);
        Assert.InRange(solution.Volume, volume - PriceTolerance, volume + PriceTolerance);
        double welfare = volume * volume / 2 + m * price * volume / 2;
        Assert.InRange(solution.Welfare, welfare - WelfareTolerance, welfare + WelfareTolerance);
    }

    [Theory]
    [InlineData(3.5)] // 2 + sqrt 2 = 3.414...
    [InlineData(4.0)]
    [InlineData(6.0)]
    public void AllSellersSellWithProbabilityOneMinusOneOverM(double m)
    {
        OptimalMechanismSolution solution = OptimalMechanismSolver.Solve(UniformExampleWithLumpSumsTests.UniformExample(m), lumpSumsAllowed: false);

        double volume = 1 - 1 / m;
        var sellerOption = Assert.Single(solution.SellerMenu);
        var buyerOption = Assert.Single(solution.BuyerMenu);
        Assert.Equal(1 / m, sellerOption.Price, 9);
        Assert.InRange(sellerOption.Probability, volume - PriceTolerance, volume + PriceTolerance);
        Assert.InRange(buyerOption.Price, 1 / m - PriceTolerance, 1 / m + PriceTolerance);
        Assert.Equal(1.0, buyerOption.Probability, 9);
        double welfare = volume * volume / 2 + volume / 2;
        Assert.InRange(solution.Welfare, welfare - WelfareTolerance, welfare + WelfareTolerance);
        Assert.Equal("seller-rationing", solution.MechanismClass.Name);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.2)]
    [InlineData(0.3)]
    public void BuyersRationedBelowOneThird(double m)
    {
        OptimalMechanismSolution solution = OptimalMechanismSolver.Solve(UniformExampleWithLumpSumsTests.UniformExample(m), lumpSumsAllowed: false);

        double price = 1 / (2 - 2 * m), volume = m * price;
        // Sellers are the unique side: all r_S <= p* sell surely at p*. At a* = 1/2 the buyers' phi_B^a is
        // linear (W_B = q^2/2, psi_B = q(1-q)), so any buyer lottery with the right mean and budget is
        // optimal (docs/theory.md §1.3: non-unique side); the paper's one is a single price p* with rationing.
        var sellerOption = Assert.Single(solution.SellerMenu);
        Assert.Equal(1.0, sellerOption.Probability, 9);
        Assert.InRange(sellerOption.Price, price - PriceTolerance, price + PriceTolerance);
        Assert.InRange(solution.Volume, volume - PriceTolerance, volume + PriceTolerance);
        Assert.Equal(0.5, solution.Multiplier, 6);
        Assert.InRange(solution.BuyerMenu.Count, 1, 3);
        Assert.Equal("buyer-rationing", solution.MechanismClass.Name);
        double welfare = m * m * price * price / 2 + m * price * (1 - price) / 2;
        Assert.InRange(solution.Welfare, welfare - WelfareTolerance, welfare + WelfareTolerance);
    }
}

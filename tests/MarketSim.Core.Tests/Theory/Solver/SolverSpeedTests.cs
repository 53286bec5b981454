using System.Diagnostics;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Tests.Theory.Solver;

/// <summary>
/// The Figure 7.1 map calls Solve 1600 times per mu: one Section 7 solve on the default 2000-point grid must
/// take well under a second (measured ~6 ms in Release, ~15 ms in Debug on 2 shared cores); the bound here is
/// loose (250 ms mean over 10 solves after warm-up) so that it only fails on a real regression.
/// </summary>
public sealed class SolverSpeedTests
{
    [Fact]
    public void SectionSevenSolveIsFast()
    {
        IRateLaw buyers = SolverTestMarkets.UniformUnitWeight();
        OptimalMechanismSolver.Solve(new ContinuumMarket(buyers, new PowerParetoSellerRateLaw(3.0, 1.0), 0.1), true);
        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < 10; i++)
            OptimalMechanismSolver.Solve(new ContinuumMarket(buyers, new PowerParetoSellerRateLaw(2.0 + 0.2 * i, 0.5 + 0.3 * i), 0.1), i % 2 == 0);
        Assert.InRange(stopwatch.Elapsed.TotalMilliseconds / 10, 0.0, 250.0);
    }
}

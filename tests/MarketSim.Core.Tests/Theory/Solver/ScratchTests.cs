using MarketSim.Core.Theory.Solver;
using Xunit.Abstractions;
namespace MarketSim.Core.Tests.Theory.Solver;
public sealed class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Scratch()
    {
        var s = OptimalMechanismSolver.Solve(UniformExampleWithLumpSumsTests.UniformExample(0.2), false);
        output.WriteLine($"{s.Multiplier} W={s.Welfare} Q={s.Volume} R={s.Revenue} {s.MechanismClass.Name}");
        foreach (var p in s.SellerLottery) output.WriteLine($"S {p}");
        foreach (var p in s.BuyerLottery) output.WriteLine($"B {p}");
        foreach (var p in s.BuyerMenu) output.WriteLine($"BM {p}");
    }
}

using Xunit.Abstractions;
namespace MarketSim.Core.Tests.Theory.Solver;
public sealed class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Scratch()
    {
        foreach (var x in new[] { -0.1, -0.05, -1e-3, -0.5, 0.2, -2.0 })
            output.WriteLine($"{x} {MathNet.Numerics.SpecialFunctions.Expm1(x):R} {Math.Exp(x) - 1:R}");
    }
}

using MarketSim.Core.Agents;
using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Random;

namespace MarketSim.Core.Tests.Laws;

/// <summary>docs/theory.md §6: an agent's type depends on (seed, replication, side, index) only, not on its cohort.</summary>
public class PopulationSamplerBlockInvarianceTests
{
    private const int Agents = 2000;
    private static readonly ISideLaw Law = new TwoDimensionalLaw(new PowerDistribution(0.5), new ParetoDistribution(1, 3), 0.4);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(333)]
    [InlineData(Agents)]
    public void BlocksOfAnySizeGiveTheSameArraysAsOneBlock(int blockSize)
    {
        var (good, money) = DrawInOneBlock(Side.Sellers, 5);
        var blockGood = new double[Agents];
        var blockMoney = new double[Agents];
        for (var offset = 0; offset < Agents; offset += blockSize)
        {
            var length = Math.Min(blockSize, Agents - offset);
            PopulationSampler.Draw(Law, 99, 5, Side.Sellers, offset, blockGood.AsSpan(offset, length), blockMoney.AsSpan(offset, length));
        }

        Assert.Equal(good, blockGood);
        Assert.Equal(money, blockMoney);
    }

    [Fact]
    public void AgentDrawIsTheLawAtTheFirstPairOfItsStream()
    {
        var (good, money) = DrawInOneBlock(Side.Buyers, 3);
        foreach (var i in new[] { 0, 1, 1234, Agents - 1 })
        {
            var (first, second) = RandomStream.FirstPair(StreamKey.ForAgent(99, 3, Side.Buyers, i));
            Assert.Equal(Law.Draw(first, second), (good[i], money[i]));
        }
    }

    [Fact]
    public void SidesAndReplicationsGetDifferentDraws()
    {
        var sellers = DrawInOneBlock(Side.Sellers, 5).Good;
        var buyers = DrawInOneBlock(Side.Buyers, 5).Good;
        var nextReplication = DrawInOneBlock(Side.Sellers, 6).Good;
        Assert.True(sellers.Zip(buyers).Count(pair => pair.First == pair.Second) < 5);
        Assert.True(sellers.Zip(nextReplication).Count(pair => pair.First == pair.Second) < 5);
    }

    public static TheoryData<string> AllocationCases => new() { "uniform/pareto", "beta/lognormal", "power/beta", "pareto-weight" };

    [Theory]
    [MemberData(nameof(AllocationCases))]
    public void DrawingAllocatesNothingPerAgent(string name)
    {
        ISideLaw law = name switch
        {
            "uniform/pareto" => new TwoDimensionalLaw(new UniformDistribution(0, 1), new ParetoDistribution(1, 3), 0.3),
            "beta/lognormal" => new TwoDimensionalLaw(new BetaDistribution(2, 5), new LogNormalDistribution(0, 1), -0.5),
            "power/beta" => new TwoDimensionalLaw(new PowerDistribution(0.5), new BetaDistribution(0.5, 0.5)),
            _ => new ParetoWeightLaw(new PowerDistribution(2), new WeightPolynomial([1, 2])),
        };
        var good = new double[10_000];
        var money = new double[10_000];
        PopulationSampler.Draw(law, 1, 0, Side.Sellers, 0, good, money); // warm up (JIT)
        var before = GC.GetAllocatedBytesForCurrentThread();
        PopulationSampler.Draw(law, 1, 1, Side.Sellers, 0, good, money);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.All(money, m => Assert.True(m > 0 && double.IsFinite(m)));
    }

    private static (double[] Good, double[] Money) DrawInOneBlock(Side side, int replication)
    {
        var good = new double[Agents];
        var money = new double[Agents];
        PopulationSampler.Draw(Law, 99, replication, side, 0, good, money);
        return (good, money);
    }
}

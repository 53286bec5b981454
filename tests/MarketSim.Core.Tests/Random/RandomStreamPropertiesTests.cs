using MarketSim.Core.Agents;
using MarketSim.Core.Random;

namespace MarketSim.Core.Tests.Random;

/// <summary>Uniforms are in (0, 1), reproducible, uniform in mean, and uncorrelated across keys.</summary>
public class RandomStreamPropertiesTests
{
    private const int Count = 100_000;

    [Fact]
    public void UniformsLieStrictlyInsideTheUnitIntervalWithMeanOneHalf()
    {
        var stream = new RandomStream(new StreamKey(7, 0, 1, 0));
        var sum = 0.0;
        for (var i = 0; i < Count; i++)
        {
            var u = stream.NextUniform();
            Assert.True(u > 0 && u < 1, $"uniform {u} outside (0, 1)");
            sum += u;
        }

        // se of a mean of U(0,1) draws = sqrt(1/12 / n); 4 se.
        Assert.InRange(sum / Count, 0.5 - 4 * Math.Sqrt(1.0 / 12 / Count), 0.5 + 4 * Math.Sqrt(1.0 / 12 / Count));
    }

    [Fact]
    public void OpenIntervalMappingNeverReachesZeroOrOne()
    {
        Assert.True(Philox4x32.ToOpenUnitInterval(0, 0) > 0);
        Assert.True(Philox4x32.ToOpenUnitInterval(uint.MaxValue, uint.MaxValue) < 1);
        Assert.Equal(1 - Math.Pow(2, -53), Philox4x32.ToOpenUnitInterval(uint.MaxValue, uint.MaxValue));
        Assert.Equal(Math.Pow(2, -53), Philox4x32.ToOpenUnitInterval(0, 0));
    }

    [Fact]
    public void SameKeyReproducesTheSequenceAndFirstPairMatchesTheStream()
    {
        var key = StreamKey.ForAgent(42, 3, Side.Sellers, 17);
        var first = new RandomStream(key);
        var second = new RandomStream(key);
        var draws = new double[1000];
        for (var i = 0; i < draws.Length; i++)
        {
            draws[i] = first.NextUniform();
            Assert.Equal(draws[i], second.NextUniform());
        }

        Assert.Equal((draws[0], draws[1]), RandomStream.FirstPair(key));
        Assert.Equal(draws.Distinct().Count(), draws.Length);
    }

    [Theory]
    [InlineData(1ul, 0, 1u, 0, 1ul, 0, 1u, 1)] // neighbouring agents
    [InlineData(1ul, 0, 1u, 0, 1ul, 1, 1u, 0)] // neighbouring replications
    [InlineData(1ul, 0, 1u, 0, 1ul, 0, 2u, 0)] // buyer vs seller domain
    [InlineData(1ul, 0, 1u, 0, 2ul, 0, 1u, 0)] // neighbouring seeds
    public void StreamsWithDifferentKeysAreUncorrelated(
        ulong seedA, int replicationA, uint domainA, int indexA, ulong seedB, int replicationB, uint domainB, int indexB)
    {
        var a = new RandomStream(new StreamKey(seedA, replicationA, domainA, indexA));
        var b = new RandomStream(new StreamKey(seedB, replicationB, domainB, indexB));
        double sumA = 0, sumB = 0, sumAB = 0, sumAA = 0, sumBB = 0;
        for (var i = 0; i < Count; i++)
        {
            var x = a.NextUniform();
            var y = b.NextUniform();
            sumA += x;
            sumB += y;
            sumAB += x * y;
            sumAA += x * x;
            sumBB += y * y;
        }

        var covariance = sumAB / Count - sumA / Count * (sumB / Count);
        var correlation = covariance / Math.Sqrt((sumAA / Count - Math.Pow(sumA / Count, 2)) * (sumBB / Count - Math.Pow(sumB / Count, 2)));

        // Under independence the sample correlation has se 1/sqrt(n); 4 se.
        Assert.InRange(correlation, -4 / Math.Sqrt(Count), 4 / Math.Sqrt(Count));
    }
}

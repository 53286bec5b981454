using MarketSim.Core.Numerics;
using MarketSim.Core.Random;

namespace MarketSim.Core.Tests.Numerics;

/// <summary>
/// LowerBound = number of values &lt; x and UpperBound = number of values &lt;= x, also with many
/// equal values and x outside the range (the tie lottery and the empirical CDF count ties this way).
/// </summary>
public class SortedSearchBoundsCountValuesTests
{
    [Fact]
    public void BoundsEqualLinearCountsOnRandomArraysWithTies()
    {
        var stream = new RandomStream(StreamKey.ForPurpose(11, 0, "sorted-search"));
        for (var trial = 0; trial < 2000; trial++)
        {
            var values = new double[stream.NextInt(9)];
            var levels = 1 + stream.NextInt(5); // few levels: runs of equal values
            for (var k = 0; k < values.Length; k++)
            {
                values[k] = stream.NextInt(levels);
            }

            Array.Sort(values);
            var x = stream.NextInt(levels + 2) - 1 + (stream.NextBernoulli(0.3) ? 0.5 : 0);
            Assert.Equal(values.Count(v => v < x), SortedSearch.LowerBound(values, x));
            Assert.Equal(values.Count(v => v <= x), SortedSearch.UpperBound(values, x));
        }
    }
}

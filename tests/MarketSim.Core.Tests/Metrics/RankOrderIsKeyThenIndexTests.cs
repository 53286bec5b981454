using MarketSim.Core.Metrics;
using MarketSim.Core.Random;

namespace MarketSim.Core.Tests.Metrics;

/// <summary>
/// RankOrder must give exactly the permutation "key ascending, then index ascending" (SPEC 2 CE
/// tie-breaking, SPEC 5 poorest fifth), whichever algorithm it uses (introsort below 256 keys,
/// radix sort above): checked against LINQ's stable OrderBy on random keys full of ties, signed
/// zeros, infinities and NaN.
/// </summary>
public sealed class RankOrderIsKeyThenIndexTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(1000)]
    [InlineData(20_000)]
    public void Matches_a_stable_sort_by_key_then_index(int count)
    {
        for (var trial = 0; trial < 20; trial++)
        {
            var stream = new RandomStream(StreamKey.ForPurpose(31, trial, "rank-order", count));
            var keys = new double[count];
            for (var i = 0; i < count; i++)
            {
                keys[i] = (trial % 4, stream.NextInt(12)) switch
                {
                    (0, _) => stream.NextUniform(),                        // distinct
                    (1, _) => -stream.NextInt(3),                          // three values, many ties (as v^M per side)
                    (_, 0) => 0.0,
                    (_, 1) => -0.0,                                        // equals +0: tie by index
                    (_, 2) => double.NegativeInfinity,
                    (_, 3) => double.PositiveInfinity,
                    (3, 4) => double.NaN,
                    (_, var small) => (stream.NextUniform() - 0.5) * small * 1e-300 * (small % 2 == 0 ? 1 : 1e300),
                };
            }

            var expected = Enumerable.Range(0, count)
                .OrderBy(i => double.IsNaN(keys[i]) ? 0 : 1)
                .ThenBy(i => double.IsNaN(keys[i]) ? 0 : keys[i])
                .ToArray(); // OrderBy is stable: equal keys keep index order
            var order = new int[count];
            RankOrder.Ascending(keys.ToArray(), order);

            Assert.Equal(expected, order);
        }
    }

    [Fact]
    public void Sortable_bits_are_monotone_and_merge_signed_zeros()
    {
        double[] ascending = [double.NegativeInfinity, -1e308, -1, -double.Epsilon, 0, double.Epsilon, 1, 1e308, double.PositiveInfinity];
        for (var i = 1; i < ascending.Length; i++)
        {
            Assert.True(RankOrder.SortableBits(ascending[i - 1]) < RankOrder.SortableBits(ascending[i]), $"{ascending[i - 1]} < {ascending[i]}");
        }

        Assert.Equal(RankOrder.SortableBits(0.0), RankOrder.SortableBits(-0.0));
        Assert.True(RankOrder.SortableBits(double.NaN) < RankOrder.SortableBits(double.NegativeInfinity));
    }
}

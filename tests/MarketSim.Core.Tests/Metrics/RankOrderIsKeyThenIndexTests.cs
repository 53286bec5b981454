using MarketSim.Core.Metrics;
using MarketSim.Core.Random;
using MarketSim.Core.Numerics;

namespace MarketSim.Core.Tests.Metrics;

/// <summary>
/// RankOrder must give exactly the permutation "key ascending, then index ascending" (docs/theory.md §2 CE
/// tie-breaking, docs/theory.md §5 poorest fifth), whichever algorithm it uses (introsort below 256 keys,
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

/// <summary>RankOrder.SortValues (the Gini's sort) must put exactly the values of Span.Sort in place, bit for bit but for the order of -0 and +0.</summary>
public sealed class SortValuesMatchesSpanSortTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(256)]
    [InlineData(5000)]
    public void Same_values_in_the_same_order_as_span_sort(int count)
    {
        for (var trial = 0; trial < 10; trial++)
        {
            var stream = new RandomStream(StreamKey.ForPurpose(37, trial, "sort-values", count));
            var values = new double[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = stream.NextInt(6) switch
                {
                    0 => 0.25,                                    // ties
                    1 => -stream.NextUniform() * 1e-310,          // negative subnormals
                    2 => stream.NextUniform() * 2 - 1,
                    3 => trial == 9 ? double.NaN : 7.5,           // NaN falls back to Span.Sort
                    4 => double.NegativeInfinity,
                    _ => stream.NextUniform() * 1e300,
                };
            }

            var expected = values.ToArray();
            expected.AsSpan().Sort();
            var actual = values.ToArray();
            RankOrder.SortValues(actual);

            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
        }
    }
}

/// <summary>RankOrder.Largest (the poorest fifth) must be exactly the first k of the full ranking by -value, ties and all.</summary>
public sealed class LargestIsThePrefixOfTheRankingTests
{
    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(0, 10, 2)]
    [InlineData(150, 150, 60)]
    [InlineData(2500, 2501, 1001)]
    [InlineData(2500, 2501, 5001)]
    public void First_k_of_the_full_order(int headCount, int tailCount, int take)
    {
        var count = headCount + tailCount;
        for (var trial = 0; trial < 8; trial++)
        {
            var stream = new RandomStream(StreamKey.ForPurpose(41, trial, "largest", count));
            var values = new double[count];
            for (var i = 0; i < count; i++)
            {
                // Few distinct values (as v^M per side) in even trials, continuous in odd ones; signed zeros.
                values[i] = trial % 2 == 0 ? 1 + stream.NextInt(3) : stream.NextInt(5) == 0 ? -0.0 : stream.NextUniform() - 0.5;
            }

            var full = new int[count];
            RankOrder.Ascending(values.Select(value => -value).ToArray(), full);
            var first = new int[take];
            RankOrder.Largest(values.AsSpan(0, headCount), values.AsSpan(headCount), first);

            Assert.Equal(full.Take(take), first);
        }
    }
}

/// <summary>The Gini of buyers and sellers merged while summing equals the Gini of all agents sorted together, bit for bit.</summary>
public sealed class GiniOfTwoSidesEqualsGiniOfAllTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(3, 0)]
    [InlineData(100, 130)]
    [InlineData(3000, 2999)]
    public void Same_bits_as_one_sort(int buyers, int sellers)
    {
        for (var trial = 0; trial < 10; trial++)
        {
            var stream = new RandomStream(StreamKey.ForPurpose(43, trial, "gini-two", buyers + sellers));
            // Money-metric utilities: many exact ties (non-traders' lump sum), zeros, some negatives.
            double Utility() => stream.NextInt(4) switch
            {
                0 => 0.125,
                1 => 0.0,
                2 => stream.NextUniform() - 0.2,
                _ => stream.NextUniform() * 3,
            };
            var first = Enumerable.Range(0, buyers).Select(_ => Utility()).ToArray();
            var second = Enumerable.Range(0, sellers).Select(_ => Utility()).ToArray();

            var together = OutcomeMetrics.Gini(first.Concat(second).ToArray());
            var merged = OutcomeMetrics.Gini(first.AsSpan(), second.AsSpan());

            Assert.Equal(BitConverter.DoubleToInt64Bits(together), BitConverter.DoubleToInt64Bits(merged));
        }
    }
}

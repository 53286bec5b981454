using MarketSim.Core.Strategic;
using MathNet.Numerics.Distributions;

namespace MarketSim.Core.Tests.Strategic;

/// <summary>
/// The pooled binomial law of the strategic solver (docs/theory.md §2.4): log P(A + B = j) against a
/// brute-force log-sum-exp of MathNet's binomial log pmf, over random sizes and probabilities down to
/// 1e-12 and up to 1 - 1e-12, including sums far below the smallest double (where the linear-domain
/// sums the first-order conditions used before returned 0); and the pivot-over-density ratio against its
/// definition where the linear domain is exact.
/// </summary>
public sealed class BinomialSumTests
{
    [Fact]
    public void LogPmfMatchesTheBruteForceSumOverRandomCases()
    {
        var random = new System.Random(20261130);
        var sum = new BinomialSum(6000);
        var deepTails = 0;
        for (var trial = 0; trial < 400; trial++)
        {
            var n1 = random.Next(0, 3001);
            var n2 = random.Next(0, 3001);
            var p1 = RandomProbability(random);
            var p2 = RandomProbability(random);
            var j = random.Next(0, n1 + n2 + 1);
            var expected = BruteForceLogPmf(j, n1, p1, n2, p2);
            var actual = sum.LogPmf(j, n1, p1, n2, p2);
            if (double.IsNegativeInfinity(expected))
            {
                Assert.True(actual < -700, $"trial {trial}: {actual} where the brute force underflows");
                continue;
            }

            deepTails += expected < -745 ? 1 : 0;
            Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Max(1.0, Math.Abs(expected)), $"trial {trial}: n1 {n1} p1 {p1} n2 {n2} p2 {p2} j {j}: {actual} vs {expected}");
        }

        // The sample reaches the region the log-space sums exist for.
        Assert.True(deepTails > 50, $"{deepTails} cases below the smallest double");
    }

    [Fact]
    public void PivotOverDensityIsTheRatioOfItsDefinition()
    {
        var random = new System.Random(7);
        var sum = new BinomialSum(400);
        for (var trial = 0; trial < 200; trial++)
        {
            var n1 = random.Next(1, 150);
            var n2 = random.Next(1, 150);
            var (p1, p2) = (random.NextDouble(), random.NextDouble());
            var (f1, f2) = (random.NextDouble() * 3, random.NextDouble() * 3);
            var j = random.Next(1, n1 + n2 + 1);
            var i = j - random.Next(0, 2);
            var density = (n1 * f1 * Math.Exp(BruteForceLogPmf(j - 1, n1 - 1, p1, n2, p2))) + (n2 * f2 * Math.Exp(BruteForceLogPmf(j - 1, n1, p1, n2 - 1, p2)));
            var pivot = Math.Exp(BruteForceLogPmf(i, n1, p1, n2, p2));
            if (density < 1e-250 || pivot < 1e-250)
            {
                continue;
            }

            var ratio = sum.PivotOverDensity(i, j, n1, p1, f1, n2, p2, f2);
            Assert.True(Math.Abs(ratio - (pivot / density)) <= 1e-9 * (pivot / density), $"trial {trial}: {ratio} vs {pivot / density}");
        }

        // No density of o_j at x (both report densities 0): NaN, the first-order condition's signal.
        Assert.True(double.IsNaN(sum.PivotOverDensity(3, 3, 4, 0.5, 0.0, 4, 0.5, 0.0)));
    }

    private static double RandomProbability(System.Random random) => random.Next(4) switch
    {
        0 => Math.Pow(10, -12 * random.NextDouble()),
        1 => 1 - Math.Pow(10, -12 * random.NextDouble()),
        _ => random.NextDouble(),
    };

    /// <summary>log sum_a P(A = a) P(B = j - a) with MathNet's log pmf, every term, shifted by the largest.</summary>
    private static double BruteForceLogPmf(int j, int n1, double p1, int n2, double p2)
    {
        if (n1 < 0 || n2 < 0)
        {
            return double.NegativeInfinity;
        }

        var terms = Enumerable.Range(Math.Max(0, j - n2), Math.Max(0, Math.Min(n1, j) - Math.Max(0, j - n2) + 1))
            .Select(a => Binomial.PMFLn(p1, n1, a) + Binomial.PMFLn(p2, n2, j - a))
            .Where(term => !double.IsNegativeInfinity(term))
            .ToArray();
        if (terms.Length == 0)
        {
            return double.NegativeInfinity;
        }

        var largest = terms.Max();
        return largest + Math.Log(terms.Sum(term => Math.Exp(term - largest)));
    }
}

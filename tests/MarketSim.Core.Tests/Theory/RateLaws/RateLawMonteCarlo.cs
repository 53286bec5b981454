using MarketSim.Core.Laws;
using MarketSim.Core.Tests.Random;

namespace MarketSim.Core.Tests.Theory.RateLaws;

/// <summary>Monte Carlo reference for rate-law quantities: sampled types and 4-se intervals.</summary>
internal sealed class RateLawMonteCarlo
{
    public RateLawMonteCarlo(ISideLaw law, int count, uint domain)
    {
        var uniforms = KeyedUniforms.Draw(2 * count, domain);
        Good = new double[count];
        Money = new double[count];
        for (var i = 0; i < count; i++)
        {
            (Good[i], Money[i]) = law.Draw(uniforms[2 * i], uniforms[2 * i + 1]);
        }
    }

    public double[] Good { get; }
    public double[] Money { get; }

    /// <summary>Asserts that <paramref name="exact"/> is within 4 standard errors of the sample mean of f(v^K, v^M).</summary>
    public void AssertMeanMatches(double exact, Func<double, double, double> f, string what)
    {
        double sum = 0, sumOfSquares = 0;
        for (var i = 0; i < Good.Length; i++)
        {
            var value = f(Good[i], Money[i]);
            sum += value;
            sumOfSquares += value * value;
        }

        var n = Good.Length;
        var mean = sum / n;
        var se = Math.Sqrt(Math.Max(sumOfSquares / n - mean * mean, 0) / (n - 1));
        Assert.True(
            Math.Abs(exact - mean) <= 4 * se + 1e-12,
            $"{what}: theory {exact} vs Monte Carlo {mean} (se {se})");
    }
}

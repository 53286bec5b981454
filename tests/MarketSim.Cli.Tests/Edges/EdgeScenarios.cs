namespace MarketSim.Cli.Tests.Edges;

/// <summary>The quickstart economy (000 Section 2, m = 2), small and fast, with one field changed per test.</summary>
internal static class EdgeScenarios
{
    public const string Quickstart = """
        name: edge
        seed: 2026
        replications: 4
        market: { sellers: 50, buyersPerSeller: 1.0 }
        buyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }
        sellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }
        mechanisms:
          - competitive-equilibrium
          - price-wedge: { buyerPrice: 0.5, sellerPrice: 0.25, lumpSumTo: sellers }
        """;

    public static string With(string from, string to)
    {
        Assert.Contains(from, Quickstart);
        return Quickstart.Replace(from, to, StringComparison.Ordinal);
    }

    /// <summary>One plain sentence: one line, no .NET type name, no stack trace.</summary>
    public static void AssertPlainError(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line, got: {error}");
        Assert.StartsWith("error: ", lines[0]);
        foreach (var forbidden in new[] { "System.", "Exception", "`1", "   at " })
        {
            Assert.DoesNotContain(forbidden, error);
        }
    }
}

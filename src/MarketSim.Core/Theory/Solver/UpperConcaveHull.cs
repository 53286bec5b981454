namespace MarketSim.Core.Theory.Solver;

/// <summary>co(f) on a grid: the vertices of the upper concave hull (Andrew's monotone chain, O(n)).</summary>
internal static class UpperConcaveHull
{
    /// <summary>Writes the hull's vertex indices (increasing x) into <paramref name="vertices"/>; returns their count.
    /// <paramref name="x"/> must be strictly increasing.</summary>
    public static int Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<int> vertices)
    {
        int count = 0;
        for (int i = 0; i < x.Length; i++)
        {
            // Drop the last vertex while it lies on or below the chord from its predecessor to point i.
            while (count >= 2)
            {
                int a = vertices[count - 2], b = vertices[count - 1];
                double cross = (x[b] - x[a]) * (y[i] - y[a]) - (y[b] - y[a]) * (x[i] - x[a]);
                if (cross < 0.0) break;
                count--;
            }
            vertices[count++] = i;
        }
        return count;
    }
}

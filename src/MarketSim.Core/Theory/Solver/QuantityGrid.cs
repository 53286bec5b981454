namespace MarketSim.Core.Theory.Solver;

/// <summary>The grid of quantities q in [0,1] (docs/theory.md §1.3 quantile representation); strictly increasing, q_0 = 0, q_last = 1.</summary>
internal static class QuantityGrid
{
    /// <summary>The grid, plus <paramref name="extraQuantities"/> (e.g. the CE quantities, so that CE is exact).</summary>
    public static double[] Create(SolverOptions options, params double[] extraQuantities)
    {
        if (options.GridSize < 3) throw new ArgumentOutOfRangeException(nameof(options), "GridSize must be >= 3");
        int uniform = options.GridSize;
        int levels = Math.Max(0, options.EndRefinementLevels);
        double spacing = 1.0 / (uniform - 1);
        var quantities = new double[uniform + 2 * levels];
        int index = 0;
        quantities[index++] = 0.0;
        for (int level = levels; level >= 1; level--) quantities[index++] = spacing * Math.Pow(0.5, level);
        for (int i = 1; i < uniform - 1; i++) quantities[index++] = i * spacing;
        for (int level = 1; level <= levels; level++) quantities[index++] = 1.0 - spacing * Math.Pow(0.5, level);
        quantities[index++] = 1.0;
        if (extraQuantities.Length == 0) return quantities;
        // Keep the grid strictly increasing: skip extras within 1e-12 of an existing point.
        var merged = new SortedSet<double>(quantities);
        foreach (double extra in extraQuantities)
        {
            if (!(extra > 0.0 && extra < 1.0)) continue;
            var neighbours = merged.GetViewBetween(extra - 1e-12, extra + 1e-12);
            if (neighbours.Count == 0) merged.Add(extra);
        }
        return merged.ToArray();
    }
}

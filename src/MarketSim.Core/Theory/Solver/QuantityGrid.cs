namespace MarketSim.Core.Theory.Solver;

/// <summary>The grid of quantities q in [0,1] (SPEC 1.3 quantile representation); strictly increasing, q_0 = 0, q_last = 1.</summary>
internal static class QuantityGrid
{
    public static double[] Create(SolverOptions options)
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
        return quantities;
    }
}

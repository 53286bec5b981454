namespace MarketSim.Cli.Figures;

/// <summary>What a figure produces: its PNGs, the table behind them, and the parameters that made them (for the manifest).</summary>
internal sealed record FigureResult(IReadOnlyList<FigureImage> Images, FigureTable Table, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>Seconds spent on parts worth reporting; they go to the manifest's timings (they vary, the files do not).</summary>
    public IReadOnlyDictionary<string, double> Timings { get; init; } = new Dictionary<string, double>();
}

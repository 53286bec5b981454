namespace MarketSim.Cli.Sweep;

/// <summary>The rows of one sweep point: (mechanism, metric, value) in a fixed order.</summary>
internal sealed record SweepPointResult(int Point, double[] Values, IReadOnlyList<(string Mechanism, string Metric, double Value)> Rows);

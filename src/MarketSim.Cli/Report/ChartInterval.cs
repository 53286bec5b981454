namespace MarketSim.Cli.Report;

/// <summary>One row of an interval chart: a Monte Carlo mean with its 95% CI and, where known, the continuum value.</summary>
internal sealed record ChartInterval(string Label, double Mean, double Low, double High, double? Theory);

namespace MarketSim.Cli.Sweep;

/// <summary>The <c>sweep</c> command line: scenario, the <c>--set</c> axes, <c>--sample</c>, <c>--simulate</c>, <c>--out</c>.</summary>
internal sealed record SweepOptions(string ScenarioFile, IReadOnlyList<string> Sets, string? Sample, bool Simulate, string? OutputFolder);

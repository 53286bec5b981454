using MarketSim.Cli.Commands;
using MarketSim.Cli.Output;

namespace MarketSim.Cli.Sweep;

/// <summary>
/// The <c>sweep</c> command line: scenario, the <c>--set</c> axes, <c>--sample</c>, <c>--simulate</c>, <c>--out</c>;
/// <c>Resume</c> continues an interrupted sweep from its journal (docs/running.md).
/// </summary>
internal sealed record SweepOptions(string ScenarioFile, IReadOnlyList<string> Sets, string? Sample, bool Simulate, string? OutputFolder, bool Resume = false)
{
    /// <summary><c>--force</c>: replace another scenario's or command's results in the output folder.</summary>
    public bool Force { get; init; }

    /// <summary><c>--max-memory</c> in bytes; null = the memory available to the process.</summary>
    public long? MaxMemoryBytes { get; init; }

    /// <summary>The command line of these options, as the user gave them, with <c>--resume</c>: what to type to continue.</summary>
    public string ResumeCommandLine()
    {
        var words = new List<string> { "marketsim", "sweep", ScenarioFile };
        foreach (var set in Sets)
        {
            words.Add("--set");
            words.Add(set);
        }

        if (Sample is not null)
        {
            words.Add("--sample");
            words.Add(Sample);
        }

        if (Simulate)
        {
            words.Add("--simulate");
        }

        if (OutputFolder is not null)
        {
            words.Add("--out");
            words.Add(OutputFolder);
        }

        if (MaxMemoryBytes is { } bytes)
        {
            words.Add("--max-memory");
            words.Add(bytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        words.Add("--resume");
        return ShellWords.Join(words);
    }
}

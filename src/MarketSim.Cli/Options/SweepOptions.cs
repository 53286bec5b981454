using MarketSim.Cli.Output;

namespace MarketSim.Cli.Options;

/// <summary>
/// The <c>sweep</c> command line: scenario, the <c>--set</c> axes, <c>--sample</c>, <c>--simulate</c>, <c>--out</c>;
/// <c>Resume</c> continues an interrupted sweep from its journal (docs/running.md).
/// </summary>
internal sealed record SweepOptions(string ScenarioFile, IReadOnlyList<string> Sets, string? Sample, bool Simulate, string? OutputFolder, bool Resume = false) : VerbOptions
{
    /// <summary>The command line of these options, as the user gave them, with <c>--resume</c>: what to type to continue.</summary>
    public string ResumeCommandLine()
    {
        var words = new List<string> { "marketsim", "sweep", ScenarioFile };
        foreach (var set in Sets)
        {
            words.Add("--set");
            words.Add(set);
        }

        AddWords(words, "--sample", Sample);
        if (Simulate)
        {
            words.Add("--simulate");
        }

        AddWords(words, "--out", OutputFolder);
        AddWords(words, "--max-memory", MaxMemoryBytes);
        words.Add("--resume");
        return ShellWords.Join(words);
    }
}

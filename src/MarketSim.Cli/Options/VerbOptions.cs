using System.Globalization;

namespace MarketSim.Cli.Options;

/// <summary>
/// What every verb that claims an output folder shares (<c>run</c>, <c>stress</c>, <c>sweep</c>): the
/// command-line values declared once in <see cref="CliOptions"/>, and the words of a resume command line.
/// </summary>
public abstract record VerbOptions
{
    /// <summary><c>--force</c>: replace another scenario's or command's results in the output folder.</summary>
    public bool Force { get; init; }

    /// <summary><c>--max-memory</c> in bytes; null = the memory available to the process.</summary>
    public long? MaxMemoryBytes { get; init; }

    /// <summary>Adds <c>option value</c> to a command line when the user gave the value (not null).</summary>
    protected static void AddWords(List<string> words, string option, object? value)
    {
        if (value is not null)
        {
            words.Add(option);
            words.Add(Convert.ToString(value, CultureInfo.InvariantCulture)!);
        }
    }
}

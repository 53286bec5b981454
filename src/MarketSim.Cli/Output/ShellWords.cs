namespace MarketSim.Cli.Output;

/// <summary>A command line to print for the user to type again (the resume commands of <c>run</c> and <c>sweep</c>).</summary>
internal static class ShellWords
{
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    /// <summary>POSIX shell quoting, only where needed.</summary>
    private static string Quote(string word) =>
        word.Length > 0 && word.All(character => char.IsAsciiLetterOrDigit(character) || "-_./:=+,@%".Contains(character))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

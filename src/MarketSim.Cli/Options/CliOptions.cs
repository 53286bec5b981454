using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace MarketSim.Cli.Options;

/// <summary>
/// Every option and argument that more than one verb takes, declared once here (docs/architecture.md,
/// "A verb"): the scenario argument, <c>--out</c>, <c>--force</c>, <c>--workers</c>, <c>--resume</c>,
/// <c>--seed</c>, <c>--max-memory</c>. Values are checked where they are parsed, so that a bad value is one
/// plain sentence naming the option (exit 2), never a .NET type name such as <c>Nullable`1</c>.
/// </summary>
internal static class CliOptions
{
    /// <summary>Most lanes or threads a machine can use: more is a typo, not a plan.</summary>
    public const int MaxWorkers = 4096;

    /// <summary>The scenario file every scenario verb takes first.</summary>
    public static Argument<string> Scenario() => new("scenario") { Description = "Scenario YAML file." };

    /// <summary><c>--out</c>: the output folder, <paramref name="defaultFolder"/> when not given.</summary>
    public static Option<string?> Output(string defaultFolder) =>
        new("--out") { Description = $"Output folder (default {defaultFolder})." };

    /// <summary><c>--force</c>: a folder holding another scenario's or command's results is replaced, never mixed.</summary>
    public static Option<bool> Force() =>
        new("--force") { Description = "Replace the results of another scenario or command in the output folder (their files are removed, never mixed)." };

    /// <summary><c>--workers</c>: replications (or points) run in parallel, from <paramref name="minimum"/> to <see cref="MaxWorkers"/>.</summary>
    public static Option<int?> Workers(string description, int minimum) => WholeNumber("--workers", description, minimum, MaxWorkers);

    /// <summary><c>--resume</c>: continue the interrupted work of the same command from its journal (docs/running.md).</summary>
    public static Option<bool> Resume(string description) => new("--resume") { Description = description };

    /// <summary>A whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static Option<int?> WholeNumber(string name, string description, int minimum, int maximum = int.MaxValue) =>
        new(name)
        {
            Description = description,
            CustomParser = result => ParseWhole(result, name, minimum, maximum),
        };

    /// <summary>As <see cref="WholeNumber"/>, with a default.</summary>
    public static Option<int> WholeNumber(string name, string description, int minimum, int maximum, int defaultValue) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => ParseWhole(result, name, minimum, maximum) ?? defaultValue,
        };

    /// <summary>A master seed: a whole number in [0, 2^64 - 1], overriding the scenario's.</summary>
    public static Option<ulong?> Seed() =>
        new("--seed")
        {
            Description = "Master seed (overrides the scenario).",
            CustomParser = result =>
            {
                var text = Single(result);
                if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                result.AddError($"--seed: expected a whole number from 0 to {ulong.MaxValue}, found '{text}'");
                return null;
            },
        };

    /// <summary>A number strictly between 0 and 1.</summary>
    public static Option<double> Probability(string name, string description, double defaultValue) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var text = Single(result);
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value < 1)
                {
                    return value;
                }

                result.AddError($"{name}: expected a number strictly between 0 and 1, found '{text}'");
                return defaultValue;
            },
        };

    /// <summary><c>--max-memory</c>: bytes, with an optional unit (K, M, G, T; powers of 1024), e.g. <c>8G</c> or <c>512MB</c>.</summary>
    public static Option<long?> MaxMemory() =>
        new("--max-memory")
        {
            Description = "Memory the run may use (e.g. 8G, 512M; default: the memory available to the process). A run needing more is refused before it starts.",
            CustomParser = result =>
            {
                var text = Single(result);
                if (ByteSize.TryParse(text, out var bytes))
                {
                    return bytes;
                }

                result.AddError($"--max-memory: expected a size such as 8G, 512M or 1000000 bytes, found '{text}'");
                return null;
            },
        };

    private static int? ParseWhole(ArgumentResult result, string name, int minimum, int maximum)
    {
        var text = Single(result);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
        {
            return (int)value;
        }

        var range = maximum == int.MaxValue ? $"a whole number of at least {minimum}" : $"a whole number from {minimum} to {maximum}";
        result.AddError($"{name}: expected {range}, found '{text}'");
        return null;
    }

    private static string Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
}

/// <summary>Sizes in bytes as people write them: 1000000, 512M, 8G, 1.5GB (units are powers of 1024).</summary>
internal static class ByteSize
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var trimmed = text.Trim().ToUpperInvariant();
        if (trimmed.EndsWith("IB", StringComparison.Ordinal))
        {
            trimmed = trimmed[..^2];
        }
        else if (trimmed.EndsWith('B'))
        {
            trimmed = trimmed[..^1];
        }

        var scale = trimmed.Length > 0 ? trimmed[^1] switch
        {
            'K' => 1L << 10,
            'M' => 1L << 20,
            'G' => 1L << 30,
            'T' => 1L << 40,
            _ => 1L,
        } : 1L;
        if (scale != 1)
        {
            trimmed = trimmed[..^1];
        }

        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !(number >= 1) || number * scale > long.MaxValue / 2.0)
        {
            return false;
        }

        bytes = (long)(number * scale);
        return true;
    }

    /// <summary>"1.5 GB": binary units, three significant digits.</summary>
    public static string Format(double bytes)
    {
        string[] units = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"];
        var unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes:0} bytes" : bytes.ToString("0.##", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}

using System.Globalization;
using MarketSim.Cli.Scenarios;

namespace MarketSim.Cli.Sweep;

/// <summary>
/// One <c>--set &lt;field.path&gt;=&lt;from&gt;:&lt;to&gt;[:&lt;step&gt;]</c>: a numeric scenario field and its
/// range. The step is needed for a full grid; a Latin hypercube uses only [from, to].
/// </summary>
internal sealed record SweepAxis(string Path, double From, double To, double? Step)
{
    private const string Where = "(command line)";

    public static SweepAxis Parse(string text)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0)
        {
            throw new InvalidInputException(Where, "--set", $"'{text}': expected <field.path>=<from>:<to>:<step>");
        }

        var path = text[..equals].Trim();
        var parts = text[(equals + 1)..].Split(':');
        if (parts.Length is not (2 or 3))
        {
            throw new InvalidInputException(Where, "--set " + path, $"'{text[(equals + 1)..]}': expected <from>:<to>:<step> (or <from>:<to> with --sample)");
        }

        var numbers = parts.Select(part => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new InvalidInputException(Where, "--set " + path, $"'{part}' is not a finite number")).ToArray();
        var axis = new SweepAxis(path, numbers[0], numbers[1], numbers.Length == 3 ? numbers[2] : null);
        if (axis.To < axis.From)
        {
            throw new InvalidInputException(Where, "--set " + path, $"the range {axis.From}:{axis.To} runs backwards");
        }

        if (axis.Step is { } step && !(step > 0))
        {
            throw new InvalidInputException(Where, "--set " + path, $"the step must be positive (found {step})");
        }

        return axis;
    }

    /// <summary>How many values <see cref="GridValues"/> has (a double: a tiny step makes it astronomically many).</summary>
    public double GridCount()
    {
        var step = Step ?? throw new InvalidInputException(Where, "--set " + Path, "a full grid needs a step: <from>:<to>:<step>");
        return Math.Floor((To - From) / step + 1e-9) + 1;
    }

    /// <summary>from, from + step, ... up to to (within a 1e-9 step of rounding), printed to 12 significant digits so 0.1 + 0.2 reads 0.3.</summary>
    public IReadOnlyList<double> GridValues()
    {
        var step = Step ?? throw new InvalidInputException(Where, "--set " + Path, "a full grid needs a step: <from>:<to>:<step>");
        var count = (int)GridCount();
        return Enumerable.Range(0, count)
            .Select(k => double.Parse((From + k * step).ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
            .ToArray();
    }
}

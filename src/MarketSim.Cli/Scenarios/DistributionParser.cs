using System.Globalization;
using MarketSim.Core.Distributions;

namespace MarketSim.Cli.Scenarios;

/// <summary>
/// Parses <c>constant | uniform | power | pareto | lognormal | beta | empirical</c> (docs/architecture.md,
/// "Distributions"), checking every parameter where it stands in the file.
/// </summary>
internal static class DistributionParser
{
    /// <summary>Largest empirical file read (characters): ten million values of a dozen digits fit.</summary>
    private const int MaxEmpiricalBytes = 64_000_000;

    public static readonly string[] Kinds = ["constant", "uniform", "power", "pareto", "lognormal", "beta", "empirical"];

    public static DistributionSpec Parse(YamlField field)
    {
        var (kind, body) = field.SingleKey("distribution", Kinds);
        return kind switch
        {
            "constant" => new ConstantSpec(body.Number()),
            "uniform" => ParseUniform(body),
            "power" => new PowerSpec(body.Number(value => value > 0, "the exponent beta must be positive")),
            "pareto" => new ParetoSpec(
                body.AllowOnly("scale", "shape").Required("scale").Number(value => value > 0, "must be positive"),
                body.Required("shape").Number(value => value > 0, "must be positive")),
            "lognormal" => new LogNormalSpec(
                body.AllowOnly("mu", "sigma").Required("mu").Number(),
                body.Required("sigma").Number(value => value > 0, "must be positive")),
            "beta" => new BetaSpec(
                body.AllowOnly("a", "b").Required("a").Number(value => value > 0, "must be positive"),
                body.Required("b").Number(value => value > 0, "must be positive")),
            "empirical" => ParseEmpirical(body),
            _ => throw body.Error($"unknown distribution '{kind}'"),
        };
    }

    private static UniformSpec ParseUniform(YamlField body)
    {
        var bounds = body.Items();
        if (bounds.Count != 2)
        {
            throw body.Error($"expected [lower, upper], found {bounds.Count} values");
        }

        var lower = bounds[0].Number();
        var upper = bounds[1].Number();
        return lower < upper ? new UniformSpec(lower, upper) : throw bounds[1].Error("upper bound must exceed the lower bound");
    }

    /// <summary>
    /// <c>empirical: file.csv</c>, relative to the scenario's folder: one number per line (a first
    /// line that is not a number is taken as a header; further columns are ignored).
    /// </summary>
    private static EmpiricalSpec ParseEmpirical(YamlField body)
    {
        var name = body.Text();
        var path = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(body.File)) ?? ".", name);
        if (!File.Exists(path))
        {
            throw body.Error($"file '{path}' does not exist");
        }

        // Never quote the file: it is not a scenario, and may be anything (a line of /etc/passwd must not reach a terminal or log).
        var values = new List<double>();
        string[]? lines;
        try
        {
            lines = ReadBounded(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw body.Error($"{name} cannot be read (permission denied or not a file)");
        }

        lines = lines ?? throw body.Error($"{name} is larger than {MaxEmpiricalBytes / 1_000_000} MB: an empirical law is one number per line");
        for (var index = 0; index < lines.Length; index++)
        {
            var cell = lines[index].Split(',')[0].Trim();
            if (cell.Length == 0)
            {
                continue;
            }

            if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                if (InputLimits.WhyOutOfRange(value) is { } outOfRange)
                {
                    throw body.Error($"{name} line {index + 1}: {outOfRange}");
                }

                values.Add(value);
            }
            else if (index > 0 || values.Count > 0)
            {
                throw body.Error($"{name} line {index + 1} is not a finite number: an empirical law is one number per line (a header line first is allowed)");
            }
        }

        return values.Count > 0 ? new EmpiricalSpec(name, values) : throw body.Error($"{name} holds no numbers");
    }

    /// <summary>The file's lines, or null when it holds more than <see cref="MaxEmpiricalBytes"/> (a device such as /dev/zero never ends).</summary>
    private static string[]? ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxEmpiricalBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).Split('\n');
    }

    /// <summary>
    /// Why a law cannot be a value of money, or null if it can: v^M must be positive (docs/theory.md §1.1) and,
    /// so that rates r = v^K / v^M stay bounded, bounded away from 0 (lognormal is the exception:
    /// positive with probability 1).
    /// </summary>
    public static string? WhyNotValueOfMoney(DistributionSpec spec) => spec switch
    {
        ConstantSpec { Value: <= 0 } constant => $"v^M must be positive: constant {Format(constant.Value)} puts all its mass at or below 0",
        UniformSpec { Lower: <= 0 } uniform => $"v^M must be positive: uniform [{Format(uniform.Lower)}, {Format(uniform.Upper)}] puts mass at or below 0 (its lower bound must exceed 0)",
        PowerSpec => "v^M must be bounded away from 0: power laws live on [0, 1]",
        BetaSpec => "v^M must be bounded away from 0: beta laws live on [0, 1]",
        EmpiricalSpec empirical when empirical.Values.Min() <= 0 =>
            $"v^M must be positive: {empirical.Source} has a value at or below 0 ({Format(empirical.Values.Min())})",
        _ => null,
    };

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}

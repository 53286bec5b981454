using System.Globalization;
using CsvHelper;
using MarketSim.Core.Laws;

namespace MarketSim.Cli.Scenarios;

/// <summary>
/// <c>joint: { empirical: pairs.csv }</c>: a CSV file, relative to the scenario's folder, with a header naming
/// the columns <c>good</c> and <c>money</c> (others are ignored) and one agent a row: v^K and v^M, both finite
/// and positive. Read with CsvHelper (RFC 4180, invariant culture).
/// </summary>
internal static class JointDataParser
{
    public static JointEmpiricalLawSpec Parse(YamlField joint)
    {
        var (_, body) = joint.SingleKey("joint data form", ["empirical"]);
        var name = body.Text();
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(body.File)) ?? ".", name);
        if (!File.Exists(path))
        {
            throw body.Error($"file '{path}' does not exist");
        }

        var goods = new List<double>();
        var moneys = new List<double>();
        var options = new CsvReaderOptions { HasHeader = true, TrimWhitespace = true, TrackLineNumbers = true };
        try
        {
            using var csv = CsvReader.Create(File.OpenRead(path), options, leaveOpen: false);
            var header = csv.Headers;
            foreach (var column in new[] { "good", "money" })
            {
                if (!header.Contains(column, StringComparer.Ordinal))
                {
                    throw body.Error($"{name} has no '{column}' column (header: {string.Join(",", header)}); expected columns good,money");
                }
            }

            while (csv.Read())
            {
                goods.Add(Positive(body, name, csv.LineNumber, "good", csv.GetString("good")));
                moneys.Add(Positive(body, name, csv.LineNumber, "money", csv.GetString("money")));
            }
        }
        catch (Exception exception) when (exception is CsvFormatException or CsvValidationException or IOException)
        {
            throw body.Error($"{name} is not a readable CSV file: {exception.Message}");
        }

        return goods.Count > 0 ? new JointEmpiricalLawSpec(name, goods, moneys) : throw body.Error($"{name} holds no rows");
    }

    /// <summary>v^K and v^M must be finite and positive: v^M is a value of money, and the rate law is smoothed in ln(v^K / v^M).</summary>
    private static double Positive(YamlField body, string name, long line, string column, string? cell)
    {
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value > 0)
        {
            return value;
        }

        throw body.Error($"{name} line {line}: {column} '{cell}' is not a finite positive number");
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using MarketSim.Cli.Scenarios;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Cli.Sweep;

/// <summary>
/// A dotted path into the scenario's YAML tree (<c>sellers.money.pareto.shape</c>,
/// <c>mechanisms[1].price-wedge.buyerPrice</c>) and how <c>sweep</c> writes a number there. The
/// path must lead through existing mappings and lists; only its last key may be new (a field left
/// at its default, e.g. <c>market.buyersPerSeller</c>), and the loader then validates it like any field.
/// </summary>
internal static partial class ScenarioFieldPath
{
    public static void SetNumber(string file, YamlNode root, string path, double value)
    {
        var parts = path.Split('.');
        var node = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var match = Segment().Match(parts[i]);
            if (!match.Success)
            {
                throw Unknown(file, path, $"'{parts[i]}' is not a key (letters, digits, '-', '_' with optional [index])");
            }

            var key = match.Groups["key"].Value;
            var last = i == parts.Length - 1 && !match.Groups["index"].Success;
            if (node is not YamlMappingNode mapping)
            {
                throw Unknown(file, path, $"'{string.Join('.', parts[..i])}' is not a mapping, so it has no field '{key}'");
            }

            if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                if (last)
                {
                    mapping.Children[new YamlScalarNode(key)] = Number(value);
                    return;
                }

                throw Unknown(file, path, $"the scenario has no field '{string.Join('.', parts[..(i + 1)])}'");
            }

            if (match.Groups["index"].Success)
            {
                var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
                if (child is not YamlSequenceNode sequence || index >= sequence.Children.Count)
                {
                    throw Unknown(file, path, $"'{key}' has no item [{index}]");
                }

                child = sequence.Children[index];
            }

            if (i == parts.Length - 1)
            {
                if (child is not YamlScalarNode scalar || !double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw Unknown(file, path, "is not a number in the scenario, so it cannot be swept");
                }

                scalar.Value = Format(value);
                return;
            }

            node = child;
        }
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static YamlScalarNode Number(double value) => new(Format(value));

    private static InvalidInputException Unknown(string file, string path, string reason) => new(file, path, "--set: " + reason);

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_-]+)(\[(?<index>[0-9]+)\])?$")]
    private static partial Regex Segment();
}

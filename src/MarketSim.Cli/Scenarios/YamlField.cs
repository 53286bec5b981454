using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Cli.Scenarios;

/// <summary>
/// A node of the scenario document together with its field path, so that every validation error
/// can name the file, the path and the reason (docs/architecture.md: exit 2 with a clear message).
/// </summary>
internal sealed class YamlField(string file, string path, YamlNode node)
{
    public string File { get; } = file;
    public string Path { get; } = path;
    public YamlNode Node { get; } = node;

    public InvalidInputException Error(string reason) => new(File, Path, reason);

    public bool IsScalar => Node is YamlScalarNode;
    public bool IsMapping => Node is YamlMappingNode;
    public bool IsSequence => Node is YamlSequenceNode;

    private YamlMappingNode Mapping => Node as YamlMappingNode ?? throw Error("expected a mapping (key: value pairs)");

    private string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>The keys of this mapping, in document order.</summary>
    public IReadOnlyList<string> Keys =>
        Mapping.Children.Keys.Select(key => ((YamlScalarNode)key).Value ?? string.Empty).ToArray();

    /// <summary>Rejects any key not in <paramref name="allowed"/>.</summary>
    public YamlField AllowOnly(params string[] allowed)
    {
        foreach (var key in Keys)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw new InvalidInputException(File, Child(key), $"unknown key '{key}'; expected one of: {string.Join(", ", allowed)}");
            }
        }

        return this;
    }

    public YamlField? Optional(string key) =>
        Mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? new YamlField(File, Child(key), child) : null;

    public YamlField Required(string key) =>
        Optional(key) ?? throw new InvalidInputException(File, Child(key), "required field is missing");

    /// <summary>A mapping with exactly one key, naming a variant (e.g. a distribution or a mechanism).</summary>
    public (string Kind, YamlField Body) SingleKey(string what, IReadOnlyCollection<string> kinds)
    {
        var keys = Keys;
        if (keys.Count != 1)
        {
            throw Error($"expected exactly one {what} ({string.Join(", ", kinds)}), found {keys.Count} keys");
        }

        if (!kinds.Contains(keys[0]))
        {
            throw new InvalidInputException(File, Child(keys[0]), $"unknown {what} '{keys[0]}'; expected one of: {string.Join(", ", kinds)}");
        }

        return (keys[0], Required(keys[0]));
    }

    /// <summary>
    /// The field at a relative path such as <c>buyers[1].price</c> or <c>buyer.high</c>; where the path
    /// leaves the document (a default value was used), the deepest field that exists.
    /// </summary>
    public YamlField Locate(string relativePath)
    {
        var field = this;
        foreach (var part in relativePath.Split('.'))
        {
            var bracket = part.IndexOf('[');
            var key = bracket < 0 ? part : part[..bracket];
            if (!field.IsMapping || field.Optional(key) is not { } child)
            {
                return field;
            }

            field = child;
            if (bracket >= 0 && int.TryParse(part[(bracket + 1)..^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
                && field.IsSequence && index < field.Items().Count)
            {
                field = field.Items()[index];
            }
        }

        return field;
    }

    public IReadOnlyList<YamlField> Items()
    {
        var sequence = Node as YamlSequenceNode ?? throw Error("expected a list");
        return sequence.Children.Select((child, index) => new YamlField(File, $"{Path}[{index}]", child)).ToArray();
    }

    public string Text()
    {
        var scalar = Node as YamlScalarNode ?? throw Error("expected a single value");
        var value = scalar.Value ?? string.Empty;
        return value.Length > 0 ? value : throw Error("must not be empty");
    }

    /// <summary>
    /// A finite number of a size MarketSim can compute with (YAML's .inf and .nan are rejected, and so are
    /// magnitudes outside <see cref="InputLimits.WhyOutOfRange"/>: derived rates, payments and welfare would overflow).
    /// </summary>
    public double Number()
    {
        var text = Node is YamlScalarNode scalar ? scalar.Value : null;
        if (text is null || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw Error($"expected a number, found '{Describe()}'");
        }

        if (!double.IsFinite(value))
        {
            throw Error("must be a finite number");
        }

        return InputLimits.WhyOutOfRange(value) is { } reason ? throw Error(reason) : value;
    }

    public double Number(Func<double, bool> valid, string requirement)
    {
        var value = Number();
        return valid(value) ? value : throw Error($"{requirement} (found {value.ToString(CultureInfo.InvariantCulture)})");
    }

    public int Integer(int minimum) => Integer(minimum, int.MaxValue);

    /// <summary>A whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>] (a bound of <see cref="InputLimits"/>).</summary>
    public int Integer(int minimum, int maximum)
    {
        var text = Node is YamlScalarNode scalar ? scalar.Value : null;
        if (text is null || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            // 1e308 or 99999999999999999999: a number, far too big for a count
            if (text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > maximum)
            {
                throw Error($"must be at most {maximum} (found {text}): see the limits in docs/running.md");
            }

            throw Error($"expected a whole number, found '{Describe()}'");
        }

        if (value < minimum)
        {
            throw Error($"must be a whole number of at least {minimum} (found {value})");
        }

        if (value > maximum)
        {
            throw Error($"must be at most {maximum} (found {value}): see the limits in docs/running.md");
        }

        return (int)value;
    }

    public ulong UnsignedInteger()
    {
        var text = Node is YamlScalarNode scalar ? scalar.Value : null;
        return text is not null && ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"expected a non-negative whole number, found '{Describe()}'");
    }

    /// <summary>One of a fixed set of words, e.g. <c>realized | promised</c>.</summary>
    public T Choice<T>(IReadOnlyDictionary<string, T> choices)
    {
        var text = Text();
        return choices.TryGetValue(text, out var value)
            ? value
            : throw Error($"'{text}' is not one of: {string.Join(", ", choices.Keys)}");
    }

    private string Describe() => Node switch
    {
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => Node.NodeType.ToString(),
    };
}

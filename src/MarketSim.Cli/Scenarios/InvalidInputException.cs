namespace MarketSim.Cli.Scenarios;

/// <summary>
/// Invalid input: names the file, the field path (e.g. <c>sellers.money.uniform[0]</c>) and what is
/// wrong. The CLI turns it into exit code 2 before anything is written.
/// </summary>
public sealed class InvalidInputException(string file, string fieldPath, string reason)
    : Exception($"{file}: {fieldPath}: {reason}")
{
    public string File { get; } = file;
    public string FieldPath { get; } = fieldPath;
    public string Reason { get; } = reason;
}

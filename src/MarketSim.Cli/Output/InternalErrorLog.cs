using System.Globalization;

namespace MarketSim.Cli.Output;

/// <summary>
/// Where an internal fault's details go (exit 1, docs/running.md): <c>marketsim-error.log</c> in the
/// output folder (else in the current folder), with the exception's type, message and stack trace. The
/// terminal gets one sentence naming the file; users never see .NET type names.
/// </summary>
public static class InternalErrorLog
{
    public const string FileName = "marketsim-error.log";

    /// <summary>Appends the fault to the log and returns the log's path (or a note that it could not be written).</summary>
    public static string Write(string? outputFolder, Exception exception)
    {
        var folder = outputFolder is not null && !File.Exists(outputFolder) ? outputFolder : ".";
        var path = Path.Combine(folder, FileName);
        try
        {
            Directory.CreateDirectory(folder);
            File.AppendAllText(
                path,
                $"{DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)} marketsim {Manifest.ToolVersion}, {Environment.CommandLine}\n{exception}\n\n");
            return path;
        }
        catch (Exception writeFailure) when (writeFailure is IOException or UnauthorizedAccessException)
        {
            var fallback = Path.Combine(Path.GetTempPath(), FileName);
            File.AppendAllText(fallback, $"{DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)}\n{exception}\n\n");
            return fallback;
        }
    }
}

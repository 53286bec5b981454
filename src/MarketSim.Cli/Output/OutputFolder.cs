using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MarketSim.Cli.Resume;
using MarketSim.Cli.Scenarios;

namespace MarketSim.Cli.Output;

/// <summary>
/// Takes an output folder for one command of one scenario before anything is computed into it
/// (docs/running.md, "Output folders"): never destroys results. A folder whose <c>manifest.json</c> (or
/// journal) belongs to another command or another scenario file is refused unless <c>--force</c>, which
/// removes the old results (the files their manifest lists, and the journal) instead of mixing the two.
/// Temporary files left by a run that died mid-write (<see cref="AtomicFile"/>) are removed; a folder
/// that cannot be written to is refused at once.
/// </summary>
public static class OutputFolder
{
    /// <summary>Where a run keeps its unfinished state (the journal and its companions) inside the output folder.</summary>
    public const string PartialFolderName = ".partial";

    private const string Where = "(command line)";

    /// <summary>
    /// Checks and prepares <paramref name="folder"/> for <paramref name="command"/> (e.g. "run", "figure convergence")
    /// of <paramref name="scenarioFile"/> (null for a built-in figure). Creates the folder.
    /// </summary>
    public static void Claim(string folder, string command, string? scenarioFile, bool force, string option = "--out")
    {
        if (File.Exists(folder))
        {
            throw new InvalidInputException(Where, option, $"'{folder}' is a file, not a folder: name a folder for the results");
        }

        if (Directory.Exists(folder) && Owner(folder) is { } owner && !owner.IsFor(command, scenarioFile))
        {
            if (!force)
            {
                throw new InvalidInputException(
                    Where, option, $"'{folder}' holds the results of {owner.Describe()}; choose another folder, or add --force to replace them");
            }

            RemoveResults(folder, owner);
        }
        else if (force && Directory.Exists(folder) && Owner(folder) is { } same)
        {
            RemoveResults(folder, same);
        }

        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".marketsim-write-check.{Environment.ProcessId}.tmp");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(Where, option, $"cannot write to the folder '{folder}' (permission denied or a read-only file system)");
        }

        RemoveStaleTemporaryFiles(folder);
    }

    /// <summary>Who the folder's results belong to, from its manifest; null for a folder without one.</summary>
    private static FolderOwner? Owner(string folder)
    {
        var manifest = Path.Combine(folder, Manifest.FileName);
        if (File.Exists(manifest))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
                var root = document.RootElement;
                var command = root.GetProperty("command").GetString() ?? "?";
                var scenario = root.GetProperty("scenario");
                var files = root.TryGetProperty("files", out var list)
                    ? list.EnumerateArray().Select(file => file.GetProperty("name").GetString()).OfType<string>().ToArray()
                    : [];
                return new FolderOwner(command, scenario.GetProperty("file").GetString(), files, FromJournal: false);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException or IOException)
            {
                return new FolderOwner(AnotherTool, null, [], FromJournal: false); // not one of ours: never overwritten without --force
            }
        }

        // An interrupted journal alone is JournalOpener's: --resume checks it (and refuses another's),
        // a fresh start says that it replaces it.
        return null;
    }

    private static void RemoveResults(string folder, FolderOwner owner)
    {
        foreach (var name in owner.Files.Append(Manifest.FileName))
        {
            // Only plain names of files inside the folder: a manifest never reaches outside it.
            if (name == Path.GetFileName(name) && File.Exists(Path.Combine(folder, name)))
            {
                File.Delete(Path.Combine(folder, name));
            }
        }

        // The old run's unfinished state (journal, cluster provenance) goes with its results.
        var partial = Path.Combine(folder, PartialFolderName);
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }
    }

    /// <summary>Removes <c>.&lt;name&gt;.&lt;pid&gt;.tmp</c> files whose process is gone (killed while writing).</summary>
    private static void RemoveStaleTemporaryFiles(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder, ".*.tmp"))
        {
            var parts = Path.GetFileName(path).Split('.');
            if (parts.Length >= 4 && int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
            {
                File.Delete(path);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return false; // this process has written nothing yet
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private const string AnotherTool = "another tool";

    private sealed record FolderOwner(string Command, string? ScenarioFile, IReadOnlyList<string> Files, bool FromJournal)
    {
        /// <summary>The same command of the same scenario file (a journal alone: the same command; --resume checks its scenario).</summary>
        public bool IsFor(string command, string? scenarioFile) =>
            Command == command
            && (FromJournal || ScenarioFile is null || scenarioFile is null
                || string.Equals(ScenarioFile, Path.GetFullPath(scenarioFile), StringComparison.Ordinal));

        public string Describe() => Command == AnotherTool
            ? "another tool (its manifest.json or journal is not MarketSim's)"
            : $"'{Command}'" + (ScenarioFile is not null && !ScenarioFile.StartsWith("(built in)", StringComparison.Ordinal) ? $" of {ScenarioFile}" : string.Empty)
                + (FromJournal ? " (an interrupted one: its journal is in .partial/)" : string.Empty);
    }
}

using MarketSim.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Testing;

namespace MarketSim.Cli.Tests;

/// <summary>Runs the real command line in-process inside a scratch folder and captures its output.</summary>
internal sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Folder = Directory.CreateTempSubdirectory("marketsim-cli-").FullName;
    }

    public string Folder { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string WriteScenario(string name, string yaml)
    {
        var path = PathOf(name);
        File.WriteAllText(path, yaml);
        return path;
    }

    public Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        RunAsync(CancellationToken.None, args);

    /// <summary>As <see cref="RunAsync(string[])"/>; cancelling the token is what Ctrl-C does to the real tool.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var console = new TestConsole().Width(200);
        var error = new StringWriter();
        var exitCode = await MarketSimCli.RunAsync(args, console, error, cancellationToken);
        return (exitCode, console.Output, error.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left behind in /tmp is harmless.
        }
    }
}

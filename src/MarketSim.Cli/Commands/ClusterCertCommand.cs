using System.CommandLine;
using MarketSim.Cli.Scenarios;
using MarketSim.Simulation.Cluster;
using Spectre.Console;

namespace MarketSim.Cli.Commands;

/// <summary>
/// <c>cluster-cert DIR</c>: creates a cluster run's credentials (a self-signed certificate and its
/// private key, owner-only) for <c>run --cluster --cluster-cert DIR</c> and
/// <c>worker --cluster-cert DIR</c>; copy DIR to every machine of the run (docs/cluster.md).
/// </summary>
public static class ClusterCertCommand
{
    internal static Command Build(IAnsiConsole console, TextWriter error, Func<TextWriter, Func<Task<int>>, Task<int>> guard)
    {
        var folder = new Argument<string>("dir") { Description = "Folder to create the credentials in (created owner-only)." };
        var command = new Command("cluster-cert", "Create the credentials of a cluster run (mutual TLS between coordinator and workers).")
        {
            folder,
        };
        command.SetAction((parsed, _) => guard(error, () => Task.FromResult(Execute(parsed.GetRequiredValue(folder), console))));
        return command;
    }

    public static int Execute(string folder, IAnsiConsole console)
    {
        ClusterCredentials credentials;
        try
        {
            credentials = ClusterCredentials.Create(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(Path.GetFullPath(folder), "(credentials)", exception.Message);
        }

        console.MarkupLineInterpolated($"Wrote [bold]{ClusterCredentials.PathIn(credentials.Folder)}[/] (certificate SHA-256 {credentials.Thumbprint}).");
        console.MarkupLine("Give it to the coordinator and every worker (--cluster-cert); keep it private: anyone with it can join.");
        return ExitCodes.Success;
    }
}

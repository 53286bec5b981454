using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using MarketSim.Cli.Tests.Resume;

namespace MarketSim.Cli.Tests.Commands;

/// <summary>
/// The acceptance run of docs/cluster.md, with real processes on 127.0.0.1: a coordinator and two
/// workers; one worker is killed with SIGKILL mid-run, then the coordinator too; <c>run --resume
/// --cluster</c> with a fresh worker finishes while 100 garbage connections hit its port; the files are
/// those of the single-process run byte for byte, standard output carries no transport noise, and the
/// manifest names who computed what.
/// </summary>
public sealed partial class ClusterSurvivesKillsAndStrangersTests
{
    private const int Replications = 160;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Killed_worker_and_coordinator_resume_to_the_single_process_bytes()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("cluster.yaml", ResumeRuns.SlowScenario.Replace("sellers: 1500", "sellers: 800", StringComparison.Ordinal));
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(scenario)));
        var single = cli.PathOf("single");
        var (singleExit, _, singleError) = await cli.RunAsync("run", scenario, "--out", single, "--workers", "1", "--replications", $"{Replications}");
        Assert.True(singleExit == 0, singleError);
        var credentials = cli.PathOf("credentials");
        Assert.Equal(0, (await cli.RunAsync("cluster-cert", credentials)).ExitCode);
        var folder = cli.PathOf("cluster");
        string[] Worker(int port) =>
            ["worker", "--join", $"akka.ssl.tcp://marketsim@127.0.0.1:{port}", "--cluster-cert", credentials, "--scenario-sha256", sha, "--workers", "1"];

        // Session 1: coordinator + 2 workers; kill -9 a worker, then the coordinator.
        var firstPort = FreePort();
        using (var coordinator = new ToolProcess("run", scenario, "--out", folder, "--replications", $"{Replications}", "--cluster", "--port", $"{firstPort}", "--cluster-cert", credentials))
        {
            var printed = await coordinator.WaitForOutput("--scenario-sha256", Timeout);
            Assert.Contains($"--join akka.ssl.tcp://marketsim@127.0.0.1:{firstPort} --cluster-cert {credentials} --scenario-sha256 {sha}", printed);
            using var doomed = new ToolProcess(Worker(firstPort));
            using var survivor = new ToolProcess(Worker(firstPort));
            var running = coordinator.WaitAsync(Timeout);
            await ResumeRuns.WaitForRecords(folder, 20, running, Timeout);
            doomed.KillHard();
            await ResumeRuns.WaitForRecords(folder, 60, running, Timeout);
            coordinator.KillHard();
            await running;
        }

        var kept = ResumeRuns.RecordsIn(folder);
        Assert.InRange(kept, 60, Replications - 1);

        // Session 2: resume on another port with a fresh worker, under a hail of garbage connections.
        var secondPort = FreePort();
        using var resumed = new ToolProcess(
            "run", scenario, "--out", folder, "--replications", $"{Replications}", "--cluster", "--port", $"{secondPort}", "--cluster-cert", credentials, "--resume");
        await resumed.WaitForOutput("--scenario-sha256", Timeout);
        await SendGarbage(secondPort, connections: 100);
        using var fresh = new ToolProcess(Worker(secondPort));
        Assert.True(await resumed.WaitAsync(Timeout) == 0, resumed.Error);
        Assert.Equal(0, await fresh.WaitAsync(Timeout));

        foreach (var file in new[] { "replications.csv", "summary.csv" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(single, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder, file))), $"{file} differs");
        }

        // Garbage is one line each on standard error, never noise on standard output.
        Assert.DoesNotMatch(TransportNoise(), resumed.Output);
        Assert.Contains("resuming:", resumed.Error);
        Assert.DoesNotContain("   at ", resumed.Error);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var workers = manifest.RootElement.GetProperty("clusterWorkers").EnumerateArray().ToArray();
        Assert.Equal(Replications, workers.Sum(worker => worker.GetProperty("replications").GetInt32()));
        var freshAddress = WorkerAddress().Match(fresh.Output).Value;
        Assert.Contains(workers, worker => worker.GetProperty("address").GetString() == freshAddress
            && worker.GetProperty("replications").GetInt32() == Replications - kept);
        Assert.True(workers.Length >= 2, "the first session's workers are credited too");
        Assert.All(workers, worker => Assert.Equal(manifest.RootElement.GetProperty("version").GetString(), worker.GetProperty("version").GetString()));
        Assert.False(Directory.Exists(Path.Combine(folder, ".partial")), "the journal is removed once the run is complete");
    }

    private static async Task SendGarbage(int port, int connections)
    {
        var noise = new byte[512];
        for (var i = 0; i < connections; i++)
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            Random.Shared.NextBytes(noise);
            try
            {
                await client.GetStream().WriteAsync(noise);
            }
            catch (IOException)
            {
                // The coordinator may hang up first: that is the point.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"\[(ERROR|WARNING)\]|Exception|^\s+at ", RegexOptions.Multiline)]
    private static partial Regex TransportNoise();

    [GeneratedRegex(@"akka\.ssl\.tcp://marketsim@127\.0\.0\.1:\d+")]
    private static partial Regex WorkerAddress();
}

using MarketSim.Cli.Options;
using System.Net;
using System.Net.Sockets;

namespace MarketSim.Cli.Tests.Commands;

/// <summary>
/// <c>run --cluster</c> with two <c>worker --join</c> processes' worth of workers (in-process, on
/// 127.0.0.1, mutual TLS) writes replications.csv and summary.csv byte for byte as a single-process
/// run (docs/theory.md §6); ports, join timeouts and credentials fail fast with exit 2.
/// </summary>
public sealed class ClusterRunWritesTheSameFilesTests
{
    // A bound on a hang, not a speed target: three actor systems join over TLS in this one test process while
    // the other test classes run beside it on two cores (30 s was seen to run out in a full suite).
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    // How long before the end of a run a worker may start and still miss it (see the two-worker test).
    private static readonly TimeSpan LateJoin = TimeSpan.FromSeconds(15);

    // 200 replications: the run lasts until both workers are in, so both must have worked.
    private const string Scenario = """
        name: cluster-test
        seed: 77
        replications: 200
        market: { sellers: 300, buyersPerSeller: 1.0 }
        buyers:  { good: { uniform: [0, 1] }, money: { constant: 1 } }
        sellers: { good: { uniform: [0, 1] }, money: { constant: 2 } }
        mechanisms:
          - competitive-equilibrium
          - price-wedge: { buyerPrice: 0.5, sellerPrice: 0.25, lumpSumTo: sellers }
          - price-control: { price: 0.4, label: price-floor }
        """;

    [Fact]
    public async Task Coordinator_and_two_workers_write_the_single_process_bytes()
    {
        using var harness = new CliHarness();
        var scenario = harness.WriteScenario("cluster-test.yaml", Scenario);
        var single = await harness.RunAsync("run", scenario, "--out", harness.PathOf("single"), "--workers", "1", "--seed", "78");
        Assert.Equal(0, single.ExitCode);

        var port = FreePort();
        var address = $"akka.ssl.tcp://marketsim@127.0.0.1:{port}";
        // No --cluster-cert: the coordinator makes fresh credentials in the output folder, owner-only.
        var credentials = Path.Combine(harness.PathOf("cluster"), "cluster-credentials");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(scenario)));
        var coordinator = harness.RunAsync("run", scenario, "--out", harness.PathOf("cluster"), "--cluster", "--port", $"{port}", "--seed", "78");
        var pfx = Path.Combine(credentials, "node.pfx");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!File.Exists(pfx) && clock.Elapsed < Timeout && !coordinator.IsCompleted)
        {
            await Task.Delay(20);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(pfx));
        // One worker after the other, so the second joins while the first works.
        var first = harness.RunAsync("worker", "--join", address, "--cluster-cert", credentials, "--scenario-sha256", sha, "--workers", "1");
        await MarketSim.Cli.Tests.Resume.ResumeRuns.WaitForRecords(harness.PathOf("cluster"), 1, coordinator, Timeout);
        var secondStarted = System.Diagnostics.Stopwatch.StartNew();
        var workers = new[]
        {
            first,
            harness.RunAsync("worker", "--join", address, "--cluster-cert", credentials, "--scenario-sha256", sha, "--workers", "2"),
        };

        var (exitCode, output, error) = await coordinator.WaitAsync(Timeout);
        var secondHadTheRunFor = secondStarted.Elapsed;
        Assert.True(exitCode == 0, error);
        // The coordinator prints the exact command that joins it.
        Assert.Contains($"marketsim worker --join {address} --cluster-cert {credentials} --scenario-sha256 {sha}", output);
        // Both workers finish normally and the coordinator admitted both: a worker whose node Akka shut down while it
        // joined (a TLS handshake with a node going down fails, and Akka.Remote then shuts the dialling node down)
        // comes back on a fresh node (ClusterRunner.WorkAsync), so no worker stays outside the cluster. One exception:
        // a worker started less than LateJoin before the run ended may arrive after it (a join took that long on two
        // cores loaded by the full suite) and then rightly finds no coordinator. Whether the second one also gets a
        // replication depends on how fast the first finishes them, so that is not asserted.
        var finished = await Task.WhenAll(workers).WaitAsync(Timeout);
        for (var w = 0; w < finished.Length; w++)
        {
            var worker = finished[w];
            if (w == 1 && secondHadTheRunFor < LateJoin && worker.ExitCode == 2 && worker.Error.Contains("no coordinator answered", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.True(worker.ExitCode == 0, $"worker {w} (the run lasted {secondHadTheRunFor.TotalSeconds:0.0} s after the second started): {worker.Error}");
            // Every node the worker ran on prints "Worker <address> joining ...".
            var nodes = System.Text.RegularExpressions.Regex.Matches(worker.Output, @"Worker (akka\.ssl\.tcp://\S+) joining")
                .Select(match => match.Groups[1].Value).ToArray();
            Assert.NotEmpty(nodes);
            Assert.True(nodes.Any(node => error.Contains($"worker {node} joined with", StringComparison.Ordinal)),
                $"the coordinator never admitted worker {string.Join(", ", nodes)}:\n{error}");
        }

        // The provenance credits only admitted workers' nodes, with every replication.
        using var manifest = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(harness.PathOf("cluster"), "manifest.json")));
        Assert.Equal(200, manifest.RootElement.GetProperty("clusterWorkers").EnumerateArray().Sum(worker => worker.GetProperty("replications").GetInt32()));

        foreach (var file in new[] { "replications.csv", "summary.csv" })
        {
            var expected = await File.ReadAllTextAsync(Path.Combine(harness.PathOf("single"), file));
            Assert.Equal(expected, await File.ReadAllTextAsync(Path.Combine(harness.PathOf("cluster"), file)));
        }

        // 200 replications x 3 mechanisms of rows, plus the header: the comparison saw real data.
        Assert.True(File.ReadAllLines(Path.Combine(harness.PathOf("cluster"), "replications.csv")).Length > 200 * 3);
    }

    [Fact]
    public async Task Interrupting_a_cluster_run_keeps_its_journal_and_prints_the_cluster_resume_command()
    {
        using var harness = new CliHarness();
        var scenario = harness.WriteScenario("slow.yaml", MarketSim.Cli.Tests.Resume.ResumeRuns.SlowScenario);
        var credentials = harness.PathOf("credentials");
        Assert.Equal(0, (await harness.RunAsync("cluster-cert", credentials)).ExitCode);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(scenario)));
        var folder = harness.PathOf("cluster");
        var port = FreePort();
        using var interrupt = new CancellationTokenSource();
        using var stopWorker = new CancellationTokenSource();
        var coordinator = harness.RunAsync(interrupt.Token, "run", scenario, "--out", folder, "--cluster", "--port", $"{port}", "--cluster-cert", credentials);
        var worker = harness.RunAsync(stopWorker.Token,
            "worker", "--join", $"akka.ssl.tcp://marketsim@127.0.0.1:{port}", "--cluster-cert", credentials, "--scenario-sha256", sha, "--workers", "1");

        await MarketSim.Cli.Tests.Resume.ResumeRuns.WaitForRecords(folder, 3, coordinator, Timeout);
        await interrupt.CancelAsync();
        var (exitCode, _, error) = await coordinator.WaitAsync(Timeout);
        await stopWorker.CancelAsync();
        await worker.WaitAsync(Timeout);

        Assert.Equal(130, exitCode);
        var kept = MarketSim.Cli.Tests.Resume.ResumeRuns.RecordsIn(folder);
        Assert.InRange(kept, 3, MarketSim.Cli.Tests.Resume.ResumeRuns.Replications - 1);
        Assert.Contains($"interrupted: {kept} of {MarketSim.Cli.Tests.Resume.ResumeRuns.Replications} replications are kept", error);
        Assert.Contains($"--cluster --hostname 127.0.0.1 --port {port} --cluster-cert {credentials} --resume", error);
    }

    [Fact]
    public async Task A_second_coordinator_on_a_taken_port_exits_2_at_once()
    {
        using var harness = new CliHarness();
        var scenario = harness.WriteScenario("cluster-test.yaml", Scenario);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (exitCode, _, error) = await harness.RunAsync("run", scenario, "--out", harness.PathOf("second"), "--cluster", "--port", $"{port}")
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, exitCode);
        Assert.Contains($"port {port} is in use; pick another with --port", error);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 10);
        Assert.False(Directory.Exists(harness.PathOf("second")), "nothing is written");
    }

    [Fact]
    public async Task A_worker_without_a_coordinator_gives_up_after_its_join_timeout()
    {
        using var harness = new CliHarness();
        var credentials = harness.PathOf("credentials");
        Assert.Equal(0, (await harness.RunAsync("cluster-cert", credentials)).ExitCode);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (exitCode, _, error) = await harness.RunAsync(
                "worker", "--join", $"akka.ssl.tcp://marketsim@127.0.0.1:{FreePort()}", "--cluster-cert", credentials,
                "--scenario-sha256", "00", "--join-timeout", "2")
            .WaitAsync(TimeSpan.FromSeconds(12));

        Assert.Equal(2, exitCode);
        Assert.Contains("no coordinator answered", error);
        Assert.InRange(clock.Elapsed.TotalSeconds, 2, 12);
    }

    [Fact]
    public async Task Cluster_cert_writes_an_owner_only_key_and_never_overwrites_one()
    {
        using var harness = new CliHarness();
        var folder = harness.PathOf("credentials");

        var (exitCode, output, _) = await harness.RunAsync("cluster-cert", folder);
        var again = await harness.RunAsync("cluster-cert", folder);

        Assert.Equal(0, exitCode);
        Assert.Contains("SHA-256", output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(Path.Combine(folder, "node.pfx")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, ModeOf(folder));
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.Error);
    }

    [Fact]
    public void The_resume_command_of_a_cluster_run_keeps_every_cluster_option()
    {
        var options = new MarketSim.Cli.Options.RunOptions(
            "a.yaml", Replications: 400, Cluster: new MarketSim.Cli.Options.ClusterOptions("10.0.0.5", 4053, "/srv/run 7/creds"));

        Assert.Equal(
            "marketsim run a.yaml --replications 400 --cluster --hostname 10.0.0.5 --port 4053 --cluster-cert '/srv/run 7/creds' --resume",
            options.ResumeCommandLine());
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("akka.ssl.tcp://othersystem@127.0.0.1:4053")]
    public async Task A_malformed_join_address_is_invalid_input(string join)
    {
        using var harness = new CliHarness();
        var (exitCode, _, error) = await harness.RunAsync("worker", "--join", join, "--cluster-cert", harness.PathOf("none"), "--scenario-sha256", "00");
        Assert.Equal(2, exitCode);
        Assert.Contains("--join", error);
    }

    private static UnixFileMode ModeOf(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("owner-only file modes are checked on Unix");
        }

        return File.GetUnixFileMode(path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

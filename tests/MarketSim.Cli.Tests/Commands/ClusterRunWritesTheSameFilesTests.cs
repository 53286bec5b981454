using System.Net;
using System.Net.Sockets;

namespace MarketSim.Cli.Tests.Commands;

/// <summary>
/// <c>run --cluster</c> with two <c>worker --join</c> processes' worth of workers (in-process, on
/// 127.0.0.1) writes replications.csv and summary.csv byte for byte as a single-process run (SPEC 6).
/// </summary>
public sealed class ClusterRunWritesTheSameFilesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private const string Scenario = """
        name: cluster-test
        seed: 77
        replications: 12
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
        var address = $"akka.tcp://marketsim@127.0.0.1:{port}";
        var coordinator = harness.RunAsync("run", scenario, "--out", harness.PathOf("cluster"), "--cluster", "--port", $"{port}", "--seed", "78");
        var workers = new[]
        {
            harness.RunAsync("worker", "--join", address, "--workers", "1"),
            harness.RunAsync("worker", "--join", address, "--workers", "2"),
        };

        var (exitCode, output, error) = await coordinator.WaitAsync(Timeout);
        Assert.True(exitCode == 0, error);
        Assert.Contains(address, output); // the coordinator tells how to join it
        foreach (var worker in await Task.WhenAll(workers).WaitAsync(Timeout))
        {
            Assert.True(worker.ExitCode == 0, worker.Error);
        }

        foreach (var file in new[] { "replications.csv", "summary.csv" })
        {
            var expected = await File.ReadAllTextAsync(Path.Combine(harness.PathOf("single"), file));
            Assert.Equal(expected, await File.ReadAllTextAsync(Path.Combine(harness.PathOf("cluster"), file)));
        }

        // 12 replications x 3 mechanisms of rows, plus the header: the comparison saw real data.
        Assert.True(File.ReadAllLines(Path.Combine(harness.PathOf("cluster"), "replications.csv")).Length > 12 * 3);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("akka.tcp://othersystem@127.0.0.1:4053")]
    public async Task A_malformed_join_address_is_invalid_input(string join)
    {
        using var harness = new CliHarness();
        var (exitCode, _, error) = await harness.RunAsync("worker", "--join", join);
        Assert.Equal(2, exitCode);
        Assert.Contains("--join", error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using MarketSim.Cli.Resume;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Cluster;

namespace MarketSim.Cli.Tests.Resume;

/// <summary>
/// The manifest's <c>clusterWorkers</c> come from <c>.partial/cluster-workers</c>: every worker of every
/// session is credited for the replications in the final results, a re-run's last attribution stands,
/// and a line torn by a kill spoils only itself.
/// </summary>
public sealed class ClusterProvenanceTests
{
    private static ContributedReplication By(string worker, int replication, bool rerun = false) =>
        new(new ReplicationResult(replication, [new MechanismMetrics("m", [new MetricValue("welfare", 1)])]), worker, "1.0+abc", rerun);

    [Fact]
    public void Every_session_is_credited_and_a_torn_line_spoils_only_itself()
    {
        using var cli = new CliHarness();
        var path = ClusterProvenance.PathIn(cli.Folder);
        ClusterProvenance.Append(path, By("w1", 0));
        ClusterProvenance.Append(path, By("w2", 1));
        ClusterProvenance.Append(path, By("w1", 2));
        File.AppendAllText(path, "{\"replication\":3,\"wor"); // the coordinator was killed mid-line
        // Session 2: replication 3 (torn) and 2 again (its first result never reached the journal).
        ClusterProvenance.Append(path, By("w3", 3));
        ClusterProvenance.Append(path, By("w3", 2, rerun: true));
        ClusterProvenance.Append(path, By("w3", 9)); // not in the results: ignored

        var workers = ClusterProvenance.Summarise(path, new HashSet<int> { 0, 1, 2, 3 });

        Assert.Equal(
            [new("w1", "1.0+abc", 1, 0), new("w2", "1.0+abc", 1, 0), new Output.ManifestWorker("w3", "1.0+abc", 2, 1)],
            workers);
    }
}

using MarketSim.Core.Mechanisms;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Running;

namespace MarketSim.Simulation.Tests;

/// <summary>
/// The bookkeeping both coordinators share: a result counts only from the slot holding that
/// replication, once; failures and lost slots re-queue within the policy and then fail the run.
/// </summary>
public sealed class ReplicationLedgerTests
{
    private static ReplicationResult Result(int replication, double welfare = 0.5) =>
        new(replication, [new MechanismMetrics("m", [new MetricValue("welfare", welfare)])]);

    [Fact]
    public void Only_the_assigned_slot_completes_a_replication_and_only_once()
    {
        var ledger = new ReplicationLedger<string>([0, 1, 2], FailurePolicy.Cluster);
        Assert.True(ledger.TryAssign("a1", "A", out var first));
        Assert.True(ledger.TryAssign("b1", "B", out var second));
        Assert.Equal((0, 1), (first, second));

        Assert.False(ledger.TryComplete("b1", Result(0, welfare: 999))); // forged: B does not hold 0
        Assert.False(ledger.TryComplete("c1", Result(2)));                // never assigned at all
        Assert.True(ledger.TryComplete("a1", Result(0)));
        Assert.False(ledger.TryComplete("a1", Result(0, welfare: 999))); // a second report of the same
        Assert.True(ledger.TryComplete("b1", Result(1)));
        Assert.True(ledger.TryAssign("a1", "A", out var third));
        Assert.True(ledger.TryComplete("a1", Result(third)));

        Assert.True(ledger.IsComplete);
        Assert.Equal([0, 1, 2], ledger.Results.Select(result => result.Replication));
        Assert.All(ledger.Results, result => Assert.Equal(0.5, result.Mechanisms[0].Metrics[0].Value));
    }

    [Fact]
    public void A_failed_replication_goes_first_to_another_worker_and_fails_the_run_on_the_second()
    {
        var ledger = new ReplicationLedger<string>([0, 1, 2], FailurePolicy.Cluster);
        ledger.TryAssign("a1", "A", out _);
        Assert.Equal(LedgerVerdict.NotAssigned, ledger.Fail("b1", 0, "B")); // B never held it
        Assert.Equal(LedgerVerdict.Requeued, ledger.Fail("a1", 0, "A"));

        // A may not run it again: A gets the next one; B gets replication 0, first in line.
        Assert.True(ledger.TryAssign("a1", "A", out var forA));
        Assert.Equal(1, forA);
        Assert.True(ledger.TryAssign("b1", "B", out var forB));
        Assert.Equal(0, forB);
        Assert.True(ledger.IsRerun(0));
        Assert.False(ledger.IsRerun(1));

        Assert.Equal(LedgerVerdict.RunFails, ledger.Fail("b1", 0, "B"));
        Assert.Equal(["A", "B"], ledger.FailedOn(0).Order());
    }

    [Fact]
    public void Lost_slots_requeue_at_most_twice()
    {
        var ledger = new ReplicationLedger<string>([4], FailurePolicy.Cluster);
        for (var loss = 1; loss <= 2; loss++)
        {
            Assert.True(ledger.TryAssign($"slot{loss}", $"W{loss}", out var replication));
            Assert.Equal(4, replication);
            Assert.Equal(LedgerVerdict.Requeued, ledger.Lose($"slot{loss}", out _));
        }

        Assert.True(ledger.TryAssign("slot3", "W3", out _));
        Assert.Equal(LedgerVerdict.RunFails, ledger.Lose("slot3", out var lost));
        Assert.Equal(4, lost);
        Assert.Equal(2, ledger.Requeued);
        Assert.Equal(LedgerVerdict.NotAssigned, ledger.Lose("idle", out _));
    }

    [Fact]
    public void In_process_the_first_failure_ends_the_run()
    {
        var ledger = new ReplicationLedger<string>([0, 1], FailurePolicy.InProcess);
        ledger.TryAssign("lane", "this process", out _);
        Assert.Equal(LedgerVerdict.RunFails, ledger.Fail("lane", 0, "this process"));
    }
}

using MarketSim.Core.Mechanisms;
using MarketSim.Core.Replications;

namespace MarketSim.Simulation.Tests;

/// <summary>Equality to the last bit (docs/theory.md §6: a run is a pure function of its keys).</summary>
internal static class BitwiseAssert
{
    public static void Equal(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: {expected.Count} values expected, {actual.Count} found");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(
                BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                $"{what}[{i}]: expected {expected[i]:R}, found {actual[i]:R}");
        }
    }

    public static void Equal(IReadOnlyList<ReplicationResult> expected, IReadOnlyList<ReplicationResult> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var r = 0; r < expected.Count; r++)
        {
            Assert.Equal(expected[r].Replication, actual[r].Replication);
            Assert.Equal(expected[r].Mechanisms.Count, actual[r].Mechanisms.Count);
            for (var m = 0; m < expected[r].Mechanisms.Count; m++)
            {
                var want = expected[r].Mechanisms[m];
                var got = actual[r].Mechanisms[m];
                Assert.Equal(want.Mechanism, got.Mechanism);
                Assert.Equal(want.Metrics.Select(metric => metric.Name), got.Metrics.Select(metric => metric.Name));
                Equal(Values(want.Metrics), Values(got.Metrics), $"replication {r} {want.Mechanism}");
            }
        }
    }

    public static void Equal(MechanismOutcome expected, MechanismOutcome actual, string what)
    {
        Equal(expected.BuyerTraded.ToArray(), actual.BuyerTraded.ToArray(), what + " buyer traded");
        Equal(expected.BuyerPayment.ToArray(), actual.BuyerPayment.ToArray(), what + " buyer payment");
        Equal(expected.SellerTraded.ToArray(), actual.SellerTraded.ToArray(), what + " seller traded");
        Equal(expected.SellerPayment.ToArray(), actual.SellerPayment.ToArray(), what + " seller payment");
        Equal([expected.BuyerLumpSum, expected.SellerLumpSum], [actual.BuyerLumpSum, actual.SellerLumpSum], what + " lump sums");
        Assert.Equal(expected.Ledger.Select(metric => metric.Name), actual.Ledger.Select(metric => metric.Name));
        Equal(Values(expected.Ledger), Values(actual.Ledger), what + " ledger");
    }

    private static double[] Values(IEnumerable<MetricValue> metrics) => metrics.Select(metric => metric.Value).ToArray();
}

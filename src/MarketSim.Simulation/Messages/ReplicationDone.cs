using MarketSim.Core.Mechanisms;
using MarketSim.Core.Replications;

namespace MarketSim.Simulation.Messages;

/// <summary>
/// Slot -> coordinator: one replication's metrics, flattened, each double as its 64 bits so the
/// coordinator gets exactly the bits the worker computed whatever the serializer does with
/// floating point (results byte-identical to a single-process run, docs/theory.md §6). Also asks for the next replication.
/// </summary>
public sealed record ReplicationDone(
    string RunId, int Replication, string[] Mechanisms, int[] MetricCounts, string[] MetricNames, long[] ValueBits)
{
    public static ReplicationDone From(string runId, ReplicationResult result)
    {
        var mechanisms = new string[result.Mechanisms.Count];
        var counts = new int[mechanisms.Length];
        var names = new List<string>();
        var bits = new List<long>();
        for (var m = 0; m < mechanisms.Length; m++)
        {
            var mechanism = result.Mechanisms[m];
            mechanisms[m] = mechanism.Mechanism;
            counts[m] = mechanism.Metrics.Count;
            foreach (var metric in mechanism.Metrics)
            {
                names.Add(metric.Name);
                bits.Add(BitConverter.DoubleToInt64Bits(metric.Value));
            }
        }

        return new ReplicationDone(runId, result.Replication, mechanisms, counts, names.ToArray(), bits.ToArray());
    }

    public ReplicationResult ToResult()
    {
        var mechanisms = new MechanismMetrics[Mechanisms.Length];
        var next = 0;
        for (var m = 0; m < mechanisms.Length; m++)
        {
            var metrics = new List<MetricValue>(MetricCounts[m]);
            for (var i = 0; i < MetricCounts[m]; i++, next++)
            {
                metrics.Add(new MetricValue(MetricNames[next], BitConverter.Int64BitsToDouble(ValueBits[next])));
            }

            mechanisms[m] = new MechanismMetrics(Mechanisms[m], metrics);
        }

        return new ReplicationResult(Replication, mechanisms);
    }
}

using MarketSim.Core.Mechanisms;
using MarketSim.Core.Replications;

namespace MarketSim.Cli.Sweep;

/// <summary>The rows of one sweep point: (mechanism, metric, value) in a fixed order.</summary>
internal sealed record SweepPointResult(int Point, double[] Values, IReadOnlyList<(string Mechanism, string Metric, double Value)> Rows)
{
    /// <summary>
    /// The point as a journal unit (the one journal of <c>run</c>, Resume/ReplicationJournal): its index and
    /// its rows, consecutive rows of one mechanism grouped. The field values are not stored: the journal
    /// header binds the design, which gives them back (<see cref="FromJournal"/>).
    /// </summary>
    public ReplicationResult ToJournal()
    {
        var mechanisms = new List<MechanismMetrics>();
        var start = 0;
        for (var i = 1; i <= Rows.Count; i++)
        {
            if (i == Rows.Count || Rows[i].Mechanism != Rows[start].Mechanism)
            {
                mechanisms.Add(new MechanismMetrics(
                    Rows[start].Mechanism, [.. Rows.Skip(start).Take(i - start).Select(row => new MetricValue(row.Metric, row.Value))]));
                start = i;
            }
        }

        return new ReplicationResult(Point, mechanisms);
    }

    /// <summary>The point a journal unit holds, its rows in their original order, at the design's <paramref name="values"/>.</summary>
    public static SweepPointResult FromJournal(ReplicationResult unit, double[] values) =>
        new(unit.Replication, values, [.. unit.Mechanisms.SelectMany(mechanism => mechanism.Metrics.Select(metric => (mechanism.Mechanism, metric.Name, metric.Value)))]);
}

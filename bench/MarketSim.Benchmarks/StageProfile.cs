using System.Diagnostics;
using System.Globalization;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Metrics;
using MarketSim.Core.Replications;

namespace MarketSim.Benchmarks;

/// <summary>
/// Stopwatch breakdown of one replication into its stages (draw, clear each mechanism, measure), the
/// profile used to find the hot path (dotnet-trace is not installed here). Median of several runs.
/// </summary>
internal static class StageProfile
{
    public static void Run(TextWriter output, int perSide, int repeats)
    {
        var model = new MarketModel(BenchmarkScenarios.UniformExample(perSide, repeats, BenchmarkScenarios.ThreeMechanisms));
        var workspace = new ReplicationWorkspace(model);
        var stages = new Dictionary<string, List<double>>();
        var clock = new Stopwatch();
        void Time(string stage, Action action)
        {
            clock.Restart();
            action();
            var seconds = clock.Elapsed.TotalSeconds;
            if (!stages.TryGetValue(stage, out var list))
            {
                stages[stage] = list = [];
            }

            list.Add(seconds);
        }

        for (var replication = 0; replication < repeats + 1; replication++)
        {
            var r = replication;
            Time("draw types", () => ReplicationRunner.DrawMarket(model, r, workspace.Market));
            Time("clear reference CE", () => ReplicationRunner.Clear(model, r, model.Reference, workspace.Market, workspace.ReferenceOutcome));
            for (var m = 0; m < model.Mechanisms.Count; m++)
            {
                var index = m;
                Time("clear " + model.Mechanisms[m].Name, () =>
                    ReplicationRunner.Clear(model, r, model.Mechanisms[index], workspace.Market, workspace.Outcomes[index]));
            }

            // As the pipeline clears: ClearAll ranks the rates once for every CE (the rows above rank alone).
            Time("clear all (ClearAll, shared ranking)", () => ReplicationRunner.ClearAll(model, r, workspace));
            var reference = new ReferenceOutcome(
                OutcomeMetrics.TotalWelfare(workspace.Market, workspace.ReferenceOutcome),
                OutcomeMetrics.TotalGainsFromTrade(workspace.Market, workspace.ReferenceOutcome));
            for (var m = 0; m < model.Mechanisms.Count; m++)
            {
                var index = m;
                Time("measure " + model.Mechanisms[m].Name, () =>
                    OutcomeMetrics.Compute(workspace.Market, workspace.Outcomes[index], reference, new List<MetricValue>()));
            }

            if (replication == 0)
            {
                stages.Clear(); // warm-up
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stage profile, {perSide:N0} agents per side, median of {repeats} replications (ms)"));
        var total = 0.0;
        foreach (var (stage, times) in stages)
        {
            var median = times.Order().ElementAt(times.Count / 2) * 1e3;
            total += stage.StartsWith("clear ", StringComparison.Ordinal) && !stage.StartsWith("clear all", StringComparison.Ordinal) ? 0 : median;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage,-32} {median,9:0.00}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"total (draw + clear all + measure)",-32} {total,9:0.00}"));
    }
}

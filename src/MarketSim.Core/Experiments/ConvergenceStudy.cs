using MarketSim.Core.Metrics;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Experiments;

/// <summary>
/// Convergence to the continuum (issue 5): the scenario's mechanisms run on markets of N_S sellers
/// for several N_S; per size and mechanism the Monte Carlo summary of welfare per seller (docs/theory.md §5)
/// and the continuum value W of docs/theory.md §1.1 it should approach. Replications are the bare loop
/// (<see cref="ReplicationRunner"/>), run in parallel into fixed slots: the same numbers whatever the
/// thread count (docs/theory.md §6; each replication's draws depend only on seed and index).
/// Sizes at which a scenario's <c>behaviour: equilibrium</c> asks for an equilibrium the solver does not
/// find (docs/theory.md §2.4) are left out: no point is drawn from reports that are not an equilibrium.
/// </summary>
public static class ConvergenceStudy
{
    public const string Metric = "welfare";

    public static IReadOnlyList<ConvergencePoint> Compute(Scenario scenario, IReadOnlyList<ConvergenceSize> sizes)
    {
        var market = scenario.Market ?? throw new ArgumentException("the convergence study needs a two-sided scenario ('market')", nameof(scenario));
        var points = new List<ConvergencePoint>();
        foreach (var size in sizes)
        {
            var model = new MarketModel(scenario with { Market = market with { Sellers = size.Sellers } });
            if (model.Equilibria.Any(pair => !pair.Equilibrium.Converged))
            {
                continue;
            }

            var results = new ReplicationResult[size.Replications];
            Parallel.For(
                0, size.Replications,
                () => new ReplicationWorkspace(model),
                (replication, _, workspace) =>
                {
                    results[replication] = ReplicationRunner.Run(model, replication, workspace);
                    return workspace;
                },
                _ => { });
            for (var i = 0; i < model.Mechanisms.Count; i++)
            {
                var name = model.Mechanisms[i].Name;
                var values = results.Select(result => result.Mechanisms[i].Metrics.First(metric => metric.Name == Metric).Value).ToArray();
                var continuum = model.ContinuumValuesOf(name).TryGetValue(Metric, out var value) ? value : double.NaN;
                points.Add(new ConvergencePoint(size.Sellers, name, MonteCarloSummary.Summarise(values), continuum));
            }
        }

        return points;
    }
}

/// <summary>A market size and how many replications to run at it.</summary>
public sealed record ConvergenceSize(int Sellers, int Replications);

/// <summary>Welfare per seller of one mechanism at one market size, with the continuum value.</summary>
public sealed record ConvergencePoint(int Sellers, string Mechanism, SummaryStatistics Welfare, double ContinuumWelfare);

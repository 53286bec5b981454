using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Metrics;
using MarketSim.Core.Random;

namespace MarketSim.Core.Replications;

/// <summary>
/// One replication as pure functions: draw the market, clear every mechanism on the same reports,
/// measure. The actor pipeline calls the same three steps (traders draw, clearinghouse clears,
/// metrics actor measures); the bare loop calls <see cref="Run"/>. Both give identical results.
/// Mechanisms with their own populations run beside the market (<see cref="IStandaloneMechanism"/>);
/// <see cref="Combine"/> puts every mechanism's metrics back in scenario order.
/// </summary>
public static class ReplicationRunner
{
    /// <summary>Draws every agent of both sides in one block, straight into the market's arrays.</summary>
    public static void DrawMarket(MarketModel model, int replication, MarketInstance market)
    {
        DrawSide(model, replication, market.Buyers);
        DrawSide(model, replication, market.Sellers);
    }

    private static void DrawSide(MarketModel model, int replication, SidePopulation population)
    {
        PopulationSampler.Draw(
            model.LawOf(population.Side), model.Seed, replication, population.Side, 0, population.ValueOfGood, population.ValueOfMoney);
        population.ComputeRates(0, population.Count);
    }

    /// <summary>The lottery stream of one mechanism in one replication (docs/theory.md §6).</summary>
    public static RandomStream LotteryStream(MarketModel model, int replication, string mechanism) =>
        new(StreamKey.ForPurpose(model.Seed, replication, "lottery:" + mechanism));

    /// <summary>Clears the reference CE and every mechanism on the workspace's market.</summary>
    public static void ClearAll(MarketModel model, int replication, ReplicationWorkspace workspace)
    {
        if (!model.HasTwoSidedMarket)
        {
            return;
        }

        // The reference CE and every CE mechanism rank the same rates: rank once (same order, docs/theory.md §2).
        workspace.RateRanking.Invalidate();
        workspace.Market.SharedRateRanking = workspace.RateRanking;
        try
        {
            if (!workspace.ReferenceIsListedCompetitiveEquilibrium)
            {
                Clear(model, replication, model.Reference, workspace.Market, workspace.ReferenceOutcome);
            }

            for (var i = 0; i < model.Mechanisms.Count; i++)
            {
                Clear(model, replication, model.Mechanisms[i], workspace.Market, workspace.Outcomes[i]);
            }
        }
        finally
        {
            workspace.Market.SharedRateRanking = null;
        }
    }

    /// <summary>Clears one mechanism with its own lottery stream.</summary>
    public static void Clear(
        MarketModel model, int replication, ITwoSidedMechanism mechanism, MarketInstance market, MechanismOutcome outcome)
    {
        outcome.Reset(market.Buyers.Count, market.Sellers.Count);
        var lottery = LotteryStream(model, replication, mechanism.Name);
        mechanism.Clear(market, ref lottery, outcome);
    }

    /// <summary>The metrics of every mechanism, measured against the reference CE on the same draws.</summary>
    public static ReplicationResult Measure(MarketModel model, int replication, ReplicationWorkspace workspace)
    {
        if (!model.HasTwoSidedMarket)
        {
            return new ReplicationResult(replication, []);
        }

        var market = workspace.Market;
        var reference = new ReferenceOutcome(
            OutcomeMetrics.TotalWelfare(market, workspace.ReferenceOutcome),
            OutcomeMetrics.TotalGainsFromTrade(market, workspace.ReferenceOutcome));
        var mechanisms = new MechanismMetrics[model.Mechanisms.Count];
        for (var i = 0; i < mechanisms.Length; i++)
        {
            var metrics = new List<MetricValue>();
            OutcomeMetrics.Compute(market, workspace.Outcomes[i], reference, metrics);
            mechanisms[i] = new MechanismMetrics(model.Mechanisms[i].Name, metrics);
        }

        return new ReplicationResult(replication, mechanisms);
    }

    /// <summary>The bare in-process loop for one replication (no actors).</summary>
    public static ReplicationResult Run(MarketModel model, int replication, ReplicationWorkspace workspace)
    {
        var twoSided = new ReplicationResult(replication, []);
        if (model.HasTwoSidedMarket)
        {
            DrawMarket(model, replication, workspace.Market);
            ClearAll(model, replication, workspace);
            twoSided = Measure(model, replication, workspace);
        }

        var standalone = model.Standalone
            .Select(mechanism => new MechanismMetrics(mechanism.Name, mechanism.Run(model.Seed, replication)))
            .ToArray();
        return Combine(model, twoSided, standalone);
    }

    /// <summary>
    /// The two-sided metrics (<see cref="Measure"/>) and those of the mechanisms with their own
    /// populations, in scenario order: the output lists mechanisms as the scenario does.
    /// </summary>
    public static ReplicationResult Combine(MarketModel model, ReplicationResult twoSided, IReadOnlyList<MechanismMetrics> standalone)
    {
        ArgumentNullException.ThrowIfNull(twoSided);
        ArgumentNullException.ThrowIfNull(standalone);
        if (standalone.Count == 0)
        {
            return twoSided;
        }

        var byName = twoSided.Mechanisms.Concat(standalone).ToDictionary(metrics => metrics.Mechanism, StringComparer.Ordinal);
        var ordered = model.Scenario.Mechanisms.Select(spec => byName[spec.Label]).ToArray();
        return new ReplicationResult(twoSided.Replication, ordered);
    }
}

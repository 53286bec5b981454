using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Stress.Entry;

namespace MarketSim.Core.Stress;

/// <summary>
/// The finite-population stress test behind <c>stress</c> (docs/theory.md §2.1, docs/budget-balance.md): for
/// every size N_S the scenario's two-sided mechanisms, each with its own lump-sum policy
/// (<see cref="StressScenario.ForSize"/>), are replicated, folded into the rows of stress.csv
/// (<see cref="StressAnalysis"/>) beside their exact finite-market values (<see cref="StressTheory"/>), and
/// the safety margins' scaling in N is fitted per mechanism (<see cref="MarginScaling"/>; theory: b = -1/2,
/// 000's budget surplus fluctuates like sqrt(N)/N). The replications are run by the caller's
/// <c>simulate</c> (the actor pipeline of <c>run</c>), so the study itself stays pure.
/// </summary>
public static class StressStudy
{
    /// <summary>Seller-replications per size when no count is given: R(N) = clamp(2e7 / N, 200, 4000).</summary>
    public const double DefaultSellerReplications = 2e7;

    /// <summary>
    /// 4000 replications up to N = 5000 (the 5% quantile's order-statistic interval spans about
    /// +-0.2 sd of the surplus, the 1% quantile's about +-0.3 sd), then a constant budget of 2e7
    /// seller-replications per size (2000 at 10^4, 200 at 10^5, where the 1% quantile has no lower
    /// bound): the default sizes run in about two to three minutes on two cores.
    /// </summary>
    public static int DefaultReplications(int sellers) =>
        (int)Math.Clamp(Math.Round(DefaultSellerReplications / sellers), 200, 4000);

    /// <summary>
    /// Runs the sizes in the given order. <paramref name="replications"/> null = <see cref="DefaultReplications"/>
    /// per size; <paramref name="simulate"/> runs a model's replications 0 .. count-1; <paramref name="sizeDone"/>
    /// hears (N_S, replications) after each size.
    /// </summary>
    public static async Task<StressStudyResult> RunAsync(
        Scenario scenario,
        IReadOnlyList<int> sizes,
        int? replications,
        double maxDeficitProbability,
        Func<MarketModel, int, CancellationToken, Task<IReadOnlyList<ReplicationResult>>> simulate,
        Action<int, int>? sizeDone = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(simulate);
        var rows = new List<StressRow>();
        var theoryRows = new List<StressRow>();
        var totalReplications = 0;
        foreach (var sellers in sizes)
        {
            var count = replications ?? DefaultReplications(sellers);
            // Each mechanism runs with its own lumpSum: a realized one never has a deficit, a promised one may.
            var model = new MarketModel(StressScenario.ForSize(scenario, sellers, policy: null) with { Replications = count });
            var results = await simulate(model, count, cancellationToken);
            rows.AddRange(StressAnalysis.Analyse(model, results, maxDeficitProbability));
            theoryRows.AddRange(StressTheory.Of(model, maxDeficitProbability));
            totalReplications += count;
            sizeDone?.Invoke(sellers, count);
        }

        return new StressStudyResult(rows, theoryRows, FitMargins(rows), totalReplications);
    }

    /// <summary>log(safety margin per agent) against log(N_S), one fit per mechanism in the rows' order.</summary>
    public static IReadOnlyList<MarginScaling> FitMargins(IReadOnlyList<StressRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Select(row => row.Mechanism).Distinct()
            .Select(mechanism => MarginScaling.Fit(
                mechanism,
                rows.Where(row => row.Mechanism == mechanism && row.Metric == StressMetrics.SafetyMarginPerAgent)
                    .Select(row => (row.Sellers, row.Value)).ToArray()))
            .ToArray();
    }

    /// <summary>
    /// The "No Free Lunch" entry dynamics (000 Section 6, <see cref="EntryDynamics"/>) on the scenario's own
    /// market, every lump sum promised (the designer keeps the announcement).
    /// </summary>
    public static IReadOnlyList<EntryRound> Entry(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var market = scenario.Market ?? throw new ArgumentException("the entry dynamics need a two-sided market ('market')", nameof(scenario));
        var entry = scenario.Entry ?? throw new ArgumentException("the entry dynamics need an 'entry' block", nameof(scenario));
        return EntryDynamics.Run(new MarketModel(StressScenario.ForSize(scenario, market.Sellers, LumpSumPolicy.Promised)), entry);
    }

    /// <summary>
    /// The lump-sum policy of each mechanism that has one, by label (CE, price controls and the solver's
    /// optimum without lump sums have none): what each mechanism runs with in the study.
    /// </summary>
    public static IReadOnlyDictionary<string, LumpSumPolicy> LumpSumPolicies(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Mechanisms
            .Select(spec => (spec.Label, Policy: spec switch
            {
                PriceWedgeSpec wedge => (LumpSumPolicy?)wedge.LumpSum,
                MenuSpec menu => menu.LumpSum,
                OptimalSpec { LumpSumsAllowed: true } optimal => optimal.LumpSum,
                _ => null,
            }))
            .Where(entry => entry.Policy is not null)
            .ToDictionary(entry => entry.Label, entry => entry.Policy!.Value);
    }
}

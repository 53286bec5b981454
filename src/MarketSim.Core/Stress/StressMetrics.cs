namespace MarketSim.Core.Stress;

/// <summary>The metric names of stress.csv (per mechanism and population size), documented in docs/budget-balance.md.</summary>
public static class StressMetrics
{
    /// <summary>Share of replications with a budget deficit (docs/theory.md §5 `deficit`), Clopper-Pearson interval.</summary>
    public const string DeficitProbability = "deficit_probability";

    /// <summary>Mean of -budget_surplus per seller over the replications in deficit (t interval; n = deficits).</summary>
    public const string ExpectedShortfall = "expected_shortfall";

    /// <summary>Mean budget surplus per seller (t interval).</summary>
    public const string BudgetSurplusMean = "budget_surplus_mean";

    /// <summary>1% and 5% quantiles of the budget surplus per seller (order-statistic intervals).</summary>
    public const string BudgetSurplusQuantile01 = "budget_surplus_q01";
    public const string BudgetSurplusQuantile05 = "budget_surplus_q05";

    /// <summary>Promised lump sum per agent of the recipient side (the continuum value; 0 without one).</summary>
    public const string LumpSumPromised = "lump_sum_promised";

    /// <summary>See <see cref="SafetyMargin"/>: cut of the lump sum per recipient agent.</summary>
    public const string SafetyMarginPerAgent = "safety_margin";

    /// <summary>Broken sure-trade promises / sure-option choosers per replication (mean, t interval).</summary>
    public const string BrokenPromiseRate = "broken_promise_rate";

    /// <summary>Welfare per seller minus the continuum welfare of the mechanism (mean, t interval).</summary>
    public const string WelfareGap = "welfare_gap";

    /// <summary>Per option: <c>{side}_option_{k}_promised_probability</c>, <c>_realized_probability</c>, <c>_broken_promise_rate</c>.</summary>
    public const string OptionBrokenPromiseRate = "broken_promise_rate";
}

using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Replications;

namespace MarketSim.Core.Stress;

/// <summary>
/// The exact finite-market counterparts of the stress measures (docs/finite-markets.md), drawn by
/// <c>stress</c> as theory curves next to its Monte Carlo points and written to stress-theory.csv:
/// for every posted mechanism (wedges, price controls, menus of up to 3 options a side) the deficit
/// probability, the 5% quantile of the budget surplus and the safety margin from the exact law of
/// the budget surplus (FiniteSurplusLaw, docs/theory.md §2.2; beyond its budget the normal
/// approximation with the exact mean and variance; no rows beyond N_S = 10^5), and the expected budget
/// surplus and the welfare gap E[welfare] - continuum welfare.
/// Rows have no interval (low = high = value) and n = 0.
/// </summary>
public static class StressTheory
{
    public static IReadOnlyList<StressRow> Of(MarketModel model, double maxDeficitProbability)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rows = new List<StressRow>();
        foreach (var mechanism in model.Mechanisms.OfType<MenuMechanism>())
        {
            var finite = mechanism.Finite(model.Continuum, model.BuyerCount, model.SellerCount);
            void Add(string metric, double value)
            {
                if (double.IsFinite(value))
                {
                    rows.Add(new StressRow(mechanism.Name, model.SellerCount, metric, value, value, value, 0));
                }
            }

            Add(StressMetrics.DeficitProbability, finite.DeficitProbability());
            Add(StressMetrics.BudgetSurplusQuantile05, finite.BudgetSurplusQuantile(0.05));
            Add(StressMetrics.BudgetSurplusMean, finite.Values.GetValueOrDefault(MenuLedger.BudgetSurplus, double.NaN));
            Add(StressMetrics.SafetyMarginPerAgent, finite.SafetyMargin(maxDeficitProbability));
            var continuum = mechanism.ContinuumValues(model.Continuum);
            Add(StressMetrics.WelfareGap, finite.Values.GetValueOrDefault(MenuLedger.Welfare, double.NaN) - continuum[MenuLedger.Welfare]);
        }

        return rows;
    }
}

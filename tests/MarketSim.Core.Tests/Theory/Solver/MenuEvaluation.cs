using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;

namespace MarketSim.Core.Tests.Theory.Solver;

/// <summary>
/// Test helper: what a side's menu does on the continuum, computed from the menu and the law only
/// (independent of the solver's lotteries). Each type picks its best option or no trade.
/// </summary>
internal sealed record MenuEvaluation(double Volume, double Payment, double WeightedSurplus, double IncentiveViolation, double MinimumUtility)
{
    /// <summary>Per agent of the side: expected trade, expected money paid (buyers) or received (sellers),
    /// int lambda U dG (without lump sum), and the largest gain any rate on a fine grid has from another option.</summary>
    public static MenuEvaluation Evaluate(IRateLaw law, IReadOnlyList<MenuOption> menu, bool sellers)
    {
        var options = menu.OrderByDescending(o => o.Probability).ToArray();
        int n = options.Length;
        // Single crossing: sellers with lower rates (buyers: higher) take higher probabilities.
        // cutoffs[k] = indifference rate between option k and k+1 (the last: option n-1 vs no trade).
        var cutoffs = new double[n];
        for (int k = 0; k < n; k++)
        {
            if (k == n - 1) cutoffs[k] = options[k].Price;
            else
                cutoffs[k] = (options[k].Probability * options[k].Price - options[k + 1].Probability * options[k + 1].Price)
                             / (options[k].Probability - options[k + 1].Probability);
        }

        double volume = 0.0, payment = 0.0, surplus = 0.0;
        double previous = sellers ? law.Lower : law.Upper;
        for (int k = 0; k < n; k++)
        {
            double from = previous, to = Math.Clamp(cutoffs[k], law.Lower, law.Upper);
            if (sellers ? to < from : to > from) to = from; // an option nobody picks
            double mass = Math.Abs(law.Cdf(to) - law.Cdf(from));
            double weight = Math.Abs(law.WeightBelow(to) - law.WeightBelow(from));
            double weightedRate = Math.Abs(WeightedRateBelow(law, to) - WeightedRateBelow(law, from));
            double x = options[k].Probability, p = options[k].Price;
            volume += x * mass;
            payment += x * p * mass;
            surplus += sellers ? x * (p * weight - weightedRate) : x * (weightedRate - p * weight);
            previous = to;
        }

        double violation = 0.0, minimum = double.PositiveInfinity;
        const int gridPoints = 20001;
        for (int i = 0; i < gridPoints; i++)
        {
            double rate = law.Lower + (law.Upper - law.Lower) * i / (gridPoints - 1);
            double best = 0.0, assigned = 0.0;
            int chosen = -1;
            for (int k = 0; k < n; k++)
            {
                double utility = options[k].Probability * (sellers ? options[k].Price - rate : rate - options[k].Price);
                best = Math.Max(best, utility);
                bool inInterval = sellers ? rate <= cutoffs[k] : rate >= cutoffs[k];
                if (chosen < 0 && inInterval) { chosen = k; assigned = utility; }
            }
            violation = Math.Max(violation, best - assigned);
            minimum = Math.Min(minimum, assigned);
        }
        return new MenuEvaluation(volume, payment, surplus, violation, minimum);
    }

    // int_{r}^{rate} lambda tau dG = rate WeightBelow(rate) - SellerSurplus(rate) (integration by parts).
    private static double WeightedRateBelow(IRateLaw law, double rate) => rate * law.WeightBelow(rate) - law.SellerSurplus(rate);
}

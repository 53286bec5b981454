namespace MarketSim.Core.Theory.Solver;

/// <summary>
/// Turns a grid lottery into atoms evaluated exactly on the law. Atoms at adjacent interior grid points are
/// the grid's picture of one continuum atom between them (the budget-binding mix lands there), so they are
/// merged into one atom at their weighted mean quantity: market clearing (linear in q) is kept exactly,
/// the budget moves by O(spacing^2 * psi'') (about 1e-7 at the default grid), and the menu gets no
/// spurious near-duplicate option.
/// </summary>
internal static class ExactAtoms
{
    public readonly record struct Atom(double Quantity, double CutoffRate, double Surplus, double Payment, double Weight);

    public static Atom[] Build(DualProblem problem, LotteryPoint[] lottery, IRateLaw law, bool sellers)
    {
        SideQuantityBlocks blocks = sellers ? problem.Sellers : problem.Buyers;
        int last = problem.Quantities.Length - 1;
        var ordered = lottery.OrderBy(p => p.GridIndex).ToArray();
        var atoms = new List<Atom>(ordered.Length);
        int start = 0;
        while (start < ordered.Length)
        {
            int end = start;
            while (end + 1 < ordered.Length
                   && ordered[end + 1].GridIndex == ordered[end].GridIndex + 1
                   && ordered[end].GridIndex > 0 && ordered[end + 1].GridIndex < last)
                end++;
            if (end == start)
            {
                int index = ordered[start].GridIndex;
                atoms.Add(new Atom(problem.Quantities[index], blocks.CutoffRate[index], blocks.Surplus[index], blocks.Payment[index], ordered[start].Weight));
            }
            else
            {
                double weight = 0.0, moment = 0.0;
                for (int k = start; k <= end; k++)
                {
                    weight += ordered[k].Weight;
                    moment += ordered[k].Weight * problem.Quantities[ordered[k].GridIndex];
                }
                double quantity = moment / weight;
                double cutoff = sellers ? law.Quantile(quantity) : law.Quantile(1.0 - quantity);
                double surplus = sellers ? law.SellerSurplus(cutoff) : law.BuyerSurplus(cutoff);
                atoms.Add(new Atom(quantity, cutoff, surplus, quantity * cutoff, weight));
            }
            start = end + 1;
        }
        return atoms.ToArray();
    }
}

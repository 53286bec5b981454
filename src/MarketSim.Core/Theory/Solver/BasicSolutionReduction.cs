using MathNet.Numerics.LinearAlgebra;

namespace MarketSim.Core.Theory.Solver;

/// <summary>
/// Reduces optimal lotteries to a basic solution (001 B.5-B.9): with rows "seller weights sum to 1",
/// "buyer weights sum to 1", market clearing E_{H_S}[q] = mu E_{H_B}[q] and, when it binds, the budget
/// mu E_{H_B}[psi_B] = E_{H_S}[psi_S], a basic solution has at most as many atoms as binding rows:
/// <= 4 in total (so <= 3 per side), <= 3 while the budget is slack (revenue paid as a lump sum).
/// Moving along a null-space direction of the binding rows keeps feasibility, and keeps the Lagrangian
/// value because the starting point maximises it (both directions are feasible).
/// </summary>
internal static class BasicSolutionReduction
{
    private const double ZeroWeight = 1e-13;

    public static (LotteryPoint[] Sellers, LotteryPoint[] Buyers) Reduce(
        DualProblem problem, double multiplier, LotteryPoint[] sellers, LotteryPoint[] buyers, bool budgetBinding)
    {
        var points = new List<(bool IsSeller, int GridIndex, double Weight)>();
        foreach (LotteryPoint p in Merge(sellers)) points.Add((true, p.GridIndex, p.Weight));
        foreach (LotteryPoint p in Merge(buyers)) points.Add((false, p.GridIndex, p.Weight));

        double mu = problem.BuyersPerSeller;
        for (int guard = 0; guard < 32; guard++)
        {
            int rows = budgetBinding ? 4 : 3;
            int count = points.Count;
            if (count <= rows) break;
            var constraints = Matrix<double>.Build.Dense(rows, count);
            var objective = new double[count];
            var revenueRow = new double[count];
            double revenue = 0.0;
            for (int k = 0; k < count; k++)
            {
                (bool isSeller, int index, double weight) = points[k];
                double q = problem.Quantities[index];
                if (isSeller)
                {
                    constraints[0, k] = 1.0;
                    constraints[2, k] = q;
                    revenueRow[k] = -problem.Sellers.Payment[index];
                    objective[k] = problem.Sellers.Surplus[index] - multiplier * problem.Sellers.Payment[index];
                }
                else
                {
                    constraints[1, k] = 1.0;
                    constraints[2, k] = -mu * q;
                    revenueRow[k] = mu * problem.Buyers.Payment[index];
                    objective[k] = mu * (problem.Buyers.Surplus[index] + multiplier * problem.Buyers.Payment[index]);
                }
                if (budgetBinding) constraints[3, k] = revenueRow[k];
                revenue += weight * revenueRow[k];
            }

            Vector<double>[] kernel = constraints.Kernel();
            if (kernel.Length == 0) break;
            Vector<double> direction = kernel[0];
            double objectiveSlope = 0.0;
            for (int k = 0; k < count; k++) objectiveSlope += objective[k] * direction[k];
            if (objectiveSlope < 0.0) direction = -direction;

            double step = double.PositiveInfinity;
            int blocking = -1;
            for (int k = 0; k < count; k++)
            {
                if (direction[k] < 0.0 && points[k].Weight / -direction[k] < step)
                {
                    step = points[k].Weight / -direction[k];
                    blocking = k;
                }
            }
            bool revenueBlocks = false;
            if (!budgetBinding)
            {
                double revenueSlope = 0.0;
                for (int k = 0; k < count; k++) revenueSlope += revenueRow[k] * direction[k];
                if (revenueSlope < 0.0 && Math.Max(revenue, 0.0) / -revenueSlope < step)
                {
                    step = Math.Max(revenue, 0.0) / -revenueSlope;
                    revenueBlocks = true;
                }
            }
            if (double.IsInfinity(step)) break;

            for (int k = 0; k < count; k++)
            {
                double weight = points[k].Weight + step * direction[k];
                if (!revenueBlocks && k == blocking) weight = 0.0;
                points[k] = (points[k].IsSeller, points[k].GridIndex, weight);
            }
            points.RemoveAll(p => p.Weight <= ZeroWeight);
            if (revenueBlocks) budgetBinding = true;
        }

        return (Normalise(points, true), Normalise(points, false));
    }

    private static IEnumerable<LotteryPoint> Merge(LotteryPoint[] lottery) =>
        lottery.GroupBy(p => p.GridIndex)
            .Select(g => new LotteryPoint(g.Key, g.Sum(p => p.Weight)))
            .Where(p => p.Weight > ZeroWeight)
            .OrderBy(p => p.GridIndex);

    private static LotteryPoint[] Normalise(List<(bool IsSeller, int GridIndex, double Weight)> points, bool sellers)
    {
        var side = points.Where(p => p.IsSeller == sellers).OrderBy(p => p.GridIndex).ToArray();
        double total = side.Sum(p => p.Weight);
        return side.Select(p => new LotteryPoint(p.GridIndex, p.Weight / total)).ToArray();
    }
}

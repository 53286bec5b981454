using Google.OrTools.LinearSolver;
using MarketSim.Core.Agents;
using MarketSim.Core.OneSided;
using MarketSim.Core.Tests.Theory.Solver.LinearProgram;
using LinearSolver = Google.OrTools.LinearSolver.Solver;

namespace MarketSim.Core.Tests.OneSided;

/// <summary>
/// Independent check of <see cref="OneSidedSolver"/>: the one-sided problem as a linear program in the
/// step mechanism (X_k, T_k) per equal-mass cell, solved by GLOP, with the cells of
/// <see cref="DiscretisedDesignerProblem"/> (exact cell integrals of lambda and lambda r). No cut-offs,
/// no hulls, no multiplier. Rows as there: monotone X, IC at adjacent cells' common rate both ways,
/// IR at the worst type (its slack is the lump sum); plus sum X m = Q and the budget
/// (sellers: sum T m &lt;= R; buyers: sum T m &gt;= R). The optimum is a lower bound on the continuum one,
/// short of it by O(1/cells^2).
/// </summary>
internal static class OneSidedLinearProgram
{
    public static double Welfare(OneSidedProblem problem, int cells)
    {
        var law = problem.Law;
        var cell = DiscretisedDesignerProblem.Cells.Create(law, cells);
        var sellers = problem.Side == Side.Sellers;
        using var solver = LinearSolver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is unavailable");
        var infinity = double.PositiveInfinity;
        var quantity = solver.MakeNumVarArray(cells, 0.0, 1.0, "X");
        var transfer = solver.MakeNumVarArray(cells, -infinity, infinity, "T");
        var objective = solver.Objective();
        for (var k = 0; k < cells; k++)
        {
            // Sellers: lambda (T - X r); buyers: lambda (X r - T).
            objective.SetCoefficient(transfer[k], sellers ? cell.Weight[k] : -cell.Weight[k]);
            objective.SetCoefficient(quantity[k], sellers ? -cell.WeightedRate[k] : cell.WeightedRate[k]);
        }

        objective.SetMaximization();
        for (var k = 0; k + 1 < cells; k++)
        {
            var c = cell.Boundary[k + 1];
            if (sellers)
            {
                Row(solver, 0.0, infinity, (quantity[k], 1.0), (quantity[k + 1], -1.0));
                Row(solver, 0.0, 0.0, (transfer[k], 1.0), (quantity[k], -c), (transfer[k + 1], -1.0), (quantity[k + 1], c));
            }
            else
            {
                Row(solver, 0.0, infinity, (quantity[k + 1], 1.0), (quantity[k], -1.0));
                Row(solver, 0.0, 0.0, (quantity[k], c), (transfer[k], -1.0), (quantity[k + 1], -c), (transfer[k + 1], 1.0));
            }
        }

        var last = cells - 1;
        if (sellers)
        {
            Row(solver, 0.0, infinity, (transfer[last], 1.0), (quantity[last], -law.Upper));
        }
        else
        {
            Row(solver, 0.0, infinity, (quantity[0], law.Lower), (transfer[0], -1.0));
        }

        var volume = solver.MakeConstraint(problem.Quantity, problem.Quantity, "quantity");
        var budget = sellers ? solver.MakeConstraint(-infinity, problem.Revenue, "budget") : solver.MakeConstraint(problem.Revenue, infinity, "budget");
        for (var k = 0; k < cells; k++)
        {
            volume.SetCoefficient(quantity[k], cell.Mass[k]);
            budget.SetCoefficient(transfer[k], cell.Mass[k]);
        }

        var status = solver.Solve();
        return status == LinearSolver.ResultStatus.OPTIMAL ? objective.Value() : throw new InvalidOperationException($"GLOP returned {status}");
    }

    private static void Row(LinearSolver solver, double lower, double upper, params (Variable Variable, double Coefficient)[] terms)
    {
        var row = solver.MakeConstraint(lower, upper);
        foreach (var (variable, coefficient) in terms)
        {
            row.SetCoefficient(variable, coefficient);
        }
    }
}

namespace MarketSim.Core.Theory.Solver;

/// <summary>
/// A maximiser of the Lagrangian at multiplier a (docs/theory.md §1.3): the lotteries H_S, H_B, the dual value
/// D(a) = Welfare + a Revenue, the gross welfare E_{H_S}[W_S] + mu E_{H_B}[W_B], the budget surplus
/// Rev = mu E_{H_B}[psi_B] - E_{H_S}[psi_S] (a subgradient of D) and the volume E_{H_S}[q].
/// </summary>
internal sealed record LagrangianMaximum(
    double Multiplier,
    double DualValue,
    double Welfare,
    double Revenue,
    double Volume,
    LotteryPoint[] Sellers,
    LotteryPoint[] Buyers);

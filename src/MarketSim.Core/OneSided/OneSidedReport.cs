using MarketSim.Core.Agents;
using MarketSim.Core.Laws;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;
using MarketSim.Core.Theory.Diagnostics;

namespace MarketSim.Core.OneSided;

/// <summary>
/// The <c>solve --json</c> record of a scenario's <c>oneSided</c> problem; camelCase it reads
/// <c>{ side, quantity, revenue, class, options: [ { probability, payment, price } ], lumpSum, welfare,
/// multiplier, competitivePrice, sameSideInequality }</c>. Options: the most eager agents' first.
/// </summary>
public sealed record OneSidedReport(
    string Side,
    double Quantity,
    double Revenue,
    string Class,
    IReadOnlyList<OneSidedOption> Options,
    double LumpSum,
    double Welfare,
    double Multiplier,
    double CompetitivePrice,
    string SameSideInequality)
{
    /// <summary>Solves <paramref name="spec"/> on <paramref name="law"/> (ArgumentException names quantity or revenue).</summary>
    public static OneSidedReport Solve(OneSidedSpec spec, SideLawSpec law)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rates = RateLawFactory.Create(law);
        var solution = OneSidedSolver.Solve(new OneSidedProblem(spec.Side, rates, spec.Quantity, spec.Revenue));
        return new OneSidedReport(
            spec.Side == MarketSim.Core.Side.Sellers ? "sellers" : "buyers",
            spec.Quantity,
            spec.Revenue,
            solution.Class switch
            {
                OneSidedMechanismClass.CompetitivePrice => "competitive-price",
                OneSidedMechanismClass.RationingAtSinglePrice => "rationing-at-single-price",
                OneSidedMechanismClass.TwoPrices => "two-prices",
                _ => "several-prices",
            },
            solution.Options,
            solution.LumpSum,
            solution.Welfare,
            solution.Multiplier,
            solution.CompetitivePrice,
            InequalityMeasures.Classify(rates).ToString().ToLowerInvariant());
    }
}

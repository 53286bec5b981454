using MarketSim.Core.Mechanisms;
using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.MultiObject;
using MarketSim.Core.OneSided;
using MarketSim.Core.RedistributiveAuctions;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.Diagnostics;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Solutions;

/// <summary>
/// The one entry point to the continuum theory of a scenario (what <c>solve</c>, <c>solve --json</c> and
/// <c>sweep</c> print): the market diagnostics (docs/theory.md §1.3, "Diagnostics"), the solver's optimum
/// for <c>optimal</c> and <c>optimal-no-lump-sum</c> (§1.3), the continuum values of CE and of the given
/// menus (§1.2, §1.5), the exact threshold mechanism of a multi-object entry (§3) and the solved auction
/// (§4). Each mechanism is solved exactly once; nothing is simulated.
/// </summary>
public static class ScenarioTheory
{
    public static ScenarioSolution Solve(Scenario scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ContinuumMarket? continuum = null;
        MarketDiagnostics? diagnostics = null;
        if (scenario.Mechanisms.Any(MechanismFactory.IsTwoSided))
        {
            continuum = MarketModel.ContinuumOf(scenario, cancellationToken);
            diagnostics = MarketDiagnosis.Compute(continuum);
        }

        var mechanisms = scenario.Mechanisms.Select(spec => spec switch
        {
            MultiObjectThresholdSpec multiObject => MultiObjectSolution.FromSpec(multiObject),
            RedistributiveAuctionSpec auction => RedistributiveAuctionSolver.Solve(auction),
            _ => TwoSided(spec, continuum!, cancellationToken),
        }).ToArray();
        var oneSided = scenario.OneSided is { } problem
            ? OneSidedReport.Solve(problem, problem.Side == Side.Sellers ? scenario.Sellers! : scenario.Buyers!)
            : null;
        return new ScenarioSolution(scenario.Name, diagnostics, mechanisms, oneSided);
    }

    private static MechanismSolution TwoSided(MechanismSpec spec, ContinuumMarket market, CancellationToken cancellationToken)
    {
        switch (spec)
        {
            case CompetitiveEquilibriumSpec:
            {
                var equilibrium = ContinuumCompetitiveEquilibrium.Solve(market);
                MenuOption[] menu = [new(equilibrium.Price, 1.0)];
                return new TwoSidedSolution(
                    spec.Label, equilibrium.Welfare, equilibrium.Volume, 0.0, null, new LumpSumPerAgent(0.0, 0.0), menu, menu,
                    MechanismClass.CompetitiveEquilibrium, MechanismForm.CompetitiveEquilibrium);
            }

            case OptimalSpec optimal:
            {
                var solution = OptimalMechanismSolver.Solve(market, optimal.LumpSumsAllowed, cancellationToken: cancellationToken);
                return new TwoSidedSolution(
                    spec.Label, solution.Welfare, solution.Volume, solution.Revenue, solution.Multiplier, solution.LumpSum,
                    solution.BuyerMenu, solution.SellerMenu, solution.MechanismClass.Name, solution.MechanismClass.Form);
            }

            default:
            {
                var mechanism = (MenuMechanism)MechanismFactory.Create(spec, market);
                var values = mechanism.ContinuumValues(market);
                return new TwoSidedSolution(
                    spec.Label, values["welfare"], values["volume"], values["revenue"], null,
                    new LumpSumPerAgent(values["lump_sum_buyers"], values["lump_sum_sellers"]),
                    mechanism.Buyers.Options, mechanism.Sellers.Options, null);
            }
        }
    }
}

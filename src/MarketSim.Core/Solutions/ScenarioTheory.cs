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
/// (§4). Each mechanism is solved exactly once; nothing is simulated. Given a <see cref="MarketModel"/> that is
/// already built (and so solved), the theory is read off it without solving again.
/// </summary>
public static class ScenarioTheory
{
    public static ScenarioSolution Solve(Scenario scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var continuum = scenario.Mechanisms.Any(MechanismFactory.IsTwoSided) ? MarketModel.ContinuumOf(scenario, cancellationToken) : null;
        return Assemble(scenario, continuum, spec => spec switch
        {
            MultiObjectThresholdSpec multiObject => MultiObjectSolution.FromSpec(multiObject),
            RedistributiveAuctionSpec auction => RedistributiveAuctionSolver.Solve(auction),
            CompetitiveEquilibriumSpec or TradeReductionSpec => CompetitiveEquilibrium(spec, continuum!),
            OptimalSpec optimal => Optimal(spec, OptimalMechanismSolver.Solve(continuum!, optimal.LumpSumsAllowed, cancellationToken: cancellationToken)),
            _ => Menu(spec, (MenuMechanism)MechanismFactory.Create(spec, continuum!), continuum!),
        });
    }

    /// <summary>
    /// The same theory read off a model that is already built (<c>sweep --simulate</c> simulates the model
    /// too): the model's continuum, the solver's optima it kept (<see cref="MarketModel.OptimalSolutions"/>),
    /// its menus and its solved standalone mechanisms. Nothing is solved a second time; the numbers are
    /// those of <see cref="Solve(Scenario, CancellationToken)"/>.
    /// </summary>
    public static ScenarioSolution Solve(MarketModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var scenario = model.Scenario;
        var continuum = model.HasTwoSidedMarket ? model.Continuum : null;
        // A scenario's labels are unique; the model keeps each kind of mechanism in scenario order.
        var built = scenario.Mechanisms.Where(MechanismFactory.IsTwoSided).Zip(model.Mechanisms)
            .ToDictionary(pair => pair.First.Label, pair => pair.Second);
        var standalone = scenario.Mechanisms.Where(StandaloneMechanismFactory.IsStandalone).Zip(model.Standalone)
            .ToDictionary(pair => pair.First.Label, pair => pair.Second);
        return Assemble(scenario, continuum, spec => spec switch
        {
            MultiObjectThresholdSpec => MultiObject(spec, (MultiObjectSimulation)standalone[spec.Label]),
            RedistributiveAuctionSpec => ((RedistributiveAuctionMechanism)standalone[spec.Label]).Auction.ToSolution(spec.Label),
            CompetitiveEquilibriumSpec or TradeReductionSpec => CompetitiveEquilibrium(spec, continuum!),
            OptimalSpec => Optimal(spec, model.OptimalSolutions[spec.Label]),
            _ => Menu(spec, (MenuMechanism)built[spec.Label], continuum!),
        });
    }

    /// <summary>The diagnostics of the two-sided market (when there is one), then each mechanism's record in scenario order.</summary>
    private static ScenarioSolution Assemble(Scenario scenario, ContinuumMarket? continuum, Func<MechanismSpec, MechanismSolution> solve)
    {
        var diagnostics = continuum is null ? null : MarketDiagnosis.Compute(continuum);
        var mechanisms = scenario.Mechanisms.Select(solve).ToArray();
        var oneSided = scenario.OneSided is { } problem
            ? OneSidedReport.Solve(problem, problem.Side == Side.Sellers ? scenario.Sellers! : scenario.Buyers!)
            : null;
        return new ScenarioSolution(scenario.Name, diagnostics, mechanisms, oneSided);
    }

    /// <summary>
    /// CE in the continuum; also trade reduction's limit (one trade in N is lost, docs/theory.md §2.3), so
    /// its row is CE's, under its own label.
    /// </summary>
    private static TwoSidedSolution CompetitiveEquilibrium(MechanismSpec spec, ContinuumMarket market)
    {
        var equilibrium = ContinuumCompetitiveEquilibrium.Solve(market);
        MenuOption[] menu = [new(equilibrium.Price, 1.0)];
        return new TwoSidedSolution(
            spec.Label, equilibrium.Welfare, equilibrium.Volume, 0.0, null, new LumpSumPerAgent(0.0, 0.0), menu, menu,
            MechanismClass.CompetitiveEquilibrium, MechanismForm.CompetitiveEquilibrium);
    }

    /// <summary>As <see cref="MultiObjectSolution.FromSpec"/>, on the threshold mechanism the simulation solved.</summary>
    private static MultiObjectSolution MultiObject(MechanismSpec spec, MultiObjectSimulation simulation) =>
        MultiObjectSolution.From(spec.Label, simulation.Mechanism, ParetoFrontier.Compute(simulation.Problem));

    private static TwoSidedSolution Optimal(MechanismSpec spec, OptimalMechanismSolution solution) =>
        new(
            spec.Label, solution.Welfare, solution.Volume, solution.Revenue, solution.Multiplier, solution.LumpSum,
            solution.BuyerMenu, solution.SellerMenu, solution.MechanismClass.Name, solution.MechanismClass.Form);

    private static TwoSidedSolution Menu(MechanismSpec spec, MenuMechanism mechanism, ContinuumMarket market)
    {
        var values = mechanism.ContinuumValues(market);
        return new TwoSidedSolution(
            spec.Label, values["welfare"], values["volume"], values["revenue"], null,
            new LumpSumPerAgent(values["lump_sum_buyers"], values["lump_sum_sellers"]),
            mechanism.Buyers.Options, mechanism.Sellers.Options, null);
    }
}

using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Mechanisms.Optimal;
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
/// already built (and so solved), the theory is read off it without solving again. For <c>sweep</c>, also the
/// exact expectations of the posted mechanisms at the scenario's population (§2.2, summary.csv's theory_finite).
/// </summary>
public static class ScenarioTheory
{
    public static ScenarioSolution Solve(Scenario scenario, CancellationToken cancellationToken = default) =>
        Solve(scenario, posted: null, cancellationToken).Solution;

    /// <summary>
    /// The continuum theory (the numbers of <see cref="Solve(Scenario, CancellationToken)"/>, solved once) and
    /// the exact finite-market expectations of the scenario's posted mechanisms at its N_B and N_S
    /// (<see cref="FiniteMarket(MarketModel)"/> without building a model): what <c>sweep</c> writes per point
    /// when it does not simulate.
    /// </summary>
    public static (ScenarioSolution Solution, IReadOnlyList<MechanismFiniteValues> Finite) SolveWithFiniteMarket(
        Scenario scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var posted = new List<ITwoSidedMechanism>();
        var (solution, continuum) = Solve(scenario, posted, cancellationToken);
        if (continuum is null)
        {
            return (solution, []);
        }

        // The population a MarketModel of this scenario has (MarketModel's SellerCount and BuyerCount).
        var sellers = scenario.Market!.Sellers;
        var buyers = MarketInstance.BuyerCount(sellers, scenario.Market.BuyersPerSeller);
        return (solution, Finite(posted, mechanism => MarketModel.FiniteValuesOf(mechanism, continuum, buyers, sellers)));
    }

    /// <summary>
    /// The exact expectations at the model's N_B and N_S of each two-sided mechanism that has them
    /// (<see cref="IFiniteMarketTheory"/>: the posted mechanisms; docs/theory.md §2.2), in scenario order:
    /// <see cref="MarketModel.FiniteValuesOf"/>, the <c>theory_finite</c> column of <c>summary.csv</c>.
    /// </summary>
    public static IReadOnlyList<MechanismFiniteValues> FiniteMarket(MarketModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Finite(model.Mechanisms, mechanism => model.FiniteValuesOf(mechanism.Name));
    }

    private static MechanismFiniteValues[] Finite(
        IEnumerable<ITwoSidedMechanism> mechanisms, Func<ITwoSidedMechanism, IReadOnlyDictionary<string, double>> values) =>
        [.. mechanisms.Where(mechanism => mechanism is IFiniteMarketTheory).Select(mechanism => new MechanismFiniteValues(mechanism.Name, values(mechanism)))];

    /// <summary>
    /// Solves the scenario; the posted mechanisms it builds on the way (menus, and the solver's optima as
    /// menus where they trade) are added to <paramref name="posted"/> when it is given.
    /// </summary>
    private static (ScenarioSolution Solution, ContinuumMarket? Continuum) Solve(
        Scenario scenario, List<ITwoSidedMechanism>? posted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var continuum = scenario.Mechanisms.Any(MechanismFactory.IsTwoSided) ? MarketModel.ContinuumOf(scenario, cancellationToken) : null;
        var solution = Assemble(scenario, continuum, spec => spec switch
        {
            MultiObjectThresholdSpec multiObject => MultiObjectSolution.FromSpec(multiObject),
            RedistributiveAuctionSpec auction => RedistributiveAuctionSolver.Solve(auction),
            CompetitiveEquilibriumSpec or TradeReductionSpec => CompetitiveEquilibrium(spec, continuum!),
            OptimalSpec optimal => Optimal(spec, OptimalMechanismSolver.Solve(continuum!, optimal.LumpSumsAllowed, cancellationToken: cancellationToken), posted, continuum!),
            _ => Menu(spec, Posted((MenuMechanism)MechanismFactory.Create(spec, continuum!), posted), continuum!),
        });
        return (solution, continuum);
    }

    private static MenuMechanism Posted(MenuMechanism mechanism, List<ITwoSidedMechanism>? posted)
    {
        posted?.Add(mechanism);
        return mechanism;
    }

    /// <summary>
    /// The solver's optimum; with <paramref name="posted"/>, also its menus as the mechanism a
    /// <see cref="MarketModel"/> runs (an optimum that trades nothing has no menu to run, so no finite theory).
    /// </summary>
    private static TwoSidedSolution Optimal(MechanismSpec spec, OptimalMechanismSolution solution, List<ITwoSidedMechanism>? posted, ContinuumMarket market)
    {
        if (posted is not null && solution.BuyerMenu.Count > 0 && solution.SellerMenu.Count > 0)
        {
            posted.Add(OptimalMechanism.Create((OptimalSpec)spec, market, solution));
        }

        return Optimal(spec, solution);
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

using MarketSim.Core.Agents;
using MarketSim.Core.Laws;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Mechanisms.Optimal;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Strategic;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Replications;

/// <summary>
/// Everything about a scenario that is fixed across replications, built (and solved) once per run:
/// the two-sided market (the sides' laws, the continuum economy, the two-sided mechanisms, the
/// population sizes) when a two-sided mechanism is listed, and the mechanisms with their own
/// populations (docs/theory.md §3 pairs, docs/theory.md §4 groups).
/// </summary>
public sealed class MarketModel
{
    /// <summary>Label of the CE that every replication clears as the reference for efficiency and paired differences.</summary>
    public const string ReferenceLabel = "reference-competitive-equilibrium";

    private readonly ISideLaw? buyerLaw;
    private readonly ISideLaw? sellerLaw;
    private readonly ContinuumMarket? continuum;
    private readonly ITwoSidedMechanism? reference;
    private readonly Dictionary<string, OptimalMechanismSolution> optimalSolutions = [];

    public MarketModel(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
        Standalone = scenario.Mechanisms
            .Where(StandaloneMechanismFactory.IsStandalone)
            .Select(StandaloneMechanismFactory.Create)
            .ToArray();
        if (!scenario.Mechanisms.Any(MechanismFactory.IsTwoSided))
        {
            // docs/theory.md §3/§4 scenarios need no market: no agents are drawn and no reference CE is cleared.
            Mechanisms = [];
            return;
        }

        var market = scenario.Market ?? throw new ArgumentException("a two-sided scenario needs 'market'", nameof(scenario));
        var buyers = scenario.Buyers ?? throw new ArgumentException("a two-sided scenario needs 'buyers'", nameof(scenario));
        var sellers = scenario.Sellers ?? throw new ArgumentException("a two-sided scenario needs 'sellers'", nameof(scenario));
        HasTwoSidedMarket = true;
        SellerCount = market.Sellers;
        BuyerCount = MarketInstance.BuyerCount(market.Sellers, market.BuyersPerSeller);
        buyerLaw = SideLawFactory.Create(buyers);
        sellerLaw = SideLawFactory.Create(sellers);
        continuum = ContinuumOf(scenario);
        var mechanisms = scenario.Mechanisms
            .Where(MechanismFactory.IsTwoSided)
            .Select(spec => spec is OptimalSpec optimal ? Optimal(optimal, continuum) : MechanismFactory.Create(spec, continuum))
            .ToArray();
        Equilibria = StrategicReports.Solve(scenario, continuum, BuyerCount, SellerCount, mechanisms);
        Mechanisms = mechanisms;
        reference = MechanismFactory.Create(new CompetitiveEquilibriumSpec(ReferenceLabel), continuum);
    }

    public Scenario Scenario { get; }

    /// <summary>
    /// The solver's optimum (docs/theory.md §1.3) behind each <c>optimal</c> / <c>optimal-no-lump-sum</c>
    /// mechanism, by label: kept so that the scenario's theory (<c>ScenarioTheory.Solve(MarketModel)</c>)
    /// reads it off the model instead of solving again.
    /// </summary>
    public IReadOnlyDictionary<string, OptimalMechanismSolution> OptimalSolutions => optimalSolutions;

    /// <summary>
    /// The equilibria of the finite CE the scenario's CE mechanisms are cleared with (docs/theory.md §2.4),
    /// by mechanism label; empty when every side reports truthfully.
    /// </summary>
    public IReadOnlyList<(string Mechanism, DoubleAuctionEquilibrium Equilibrium)> Equilibria { get; } = [];

    /// <summary>The continuum economy of a two-sided scenario: the sides' rate laws G_j, lambda_j and mu (docs/theory.md §1.1).</summary>
    public static ContinuumMarket ContinuumOf(Scenario scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var market = scenario.Market ?? throw new ArgumentException("a two-sided scenario needs 'market'", nameof(scenario));
        var buyers = scenario.Buyers ?? throw new ArgumentException("a two-sided scenario needs 'buyers'", nameof(scenario));
        var sellers = scenario.Sellers ?? throw new ArgumentException("a two-sided scenario needs 'sellers'", nameof(scenario));
        return new ContinuumMarket(
            RateLawFactory.Create(buyers, cancellationToken), RateLawFactory.Create(sellers, cancellationToken), market.BuyersPerSeller);
    }

    public ulong Seed => Scenario.Seed;

    /// <summary>True when the scenario lists a two-sided mechanism; otherwise the market has no agents.</summary>
    public bool HasTwoSidedMarket { get; }

    public int SellerCount { get; }
    public int BuyerCount { get; }
    public ISideLaw BuyerLaw => buyerLaw ?? throw NoMarket();
    public ISideLaw SellerLaw => sellerLaw ?? throw NoMarket();
    public ContinuumMarket Continuum => continuum ?? throw NoMarket();

    /// <summary>The scenario's two-sided mechanisms, in scenario order (empty without a two-sided market).</summary>
    public IReadOnlyList<ITwoSidedMechanism> Mechanisms { get; }

    /// <summary>The scenario's mechanisms with their own populations, in scenario order, solved once.</summary>
    public IReadOnlyList<IStandaloneMechanism> Standalone { get; }

    /// <summary>The midpoint-rule CE cleared on every replication's draws as the reference (docs/theory.md §5).</summary>
    public ITwoSidedMechanism Reference => reference ?? throw NoMarket();

    /// <summary>
    /// The continuum values of a mechanism's metrics (the summary's `theory` column): for a two-sided
    /// mechanism with the paired difference to the continuum CE (docs/theory.md §5: welfare minus that of CE)
    /// added where welfare is known; for the others their exact expectations.
    /// </summary>
    public IReadOnlyDictionary<string, double> ContinuumValuesOf(string mechanism)
    {
        if (Standalone.FirstOrDefault(candidate => candidate.Name == mechanism) is { } standalone)
        {
            return standalone.ContinuumValues;
        }

        var values = new Dictionary<string, double>(Mechanisms.First(candidate => candidate.Name == mechanism).ContinuumValues(Continuum));
        if (values.TryGetValue("welfare", out var welfare) && !values.ContainsKey("welfare_minus_ce"))
        {
            values["welfare_minus_ce"] = welfare - Reference.ContinuumValues(Continuum)["welfare"];
        }

        return values;
    }

    /// <summary>
    /// The exact expectations of a mechanism's metrics at this scenario's N_B and N_S (the summary's
    /// `theory_finite` column, docs/theory.md §2); empty for mechanisms without a finite theory.
    /// </summary>
    public IReadOnlyDictionary<string, double> FiniteValuesOf(string mechanism) =>
        Mechanisms.FirstOrDefault(candidate => candidate.Name == mechanism) is { } twoSided
            ? FiniteValuesOf(twoSided, Continuum, BuyerCount, SellerCount)
            : new Dictionary<string, double>();

    /// <summary>
    /// The one place the finite theory is asked for (summary.csv through the instance method, sweep.csv through
    /// <c>ScenarioTheory</c>): the mechanism's exact expectations with these populations; empty without a finite theory.
    /// </summary>
    public static IReadOnlyDictionary<string, double> FiniteValuesOf(
        ITwoSidedMechanism mechanism, ContinuumMarket continuum, int buyerCount, int sellerCount) =>
        mechanism is IFiniteMarketTheory finite
            ? finite.FiniteValues(continuum, buyerCount, sellerCount)
            : new Dictionary<string, double>();

    /// <summary>The solver's menus as a mechanism, solved once here (what <see cref="MechanismFactory"/> would build).</summary>
    private ITwoSidedMechanism Optimal(OptimalSpec spec, ContinuumMarket market)
    {
        var solution = OptimalMechanismSolver.Solve(market, spec.LumpSumsAllowed);
        optimalSolutions[spec.Label] = solution;
        return OptimalMechanism.Create(spec, market, solution);
    }

    public ISideLaw LawOf(Side side) => side == Side.Buyers ? BuyerLaw : SellerLaw;

    public int CountOf(Side side) => side == Side.Buyers ? BuyerCount : SellerCount;

    private InvalidOperationException NoMarket() =>
        new($"scenario '{Scenario.Name}' lists no two-sided mechanism, so it has no two-sided market");
}

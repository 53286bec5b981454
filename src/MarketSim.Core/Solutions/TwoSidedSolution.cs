using MarketSim.Core.Mechanisms;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Solutions;

/// <summary>
/// A two-sided mechanism on the continuum market (docs/theory.md §1.1-§1.3): welfare (VAL, lump sums
/// included), volume and revenue per unit mass of sellers, the lump sum per agent of each side, and the
/// menus. <c>Multiplier</c> is the budget multiplier a* for the solver's mechanisms (null otherwise);
/// <c>Class</c> the kind of mechanism (<see cref="MechanismClass"/>) where the theory names one: CE and
/// the solver's optimum (null for a menu the scenario gives); <c>Form</c> the finer named form of the same
/// classifier (<see cref="MechanismClass.Form"/>, docs/theory.md §1.2), null likewise.
/// </summary>
public sealed record TwoSidedSolution(
    string Name,
    double Welfare,
    double Volume,
    double Revenue,
    double? Multiplier,
    LumpSumPerAgent LumpSum,
    IReadOnlyList<MenuOption> BuyerMenu,
    IReadOnlyList<MenuOption> SellerMenu,
    string? Class,
    MechanismForm? Form = null)
    : MechanismSolution(Name);

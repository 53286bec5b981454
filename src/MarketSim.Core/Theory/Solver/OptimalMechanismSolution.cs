using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Theory.Solver;

/// <summary>
/// The optimal mechanism of docs/theory.md §1.3 on the continuum market. Welfare, volume and revenue are per unit
/// mass of sellers (docs/theory.md §1.1); welfare includes the value of the lump sum (Lambda_j times its total).
/// <c>Multiplier</c> is a*, the shadow value of budget money. Menus are (price per trade, probability),
/// highest probability first; a rate that finds no option worthwhile does not trade.
/// <c>WelfareTolerance</c> is the solver's stated accuracy (docs/theory.md §1.3 "Tolerance"): the continuum optimum
/// is at most this much above the grid optimum; a simpler mechanism (CE, a single price) within it is reported instead.
/// </summary>
public sealed record OptimalMechanismSolution(
    bool LumpSumsAllowed,
    double Multiplier,
    double Welfare,
    double Volume,
    double Revenue,
    LumpSumPerAgent LumpSum,
    IReadOnlyList<MenuOption> BuyerMenu,
    IReadOnlyList<MenuOption> SellerMenu,
    MechanismClass MechanismClass,
    IReadOnlyList<QuantityLotteryPoint> BuyerLottery,
    IReadOnlyList<QuantityLotteryPoint> SellerLottery,
    double WelfareTolerance = 0.0);

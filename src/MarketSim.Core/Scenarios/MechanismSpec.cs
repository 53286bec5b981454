namespace MarketSim.Core.Scenarios;

/// <summary>A mechanism as the scenario lists it. <c>Label</c> names it in the output.</summary>
public abstract record MechanismSpec(string Label);

/// <summary><c>competitive-equilibrium</c> (optionally <c>{ priceRule: midpoint | low | high }</c>).</summary>
public sealed record CompetitiveEquilibriumSpec(string Label, PriceRule PriceRule = PriceRule.Midpoint) : MechanismSpec(Label);

/// <summary><c>price-wedge: { buyerPrice, sellerPrice, lumpSum, lumpSumTo }</c>.</summary>
public sealed record PriceWedgeSpec(
    string Label, double BuyerPrice, double SellerPrice, LumpSumPolicy LumpSum, LumpSumRecipient LumpSumTo)
    : MechanismSpec(Label);

/// <summary>
/// <c>trade-reduction</c> (optionally <c>{ label, lumpSum, lumpSumTo }</c>): McAfee's (1992) dominant-strategy
/// double auction; its budget surplus is paid like a wedge's revenue.
/// </summary>
public sealed record TradeReductionSpec(
    string Label, LumpSumPolicy LumpSum = LumpSumPolicy.Realized, LumpSumRecipient LumpSumTo = LumpSumRecipient.Auto)
    : MechanismSpec(Label);

/// <summary><c>price-control: { price }</c>: one price, the long side rationed by lottery.</summary>
public sealed record PriceControlSpec(string Label, double Price) : MechanismSpec(Label);

/// <summary><c>menu: { buyers: [...], sellers: [...], lumpSum, lumpSumTo }</c>: up to 3 options a side.</summary>
public sealed record MenuSpec(
    string Label,
    IReadOnlyList<MenuOption> Buyers,
    IReadOnlyList<MenuOption> Sellers,
    LumpSumPolicy LumpSum,
    LumpSumRecipient LumpSumTo)
    : MechanismSpec(Label);

/// <summary><c>optimal</c> (lump sums allowed) or <c>optimal-no-lump-sum</c> ("No Free Lunch"): the solver's menus.</summary>
public sealed record OptimalSpec(string Label, bool LumpSumsAllowed, LumpSumPolicy LumpSum = LumpSumPolicy.Realized)
    : MechanismSpec(Label);

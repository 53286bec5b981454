using MarketSim.Core.Agents;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// Price control (docs/theory.md §1.2; 000 Section 2.1): one price p for both sides, everyone who wants to trade
/// at p asks for a sure trade, and the long side is rationed by lottery through the fill rule
/// (sure choosers outnumber the volume). A floor above p_CE rations sellers, a ceiling buyers.
/// Buyers pay what sellers receive, so revenue is 0 and no lump sum is needed.
/// </summary>
public static class PriceControl
{
    public static MenuMechanism Create(string name, double price)
    {
        if (!double.IsFinite(price))
        {
            throw new ArgumentException($"a price control's price must be finite, found {price}", nameof(price));
        }

        // Revenue is identically 0; the (zero) lump sum is booked to sellers so no continuum is needed.
        return new MenuMechanism(
            name, [new MenuOption(price, 1.0)], [new MenuOption(price, 1.0)], new LumpSumRule(LumpSumPolicy.Realized, Side.Sellers, 0.0));
    }

    /// <summary><c>price-control: { price }</c>.</summary>
    public static MenuMechanism Create(PriceControlSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Create(spec.Label, spec.Price);
    }
}

using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;

namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// Price wedge (docs/theory.md §1.2; 000 Section 2.2): buyers buy surely at p_B, sellers sell surely at
/// p_S &lt;= p_B; the revenue Q (p_B - p_S) goes as a lump sum to one side (Auto: the poorer one).
/// The long side, if any, is rationed by the fill rule.
/// </summary>
public static class PriceWedge
{
    public static MenuMechanism Create(
        string name, double buyerPrice, double sellerPrice, LumpSumPolicy policy, LumpSumRecipient recipient, ContinuumMarket market)
    {
        if (!double.IsFinite(buyerPrice))
        {
            throw new ArgumentException($"a wedge's buyer price must be finite, found {buyerPrice}", nameof(buyerPrice));
        }

        if (!double.IsFinite(sellerPrice))
        {
            throw new ArgumentException($"a wedge's seller price must be finite, found {sellerPrice}", nameof(sellerPrice));
        }

        if (buyerPrice < sellerPrice)
        {
            throw new ArgumentException(
                $"a wedge needs buyerPrice >= sellerPrice, found buyerPrice {buyerPrice} < sellerPrice {sellerPrice}",
                nameof(sellerPrice));
        }

        return MenuMechanism.Create(
            name, [new MenuOption(buyerPrice, 1.0)], [new MenuOption(sellerPrice, 1.0)], policy, recipient, market);
    }

    /// <summary><c>price-wedge: { buyerPrice, sellerPrice, lumpSum, lumpSumTo }</c>.</summary>
    public static MenuMechanism Create(PriceWedgeSpec spec, ContinuumMarket market)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Create(spec.Label, spec.BuyerPrice, spec.SellerPrice, spec.LumpSum, spec.LumpSumTo, market);
    }
}

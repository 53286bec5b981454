using MarketSim.Core.Agents;
using MarketSim.Core.Random;

namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// The exact clearing of docs/theory.md §2 for a pair of menus: choose, round, fill. Volume
/// k = min(k_B, k_S); a trading agent pays (buyer) or receives (seller) its option's price.
/// Lottery stream consumption, in this order (reproducibility, docs/theory.md §6):
/// 1. buyers' rounding (one uniform), 2. sellers' rounding (one uniform),
/// 3. buyers' selection, 4. sellers' selection (see <see cref="SideFill.Fill"/>).
/// An instance holds reusable buffers: use one per thread (<see cref="ForCurrentThread"/>).
/// </summary>
public sealed class MenuClearing
{
    [ThreadStatic]
    private static MenuClearing? current;

    /// <summary>This thread's clearing buffers; mechanism objects are shared by worker threads,
    /// and <see cref="Clear"/> runs synchronously, so one set of buffers per thread suffices.</summary>
    public static MenuClearing ForCurrentThread => current ??= new MenuClearing();

    public SideFill Buyers { get; } = new();

    public SideFill Sellers { get; } = new();

    /// <summary>Trades of the last clearing (equal on both sides).</summary>
    public int Volume { get; private set; }

    /// <summary>Sum of buyers' payments minus sum of sellers' receipts, summed in agent order.</summary>
    public double Revenue { get; private set; }

    public SideFill this[Side side] => side == Side.Buyers ? Buyers : Sellers;

    /// <summary>Clears <paramref name="market"/>; writes trades and payments into <paramref name="outcome"/> (already Reset).</summary>
    public void Clear(Menu buyers, Menu sellers, MarketInstance market, ref RandomStream lottery, MechanismOutcome outcome)
    {
        Buyers.Choose(buyers, market.Buyers.RateOfSubstitution);
        Sellers.Choose(sellers, market.Sellers.RateOfSubstitution);
        Buyers.RoundSlots(ref lottery);
        Sellers.RoundSlots(ref lottery);
        Volume = Math.Min(Buyers.Slots, Sellers.Slots);
        Buyers.Fill(Volume, ref lottery, outcome.BuyerTraded, outcome.BuyerPayment);
        Sellers.Fill(Volume, ref lottery, outcome.SellerTraded, outcome.SellerPayment);

        var revenue = 0.0;
        foreach (var payment in outcome.BuyerPayment)
        {
            revenue += payment;
        }

        foreach (var payment in outcome.SellerPayment)
        {
            revenue -= payment;
        }

        Revenue = revenue;
    }
}

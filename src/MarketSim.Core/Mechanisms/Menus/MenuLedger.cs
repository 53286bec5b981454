using MarketSim.Core.Agents;

namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// Names of the per-replication ledger a menu mechanism writes into <see cref="MechanismOutcome.Ledger"/>
/// (docs/theory.md §2: promised versus realised), in this fixed order; {side} is buyers then sellers, {k} the
/// option's position in the menu (1-based), all options of buyers before those of sellers:
/// <list type="bullet">
/// <item><c>{side}_option_{k}_price</c>: the option's price per trade.</item>
/// <item><c>{side}_option_{k}_promised_probability</c>: its promised trade probability.</item>
/// <item><c>{side}_option_{k}_choice_share</c>: choosers / agents of the side (NaN if the side is empty).</item>
/// <item><c>{side}_option_{k}_realized_probability</c>: traded choosers / choosers (NaN if nobody chose it).</item>
/// <item><c>{side}_option_{k}_rationed</c>: COUNT of choosers whose promised trade (sure, or a won
///   lottery slot) was cut because the side was long; for a sure option: the broken promises.</item>
/// </list>
/// then <c>buyers_expected_trades</c>, <c>sellers_expected_trades</c> (the sides' unrounded expected
/// trades k_B, k_S over N_S: which side is long) and <c>lump_sum_promised</c> (the continuum lump sum
/// per agent of the recipient side, under either policy). Revenue, budget surplus, deficit and the
/// lump sums actually paid are the standard metrics of OutcomeMetrics and are not repeated here.
/// The continuum values use the same names where the theory gives one (all but <c>_rationed</c>).
/// </summary>
public static class MenuLedger
{
    /// <summary>Standard metric names (OutcomeMetrics, docs/theory.md §5) for which menus give continuum values.</summary>
    public const string Welfare = "welfare";
    public const string WelfareBuyers = "welfare_buyers";
    public const string WelfareSellers = "welfare_sellers";
    public const string Volume = "volume";
    public const string Revenue = "revenue";
    public const string BudgetSurplus = "budget_surplus";
    public const string LumpSumBuyers = "lump_sum_buyers";
    public const string LumpSumSellers = "lump_sum_sellers";

    public const string BuyersExpectedTrades = "buyers_expected_trades";
    public const string SellersExpectedTrades = "sellers_expected_trades";
    public const string LumpSumPromised = "lump_sum_promised";

    public const string Price = "price";
    public const string PromisedProbability = "promised_probability";
    public const string ChoiceShare = "choice_share";
    public const string RealizedProbability = "realized_probability";
    public const string Rationed = "rationed";

    /// <summary>The per-option quantities, in ledger order.</summary>
    public static readonly string[] OptionQuantities = [Price, PromisedProbability, ChoiceShare, RealizedProbability, Rationed];

    /// <summary><c>{side}_option_{k}_{quantity}</c> with k 1-based.</summary>
    public static string OptionMetric(Side side, int option, string quantity) =>
        $"{(side == Side.Buyers ? "buyers" : "sellers")}_option_{option + 1}_{quantity}";
}

using MarketSim.Core.Agents;
using MarketSim.Core.Random;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;

namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// A general menu mechanism (docs/theory.md §1.2, the corrected Theorem 1 form of 001): up to 3
/// (price, probability) options per side plus a lump sum to one side, cleared exactly on a finite
/// market by <see cref="MenuClearing"/> (docs/theory.md §2). Price wedges and price controls are menus with one
/// sure option per side (<see cref="PriceWedge"/>, <see cref="PriceControl"/>). The optimal-mechanism
/// solver builds its result with the public constructor. Immutable and safe to share between threads.
/// </summary>
public sealed class MenuMechanism : ITwoSidedMechanism, IFiniteMarketTheory
{
    private readonly string[] ledgerNames;

    /// <param name="name">Label in the output.</param>
    /// <param name="buyerOptions">Buyers' options: 1 to 3, finite prices, probabilities in (0, 1].</param>
    /// <param name="sellerOptions">Sellers' options, same constraints.</param>
    /// <param name="lumpSum">Policy, recipient side (already resolved) and promised continuum lump sum per agent.</param>
    public MenuMechanism(
        string name, IReadOnlyList<MenuOption> buyerOptions, IReadOnlyList<MenuOption> sellerOptions, LumpSumRule lumpSum)
        : this(name, new Menu(Side.Buyers, buyerOptions), new Menu(Side.Sellers, sellerOptions), lumpSum)
    {
    }

    private MenuMechanism(string name, Menu buyers, Menu sellers, LumpSumRule lumpSum)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(lumpSum);
        Name = name;
        Buyers = buyers;
        Sellers = sellers;
        LumpSum = lumpSum;
        ledgerNames = LedgerNames(buyers, sellers);
    }

    public string Name { get; }

    public Menu Buyers { get; }

    public Menu Sellers { get; }

    public LumpSumRule LumpSum { get; }

    /// <summary>The ledger metric names this mechanism writes, in order (see <see cref="MenuLedger"/>).</summary>
    public IReadOnlyList<string> LedgerMetricNames => ledgerNames;

    /// <summary>
    /// A menu mechanism whose lump sum is resolved on <paramref name="market"/>: Auto recipient from the
    /// sides' Lambda_j, promised lump sum = the continuum revenue given to that side.
    /// </summary>
    public static MenuMechanism Create(
        string name,
        IReadOnlyList<MenuOption> buyerOptions,
        IReadOnlyList<MenuOption> sellerOptions,
        LumpSumPolicy policy,
        LumpSumRecipient recipient,
        ContinuumMarket market)
    {
        var buyers = new Menu(Side.Buyers, buyerOptions);
        var sellers = new Menu(Side.Sellers, sellerOptions);
        return new MenuMechanism(name, buyers, sellers, ResolveLumpSum(policy, recipient, buyers, sellers, market));
    }

    /// <summary>The lump-sum rule of a pair of menus on a continuum market: resolves Auto and computes the continuum lump sum.</summary>
    private static LumpSumRule ResolveLumpSum(
        LumpSumPolicy policy, LumpSumRecipient recipient, Menu buyers, Menu sellers, ContinuumMarket market)
    {
        var side = LumpSumRule.RecipientOf(recipient, market);
        var continuum = MenuContinuumValues.Compute(buyers, sellers, side, market);
        return new LumpSumRule(policy, side, side == Side.Buyers ? continuum.LumpSumBuyers : continuum.LumpSumSellers);
    }

    /// <summary><c>menu: { buyers, sellers, lumpSum, lumpSumTo }</c>.</summary>
    public static MenuMechanism Create(MenuSpec spec, ContinuumMarket market)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Create(spec.Label, spec.Buyers, spec.Sellers, spec.LumpSum, spec.LumpSumTo, market);
    }

    public void Clear(MarketInstance market, ref RandomStream lottery, MechanismOutcome outcome)
    {
        var clearing = MenuClearing.ForCurrentThread;
        clearing.Clear(Buyers, Sellers, market, ref lottery, outcome);
        LumpSum.Pay(market, clearing.Revenue, outcome);
        WriteLedger(clearing, market, outcome.Ledger);
    }

    public IReadOnlyDictionary<string, double> ContinuumValues(ContinuumMarket market)
    {
        var continuum = Continuum(market);
        var values = new Dictionary<string, double>
        {
            [MenuLedger.Welfare] = continuum.Welfare,
            [MenuLedger.WelfareBuyers] = continuum.WelfareBuyers,
            [MenuLedger.WelfareSellers] = continuum.WelfareSellers,
            [MenuLedger.Volume] = continuum.Volume,
            [MenuLedger.Revenue] = continuum.Revenue,
            [MenuLedger.BudgetSurplus] = continuum.BudgetSurplus,
            [MenuLedger.LumpSumBuyers] = continuum.LumpSumBuyers,
            [MenuLedger.LumpSumSellers] = continuum.LumpSumSellers,
            [MenuLedger.BuyersExpectedTrades] = continuum.Buyers.ExpectedTrades,
            [MenuLedger.SellersExpectedTrades] = continuum.Sellers.ExpectedTrades,
            [MenuLedger.LumpSumPromised] = LumpSum.PromisedPerAgent,
        };
        foreach (var (side, record) in new[] { (Side.Buyers, continuum.Buyers), (Side.Sellers, continuum.Sellers) })
        {
            for (var k = 0; k < record.Options.Count; k++)
            {
                var option = record.Options[k];
                values[MenuLedger.OptionMetric(side, k, MenuLedger.Price)] = option.Price;
                values[MenuLedger.OptionMetric(side, k, MenuLedger.PromisedProbability)] = option.PromisedProbability;
                values[MenuLedger.OptionMetric(side, k, MenuLedger.ChoiceShare)] = option.ChoiceShare;
                values[MenuLedger.OptionMetric(side, k, MenuLedger.RealizedProbability)] = option.RealizedProbability;
            }
        }

        return values;
    }

    /// <summary>The exact expectation at N_B buyers and N_S sellers (<see cref="FiniteMenuExpectation"/>).</summary>
    public IReadOnlyDictionary<string, double> FiniteValues(ContinuumMarket market, int buyerCount, int sellerCount) =>
        Finite(market, buyerCount, sellerCount).Values;

    /// <summary>The finite-market expectation with the volume's law (deficit probability, safety margin).</summary>
    public FiniteMenuValues Finite(ContinuumMarket market, int buyerCount, int sellerCount) =>
        FiniteMenuExpectation.Compute(Buyers, Sellers, LumpSum, market, buyerCount, sellerCount);

    /// <summary>The continuum outcome of this mechanism (docs/theory.md §1.1), with this mechanism's lump-sum recipient.</summary>
    public ContinuumMenuOutcome Continuum(ContinuumMarket market) =>
        MenuContinuumValues.Compute(Buyers, Sellers, LumpSum.Recipient, market);

    private void WriteLedger(MenuClearing clearing, MarketInstance market, List<MetricValue> ledger)
    {
        var name = 0;
        foreach (var (menu, fill) in new[] { (Buyers, clearing.Buyers), (Sellers, clearing.Sellers) })
        {
            for (var k = 0; k < menu.Count; k++)
            {
                var choosers = fill.Choosers(k);
                ledger.Add(new MetricValue(ledgerNames[name++], menu.Price(k)));
                ledger.Add(new MetricValue(ledgerNames[name++], menu.Probability(k)));
                ledger.Add(new MetricValue(ledgerNames[name++], fill.Agents > 0 ? (double)choosers / fill.Agents : double.NaN));
                ledger.Add(new MetricValue(ledgerNames[name++], choosers > 0 ? (double)fill.Traded(k) / choosers : double.NaN));
                ledger.Add(new MetricValue(ledgerNames[name++], fill.Rationed(k)));
            }
        }

        var sellers = market.Sellers.Count;
        ledger.Add(new MetricValue(ledgerNames[name++], sellers > 0 ? clearing.Buyers.ExpectedTrades / sellers : double.NaN));
        ledger.Add(new MetricValue(ledgerNames[name++], sellers > 0 ? clearing.Sellers.ExpectedTrades / sellers : double.NaN));
        ledger.Add(new MetricValue(ledgerNames[name], LumpSum.PromisedPerAgent));
    }

    private static string[] LedgerNames(Menu buyers, Menu sellers)
    {
        var names = new List<string>();
        foreach (var menu in new[] { buyers, sellers })
        {
            for (var k = 0; k < menu.Count; k++)
            {
                names.AddRange(MenuLedger.OptionQuantities.Select(quantity => MenuLedger.OptionMetric(menu.Side, k, quantity)));
            }
        }

        names.Add(MenuLedger.BuyersExpectedTrades);
        names.Add(MenuLedger.SellersExpectedTrades);
        names.Add(MenuLedger.LumpSumPromised);
        return names.ToArray();
    }
}

namespace MarketSim.Core.Stress.Entry;

/// <summary>
/// One round of the entry dynamics for one mechanism (round 0 = the incumbent market before any
/// entry). Money amounts are totals divided by the INITIAL number of sellers, so a growing deficit
/// shows as a growing number. <c>Welfare</c> is the docs/theory.md §1.1 total value net of the entry costs
/// paid so far (cost x v^M per entrant). <c>NonTradingEntrants</c>: entrants (all rounds so far)
/// who did not trade in this round.
/// </summary>
public sealed record EntryRound(
    string Mechanism,
    int Round,
    int Buyers,
    int Sellers,
    int BuyerEntrants,
    int SellerEntrants,
    int NonTradingEntrants,
    double LumpSumPaid,
    double Revenue,
    double BudgetSurplus,
    double Welfare);

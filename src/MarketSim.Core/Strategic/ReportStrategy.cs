namespace MarketSim.Core.Strategic;

/// <summary>
/// The reports the traders of a finite CE submit (docs/theory.md §2.4): b(r) for buyers and s(r) for
/// sellers, each null for a truthful side. Both functions are strictly increasing, so the CE's ranking
/// of reports is its ranking of rates; welfare is always measured on the true rates.
/// </summary>
public sealed record ReportStrategy(BidFunction? Buyers, BidFunction? Sellers)
{
    public double BuyerReport(double rate) => Buyers?.At(rate) ?? rate;

    public double SellerReport(double rate) => Sellers?.At(rate) ?? rate;
}

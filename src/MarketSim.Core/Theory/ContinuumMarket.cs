namespace MarketSim.Core.Theory;

/// <summary>The continuum economy of docs/theory.md §1.1: sellers of mass 1, buyers of mass mu.</summary>
public sealed record ContinuumMarket(IRateLaw Buyers, IRateLaw Sellers, double BuyersPerSeller);

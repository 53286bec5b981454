namespace MarketSim.Core.RedistributiveAuctions;

/// <summary>
/// A player's type regions in the auction (docs/theory.md §4; 003 Figures 3-4), in type units (a type is also
/// the player's money value of the good, so thresholds read as bids). Null where a region is empty.
/// </summary>
/// <param name="PoolUpTo">Types in [a_i, PoolUpTo] share one ironed bad score: they take the bad by
/// equal-probability lottery (003 Corollary 3). Null if the lowest types are not pooled or never take the bad.</param>
/// <param name="BadBelow">Types below it take the bad with positive probability.</param>
/// <param name="GoodAbove">Types above it get the good with positive probability.</param>
/// <param name="Reserve">The reserve price of the good for this player: the lowest type whose ironed
/// good score is positive, i.e. that would win the good against rivals who do not qualify.
/// GoodAbove is larger when rivals always outbid those types.</param>
public sealed record AuctionPlayerThresholds(double? PoolUpTo, double? BadBelow, double? GoodAbove, double? Reserve);

namespace MarketSim.Core;

/// <summary>The two sides of the market (000 Section 3): buyers want one unit, sellers own one.</summary>
public enum Side
{
    Buyers = 0,
    Sellers = 1,
}

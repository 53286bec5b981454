namespace MarketSim.Core.OneSided;

/// <summary>
/// One option of a one-sided menu: trade with <c>Probability</c> for the expected <c>Payment</c>
/// (received by a seller, paid by a buyer; the lump sum comes on top). <c>Price</c> = Payment /
/// Probability, the price per unit traded. A single option with probability 1 is the competitive
/// price; with probability below 1 it is rationing at a single price (000 Section 3; 002 slides).
/// </summary>
public sealed record OneSidedOption(double Probability, double Payment)
{
    public double Price => Payment / Probability;
}

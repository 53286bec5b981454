namespace MarketSim.Core.Scenarios;

/// <summary>Which point of the finite market's clearing-price interval CE uses (docs/theory.md §2).</summary>
public enum PriceRule
{
    Midpoint,
    Low,
    High,
}

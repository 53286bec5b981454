using MarketSim.Core.Agents;
using MarketSim.Core.Theory;

namespace MarketSim.Core.OneSided;

/// <summary>
/// A one-sided problem (001 Section 3 via B.9; 002's slides "The Optimal Seller Price" and "The Optimal
/// Buyer Price"; docs/theory.md §1.6): the designer must buy <c>Quantity</c> Q in (0, 1) units from a unit
/// mass of sellers spending at most <c>Revenue</c> R, or allocate Q units to a unit mass of buyers
/// raising at least R. It maximises the side's Pareto-weighted welfare plus Lambda_j times the money left
/// over, which goes to every agent of the side as a lump sum (so the lump sum is never negative).
/// </summary>
public sealed record OneSidedProblem
{
    public OneSidedProblem(Side side, IRateLaw law, double quantity, double revenue)
    {
        ArgumentNullException.ThrowIfNull(law);
        if (quantity is not (> 0 and < 1))
        {
            throw new ArgumentException($"quantity must lie strictly between 0 and 1 (got {quantity})", "quantity");
        }

        if (!double.IsFinite(revenue))
        {
            throw new ArgumentException($"revenue must be a finite number (got {revenue})", "revenue");
        }

        Side = side;
        Law = law;
        Quantity = quantity;
        Revenue = revenue;
    }

    /// <summary>Sellers (the designer buys) or buyers (the designer sells).</summary>
    public Side Side { get; }

    /// <summary>The side's law of the rate r = v^K / v^M with its Pareto weights lambda_j(r).</summary>
    public IRateLaw Law { get; }

    /// <summary>Q: the mass of units to buy or allocate.</summary>
    public double Quantity { get; }

    /// <summary>R: the budget the designer may spend (sellers) or the revenue it must raise (buyers).</summary>
    public double Revenue { get; }

    /// <summary>The competitive price: G_S^{-1}(Q) for sellers, G_B^{-1}(1 - Q) for buyers.</summary>
    public double CompetitivePrice => Side == Side.Sellers ? Law.Quantile(Quantity) : Law.Quantile(1 - Quantity);
}

namespace MarketSim.Core.MultiObject;

/// <summary>
/// Where the greedy fill of the knapsack stopped (docs/theory.md §3): side j's first <c>Heads[j]</c>
/// queue items (<see cref="KnapsackItems"/>) have mu = 1 except the last reached, which has
/// <c>LastShare[j]</c>; the free items have mu = 1, the rest 0; <c>Payments[j]</c> is c^j. The budget
/// is spent exactly. The last item filled is position <c>LastItem</c> of side <c>LastSide</c>'s queue
/// (the queue length for c^j), or <c>LastSide</c> = -1 if the fill ended on a tie.
/// </summary>
internal sealed record KnapsackFill(int[] Heads, BudgetShare[] LastShare, Fraction[] Payments, int LastSide, int LastItem);

/// <summary>
/// A trade probability as what is left of the budget over the item's cost, kept as the two exact dyadic
/// numbers: their quotient, reduced, has about 108 N bits and costs a GCD, so it is built only on request.
/// </summary>
internal readonly record struct BudgetShare(Fraction Part, Fraction Whole)
{
    public static BudgetShare One => new(Fraction.One, Fraction.One);

    public bool IsOne => Part == Whole;

    /// <summary>The probability, reduced.</summary>
    public Fraction Exact => IsOne ? Fraction.One : Part / Whole;

    /// <summary>The nearest double, without reducing.</summary>
    public double ToDouble() => Fraction.QuotientToDouble(Part, Whole);

    public Enclosure Enclose() => Enclosure.Of(Part) / Enclosure.Of(Whole);
}

using MarketSim.Core.Agents;

namespace MarketSim.Core.MultiObject;

/// <summary>
/// A seller weight a_s at which the knapsack is filled (docs/theory.md §3): given as a number, or as
/// the crossing of a buyer item and a seller item, a_s = g_s / (g_b + g_s) with g = b/A the items'
/// gaps (004 Section 4's frontier sweep). The fill only needs the sign of a_s g_b - a_b g_s for pairs
/// of items, so the weight is kept as two numbers proportional to (a_s, a_b) — (a_s, 1 - a_s), or
/// (g_s, g_b) for a crossing — compared in doubles with a rigorous margin and exactly only when that
/// cannot decide. The exact a_s (a fraction with about 108 N bits at a crossing) is built only on request.
/// </summary>
internal sealed class KnapsackWeight
{
    // Exact proportional weights, each as a ratio (for a crossing: the gaps' b and A, never divided out).
    private readonly Fraction sellerNumerator;
    private readonly Fraction sellerDenominator;
    private readonly Fraction buyerNumerator;
    private readonly Fraction buyerDenominator;

    // Nearest doubles to sellerNumerator / sellerDenominator and buyerNumerator / buyerDenominator, in [0, 1].
    private readonly double sellerApprox;
    private readonly double buyerApprox;

    // The complements 1 - W_s, 1 - W_b (nearest doubles), and W_s - W_b with a bound on its error.
    private readonly double sellerComplement;
    private readonly double buyerComplement;
    private readonly double difference;
    private readonly double differenceError;

    // The crossing's items (queue positions, QueueLength = c^j), or -1 for a given weight.
    private readonly int buyerPosition = -1;
    private readonly int sellerPosition = -1;
    private readonly bool exactOnly;
    private readonly Lazy<Fraction> exact;
    private readonly Lazy<double> value;
    private readonly Lazy<int> weightOrder;

    private KnapsackWeight(Fraction sellerWeight)
    {
        sellerNumerator = sellerWeight;
        sellerDenominator = Fraction.One;
        buyerNumerator = 1 - sellerWeight;
        buyerDenominator = Fraction.One;
        sellerApprox = sellerWeight.ToDouble();
        buyerApprox = buyerNumerator.ToDouble();
        sellerComplement = buyerApprox;
        buyerComplement = sellerApprox;
        difference = (sellerWeight - buyerNumerator).ToDouble();
        differenceError = Math.Abs(difference) * KnapsackItems.Margin;
        exact = new Lazy<Fraction>(sellerWeight);
        value = new Lazy<double>(sellerApprox);
        weightOrder = new Lazy<int>(() => sellerWeight.CompareTo(buyerNumerator));
    }

    private KnapsackWeight(KnapsackItems items, int buyerPosition, int sellerPosition)
    {
        this.buyerPosition = buyerPosition;
        this.sellerPosition = sellerPosition;
        exactOnly = items.ExactOnly;
        (sellerNumerator, sellerDenominator) = items.GapParts(Side.Sellers, sellerPosition);
        (buyerNumerator, buyerDenominator) = items.GapParts(Side.Buyers, buyerPosition);
        sellerApprox = items.GapApprox(Side.Sellers, sellerPosition);
        buyerApprox = items.GapApprox(Side.Buyers, buyerPosition);
        sellerComplement = items.RhoApprox(Side.Sellers, sellerPosition);
        buyerComplement = items.RhoApprox(Side.Buyers, buyerPosition);
        difference = buyerComplement - sellerComplement; // (1 - rho_s*) - (1 - rho_b*)
        differenceError = (buyerComplement + sellerComplement) * KnapsackItems.Margin;
        exact = new Lazy<Fraction>(() =>
        {
            var sellerGap = sellerNumerator / sellerDenominator;
            return sellerGap / ((buyerNumerator / buyerDenominator) + sellerGap);
        });
        value = new Lazy<double>(() =>
        {
            if (exactOnly)
            {
                return exact.Value.ToDouble();
            }

            var sellerGap = Enclosure.Of(sellerNumerator) / Enclosure.Of(sellerDenominator);
            var buyerGap = Enclosure.Of(buyerNumerator) / Enclosure.Of(buyerDenominator);
            return (sellerGap / (buyerGap + sellerGap)).ToDouble(() => exact.Value.ToDouble());
        });
        weightOrder = new Lazy<int>(() =>
            !exactOnly && Math.Abs(difference) > differenceError + KnapsackItems.Tiny
                ? Math.Sign(difference)
                : (sellerNumerator * buyerDenominator).CompareTo(buyerNumerator * sellerDenominator));
    }

    /// <summary>a_s, exact (reduced on first use: costly for a crossing with many objects).</summary>
    public Fraction Exact => exact.Value;

    /// <summary>The nearest double to a_s.</summary>
    public double Value => value.Value;

    /// <summary>A given seller weight in [0, 1].</summary>
    public static KnapsackWeight Given(Fraction sellerWeight) => new(sellerWeight);

    /// <summary>The weight where the buyer item and the seller item (queue positions; the queue length is c^j) have equal keys.</summary>
    public static KnapsackWeight Crossing(KnapsackItems items, int buyerPosition, int sellerPosition) =>
        new(items, buyerPosition, sellerPosition);

    /// <summary>
    /// Sign of a_s g_b - a_b g_s for the buyer's item at <paramref name="buyer"/> and the seller's at
    /// <paramref name="seller"/> (queue positions): negative when the buyer's item has the lower
    /// cost-to-benefit ratio b / (a_j A) and goes first (004 Lemma 1), 0 on a tie.
    /// </summary>
    public int CompareKeys(KnapsackItems items, int buyer, int seller)
    {
        if (buyerPosition >= 0)
        {
            // At the crossing of (i*, j*) the sign is that of g_s* g_b - g_b* g_s. Within a queue the gaps
            // rise strictly with the position, so an item of the crossing decides by position alone.
            if (buyer == buyerPosition)
            {
                return sellerPosition.CompareTo(seller);
            }

            if (seller == sellerPosition)
            {
                return buyer.CompareTo(buyerPosition);
            }
        }

        if (sellerNumerator.IsZero)
        {
            return -1; // a_s = 0: every buyer item first (gaps are positive)
        }

        if (buyerNumerator.IsZero)
        {
            return 1;
        }

        if (!items.ExactOnly && Filtered(items, buyer, seller) is { } decided)
        {
            return decided;
        }

        var (buyerCost, buyerRent) = items.GapParts(Side.Buyers, buyer);
        var (sellerCost, sellerRent) = items.GapParts(Side.Sellers, seller);
        if (buyerCost == sellerCost && buyerRent == sellerRent)
        {
            // Equal gaps (a symmetric problem, where they are common): the weights alone decide, sign of W_s - W_b.
            return weightOrder.Value;
        }

        // Cross-multiplied by the positive A's and weight denominators: no division, no reduction.
        return (sellerNumerator * buyerDenominator * buyerCost * sellerRent)
            .CompareTo(buyerNumerator * sellerDenominator * sellerCost * buyerRent);
    }

    /// <summary>
    /// The sign of W_s g_b - W_b g_s from doubles, or null when rounding could flip it. Two forms:
    /// the products themselves, and, where the gaps are within an ulp of 1 (low m) so that the
    /// products agree to the last bit, the expansion in the complements rho = 1 - g, c = 1 - W:
    /// (W_s - W_b) + (rho_s - rho_b) + (c_s rho_b - c_b rho_s), whose terms are all small there.
    /// </summary>
    private int? Filtered(KnapsackItems items, int buyer, int seller)
    {
        // Four correctly rounded factors in (0, 1] and one rounding per product: each product is within
        // 3 ulps of its exact value while it stays far from underflow.
        var buyerKey = sellerApprox * items.GapApprox(Side.Buyers, buyer);
        var sellerKey = buyerApprox * items.GapApprox(Side.Sellers, seller);
        if (buyerKey > KnapsackItems.Tiny && sellerKey > KnapsackItems.Tiny)
        {
            if (buyerKey * (1 - KnapsackItems.Margin) > sellerKey * (1 + KnapsackItems.Margin))
            {
                return 1;
            }

            if (sellerKey * (1 - KnapsackItems.Margin) > buyerKey * (1 + KnapsackItems.Margin))
            {
                return -1;
            }
        }

        // Each rho and complement within half an ulp (plus the subnormal spacing), products within 3 ulps,
        // and four additions: the error is below 8 ulps of the sum of the terms' magnitudes, plus the
        // error of the weights' difference. The margin is twice that.
        var buyerRho = items.RhoApprox(Side.Buyers, buyer);
        var sellerRho = items.RhoApprox(Side.Sellers, seller);
        var cross = (sellerComplement * buyerRho) - (buyerComplement * sellerRho);
        var sum = difference + (sellerRho - buyerRho) + cross;
        var magnitude = Math.Abs(difference) + sellerRho + buyerRho + (sellerComplement * buyerRho) + (buyerComplement * sellerRho);
        var error = differenceError + (magnitude * KnapsackItems.Margin * 2) + KnapsackItems.Tiny;
        return sum > error ? 1 : sum < -error ? -1 : null;
    }
}

namespace MarketSim.Core.Scenarios;

/// <summary>
/// <c>multi-object-threshold: { objects, pairs, buyer: {...}, seller: {...}, sellerWeight, budget }</c>:
/// one buyer and one seller trade <c>Objects</c> objects with binary i.i.d. values (docs/theory.md §3, paper 004);
/// the simulation runs <c>Pairs</c> independent buyer-seller pairs per replication.
/// <c>SellerWeight</c> is a_s (a_b = 1 - a_s); omitted, it is <see cref="DefaultSellerWeight"/>.
/// Constructing validates (docs/theory.md §3): vb_h > vs_h > vb_l > vs_l, probabilities in (0,1),
/// objects >= 1, pairs >= 1, weight in [0,1]; the ArgumentException's ParamName is the YAML field path.
/// </summary>
public sealed record MultiObjectThresholdSpec(
    string Label,
    int Objects,
    int Pairs,
    BinaryValues Buyer,
    BinaryValues Seller,
    double? SellerWeight,
    BudgetBalance Budget)
    : MechanismSpec(Label)
{
    /// <summary>
    /// The default a_s when <c>sellerWeight</c> is omitted. docs/theory.md §3 takes the weights from the sides'
    /// average values for money (Lambda_j); the binary-value model has no v^M, i.e. every agent
    /// values money at 1 on both sides, so the sides' averages are equal and a_s = a_b = 1/2.
    /// </summary>
    public const double DefaultSellerWeight = 0.5;

    public int Objects { get; init; } = Objects >= 1
        ? Objects
        : throw new ArgumentException($"objects must be at least 1 (got {Objects})", "objects");

    public int Pairs { get; init; } = Pairs >= 1
        ? Pairs
        : throw new ArgumentException($"pairs must be at least 1 (got {Pairs})", "pairs");

    public BinaryValues Buyer { get; init; } = ValidateProbability(Buyer, "buyer");

    public BinaryValues Seller { get; init; } = ValidateOrdering(Buyer, ValidateProbability(Seller, "seller"));

    public double? SellerWeight { get; init; } = SellerWeight is null or (>= 0 and <= 1)
        ? SellerWeight
        : throw new ArgumentException($"sellerWeight must lie in [0, 1] (got {SellerWeight})", "sellerWeight");

    /// <summary>a_s actually used: the given weight or <see cref="DefaultSellerWeight"/>.</summary>
    public double EffectiveSellerWeight => SellerWeight ?? DefaultSellerWeight;

    /// <summary>Checks the non-triviality ordering of 004 Section 3 (docs/theory.md §3): vb_h > vs_h > vb_l > vs_l.</summary>
    public static BinaryValues ValidateOrdering(BinaryValues buyer, BinaryValues seller)
    {
        ArgumentNullException.ThrowIfNull(buyer);
        ArgumentNullException.ThrowIfNull(seller);
        if (!double.IsFinite(buyer.High) || !double.IsFinite(buyer.Low) || !double.IsFinite(seller.High) || !double.IsFinite(seller.Low))
        {
            throw new ArgumentException("values must be finite numbers", "buyer.high");
        }

        if (!(buyer.High > seller.High))
        {
            throw new ArgumentException($"buyer.high ({buyer.High}) must exceed seller.high ({seller.High}): vb_h > vs_h > vb_l > vs_l", "buyer.high");
        }

        if (!(seller.High > buyer.Low))
        {
            throw new ArgumentException($"seller.high ({seller.High}) must exceed buyer.low ({buyer.Low}): vb_h > vs_h > vb_l > vs_l", "seller.high");
        }

        if (!(buyer.Low > seller.Low))
        {
            throw new ArgumentException($"buyer.low ({buyer.Low}) must exceed seller.low ({seller.Low}): vb_h > vs_h > vb_l > vs_l", "buyer.low");
        }

        return seller;
    }

    private static BinaryValues ValidateProbability(BinaryValues values, string side)
    {
        ArgumentNullException.ThrowIfNull(values, side);
        return values.GoodProbability is > 0 and < 1
            ? values
            : throw new ArgumentException(
                $"{side}.goodProbability must lie in (0, 1) (got {values.GoodProbability})", $"{side}.goodProbability");
    }
}

/// <summary>
/// One side's binary value per object (docs/theory.md §3): <c>High</c> or <c>Low</c>. "Good" means eager to
/// trade: high for the buyer, low for the seller; it has probability <c>GoodProbability</c> (q_j).
/// </summary>
public sealed record BinaryValues(double High, double Low, double GoodProbability);

/// <summary>Which budget balance the transfers satisfy (004 Section 4, docs/theory.md §3).</summary>
public enum BudgetBalance
{
    /// <summary>Interim transfers tau^j(m): revenue zero on average, IR ex post.</summary>
    ExAnte,

    /// <summary>004 Section 4's insured transfers: revenue zero in every state, same interim utilities.</summary>
    ExPost,
}

namespace MarketSim.Core.Mechanisms;

/// <summary>
/// What a two-sided mechanism did to every agent of one finite market (docs/theory.md §2): who traded, who
/// paid or received how much, and the lump sum per agent of each side. Buffers are reused across
/// replications (no allocation per agent). Money conventions: a buyer PAYS <c>BuyerPayment[i]</c>,
/// a seller RECEIVES <c>SellerPayment[i]</c>; both are 0 for agents that did not trade.
/// </summary>
public sealed class MechanismOutcome
{
    private double[] buyerTraded = [];
    private double[] buyerPayment = [];
    private double[] sellerTraded = [];
    private double[] sellerPayment = [];

    /// <summary>1 if buyer i got the good, else 0.</summary>
    public Span<double> BuyerTraded => buyerTraded;

    /// <summary>Money buyer i paid (0 if no trade).</summary>
    public Span<double> BuyerPayment => buyerPayment;

    /// <summary>1 if seller i sold, else 0.</summary>
    public Span<double> SellerTraded => sellerTraded;

    /// <summary>Money seller i received (0 if no trade).</summary>
    public Span<double> SellerPayment => sellerPayment;

    /// <summary>Lump sum paid to every buyer, trader or not (docs/theory.md §1.2).</summary>
    public double BuyerLumpSum { get; set; }

    /// <summary>Lump sum paid to every seller, trader or not.</summary>
    public double SellerLumpSum { get; set; }

    /// <summary>
    /// Mechanism-specific metrics of this replication (e.g. the clearing price, promised versus
    /// realised trade probabilities per menu option), in a fixed order; names are snake_case.
    /// </summary>
    public List<MetricValue> Ledger { get; } = [];

    /// <summary>Sizes the buffers for a market and clears them.</summary>
    public void Reset(int buyers, int sellers)
    {
        Resize(ref buyerTraded, buyers);
        Resize(ref buyerPayment, buyers);
        Resize(ref sellerTraded, sellers);
        Resize(ref sellerPayment, sellers);
        BuyerLumpSum = 0;
        SellerLumpSum = 0;
        Ledger.Clear();
    }

    private static void Resize(ref double[] buffer, int length)
    {
        if (buffer.Length != length)
        {
            buffer = new double[length];
        }
        else
        {
            Array.Clear(buffer);
        }
    }
}

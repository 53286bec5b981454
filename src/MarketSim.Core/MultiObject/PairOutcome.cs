namespace MarketSim.Core.MultiObject;

/// <summary>
/// What one buyer-seller pair pays and receives (004 (2)): each pays (buyer) / receives (seller) its
/// reported value per traded object, and the mechanism adds the transfer tau^j (docs/theory.md §3).
/// Under truth-telling <c>BuyerTransfer</c> and <c>SellerTransfer</c> are the realised utilities.
/// </summary>
/// <param name="BuyerPayment">sum_i x_i (buyer's reported value of i) - tau^b.</param>
/// <param name="SellerReceipt">sum_i x_i (seller's reported value of i) + tau^s.</param>
public readonly record struct PairOutcome(
    double BuyerPayment, double SellerReceipt, double BuyerTransfer, double SellerTransfer)
{
    /// <summary>R = buyer's payment - seller's receipt (004 (5)).</summary>
    public double Revenue => BuyerPayment - SellerReceipt;
}

using MarketSim.Core.Agents;
using MarketSim.Core.Random;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.MultiObject;

/// <summary>
/// Runs a solved threshold mechanism on one pair's reports (which objects each side calls good):
/// the per-object trade probabilities (004 Theorem 1), the lotteries, and the payments under
/// either budget balance (docs/theory.md §3; 004 Section 4). Allocation-free: spans in, spans out.
/// </summary>
public static class ThresholdClearing
{
    /// <summary>p(i; w^s, w^b) for every object i (004 Theorem 1).</summary>
    public static void TradeProbabilities(
        ThresholdMechanism mechanism, ReadOnlySpan<bool> buyerReport, ReadOnlySpan<bool> sellerReport, Span<double> probabilities)
    {
        CheckLengths(mechanism, buyerReport, sellerReport, probabilities.Length);
        var buyerGoodCount = buyerReport.Count(true);
        var sellerGoodCount = sellerReport.Count(true);
        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = mechanism.TradeProbability(buyerReport[i], sellerReport[i], buyerGoodCount, sellerGoodCount);
        }
    }

    /// <summary>
    /// Draws each object's trade (one uniform per object from <paramref name="lottery"/>, in object
    /// order, also where the probability is 0 or 1) into <paramref name="trades"/> (1 = traded) and
    /// settles the payments.
    /// </summary>
    public static PairOutcome Clear(
        ThresholdMechanism mechanism,
        BudgetBalance budget,
        ReadOnlySpan<bool> buyerReport,
        ReadOnlySpan<bool> sellerReport,
        ref RandomStream lottery,
        Span<double> trades)
    {
        TradeProbabilities(mechanism, buyerReport, sellerReport, trades);
        for (var i = 0; i < trades.Length; i++)
        {
            trades[i] = lottery.NextUniform() < trades[i] ? 1.0 : 0.0;
        }

        return Settle(mechanism, budget, buyerReport, sellerReport, trades);
    }

    /// <summary>
    /// Payments for the trades x_i (realised 0/1, or probabilities: the payments are linear in x, so
    /// passing p gives their expectation over the lotteries).
    /// Ex ante: tau^j = tau^j(m_j), the interim transfer (docs/theory.md §3), paid whatever the rival reports.
    /// Ex post (004 Section 4): tau^j + (R - E_{w^{-j}} R(w^j, .) + E_{w^j} R(., w^{-j})) / 2 with R the
    /// ex-ante transfers' realised revenue; the two corrections add up to R, so the revenue is 0 in every
    /// state and lottery outcome, and each correction has interim mean E[R]/2 = 0, so interim transfers
    /// (hence IC and interim IR) are unchanged (Boergers and Norman 2008, cited in 004 Section 3.3).
    /// </summary>
    public static PairOutcome Settle(
        ThresholdMechanism mechanism,
        BudgetBalance budget,
        ReadOnlySpan<bool> buyerReport,
        ReadOnlySpan<bool> sellerReport,
        ReadOnlySpan<double> trades)
    {
        CheckLengths(mechanism, buyerReport, sellerReport, trades.Length);
        var problem = mechanism.Problem;
        var buyerGoodCount = buyerReport.Count(true);
        var sellerGoodCount = sellerReport.Count(true);
        var buyerValue = 0.0;
        var sellerValue = 0.0;
        for (var i = 0; i < trades.Length; i++)
        {
            buyerValue += trades[i] * problem.ReportedValue(Side.Buyers, buyerReport[i]);
            sellerValue += trades[i] * problem.ReportedValue(Side.Sellers, sellerReport[i]);
        }

        var buyerTransfer = mechanism.InterimTransfer(Side.Buyers, buyerGoodCount);
        var sellerTransfer = mechanism.InterimTransfer(Side.Sellers, sellerGoodCount);
        if (budget == BudgetBalance.ExPost)
        {
            var revenue = buyerValue - sellerValue - buyerTransfer - sellerTransfer; // 004 (5)
            var buyerExpected = mechanism.InterimExpectedRevenue(Side.Buyers, buyerGoodCount);
            var sellerExpected = mechanism.InterimExpectedRevenue(Side.Sellers, sellerGoodCount);
            buyerTransfer += 0.5 * (revenue - buyerExpected + sellerExpected);
            sellerTransfer += 0.5 * (revenue - sellerExpected + buyerExpected);
        }

        return new PairOutcome(buyerValue - buyerTransfer, sellerValue + sellerTransfer, buyerTransfer, sellerTransfer);
    }

    private static void CheckLengths(ThresholdMechanism mechanism, ReadOnlySpan<bool> buyerReport, ReadOnlySpan<bool> sellerReport, int trades)
    {
        var n = mechanism.Problem.Objects;
        if (buyerReport.Length != n || sellerReport.Length != n || trades != n)
        {
            throw new ArgumentException($"reports and trades must have one entry per object ({n})");
        }
    }
}

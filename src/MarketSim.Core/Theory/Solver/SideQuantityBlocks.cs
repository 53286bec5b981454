namespace MarketSim.Core.Theory.Solver;

/// <summary>
/// One side's per-quantity building blocks on the grid (docs/theory.md §1.3): the posted rate (cut-off) that
/// trades quantity q, the weighted surplus W_j(q) and the money psi_j(q) = q * cut-off.
/// Sellers: cut-off G_S^{-1}(q); buyers: cut-off G_B^{-1}(1-q).
/// </summary>
internal sealed class SideQuantityBlocks
{
    private SideQuantityBlocks(double[] cutoffRate, double[] surplus, double[] payment)
    {
        CutoffRate = cutoffRate;
        Surplus = surplus;
        Payment = payment;
    }

    public double[] CutoffRate { get; }

    /// <summary>W_j(q).</summary>
    public double[] Surplus { get; }

    /// <summary>psi_j(q).</summary>
    public double[] Payment { get; }

    /// <summary>Sellers: the cheapest trade first, so quantity q is traded at cut-off G_S^{-1}(q).</summary>
    public static SideQuantityBlocks ForSellers(IRateLaw law, double[] quantities, CancellationToken cancellationToken = default) =>
        Build(law, quantities, law.Lower, law.Upper, q => law.Quantile(q), law.SellerSurplus, cancellationToken);

    /// <summary>Buyers: the keenest trade first, so quantity q is traded at cut-off G_B^{-1}(1-q).</summary>
    public static SideQuantityBlocks ForBuyers(IRateLaw law, double[] quantities, CancellationToken cancellationToken = default) =>
        Build(law, quantities, law.Upper, law.Lower, q => law.Quantile(1.0 - q), law.BuyerSurplus, cancellationToken);

    /// <summary>
    /// The two sides are mirror images: the end quantities sit exactly on the support ends (no
    /// quantile call there), interior cut-offs are clamped to the support, W(0) = 0.
    /// </summary>
    private static SideQuantityBlocks Build(
        IRateLaw law, double[] quantities, double rateAtNoTrade, double rateAtFullTrade,
        Func<double, double> cutoffQuantile, Func<double, double> surplusAtCutoff, CancellationToken cancellationToken)
    {
        if (!double.IsFinite(law.Lower) || !double.IsFinite(law.Upper))
        {
            // q = 0 and q = 1 sit on the support's ends: RateLawFactory.Create truncates unbounded rates.
            throw new ArgumentException($"the solver needs rates with a bounded support, found [{law.Lower}, {law.Upper}]", nameof(law));
        }

        int n = quantities.Length;
        var rate = new double[n];
        var surplus = new double[n];
        var payment = new double[n];
        for (int i = 0; i < n; i++)
        {
            if ((i & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
            double q = quantities[i];
            rate[i] = i == 0 ? rateAtNoTrade : i == n - 1 ? rateAtFullTrade : Math.Clamp(cutoffQuantile(q), law.Lower, law.Upper);
            surplus[i] = i == 0 ? 0.0 : surplusAtCutoff(rate[i]);
            payment[i] = q * rate[i];
        }
        return new SideQuantityBlocks(rate, surplus, payment);
    }
}

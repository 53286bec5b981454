namespace MarketSim.Core.Theory.Solver;

/// <summary>
/// One side's per-quantity building blocks on the grid (SPEC 1.3): the posted rate (cut-off) that
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

    public static SideQuantityBlocks ForSellers(IRateLaw law, double[] quantities)
    {
        int n = quantities.Length;
        var rate = new double[n];
        var surplus = new double[n];
        var payment = new double[n];
        for (int i = 0; i < n; i++)
        {
            double q = quantities[i];
            rate[i] = i == 0 ? law.Lower : i == n - 1 ? law.Upper : Math.Clamp(law.Quantile(q), law.Lower, law.Upper);
            surplus[i] = i == 0 ? 0.0 : law.SellerSurplus(rate[i]);
            payment[i] = q * rate[i];
        }
        return new SideQuantityBlocks(rate, surplus, payment);
    }

    public static SideQuantityBlocks ForBuyers(IRateLaw law, double[] quantities)
    {
        int n = quantities.Length;
        var rate = new double[n];
        var surplus = new double[n];
        var payment = new double[n];
        for (int i = 0; i < n; i++)
        {
            double q = quantities[i];
            rate[i] = i == 0 ? law.Upper : i == n - 1 ? law.Lower : Math.Clamp(law.Quantile(1.0 - q), law.Lower, law.Upper);
            surplus[i] = i == 0 ? 0.0 : law.BuyerSurplus(rate[i]);
            payment[i] = q * rate[i];
        }
        return new SideQuantityBlocks(rate, surplus, payment);
    }
}

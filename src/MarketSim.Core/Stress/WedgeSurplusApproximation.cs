using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace MarketSim.Core.Stress;

/// <summary>
/// Large-N law of a price wedge's budget surplus per seller under promised lump sums, computed
/// from the continuum law alone (independent of the simulation; used to check it).
/// <para>Derivation. Every buyer with r_B &gt;= p_B and every seller with r_S &lt;= p_S takes the sure
/// option, independently: k_B ~ Bin(N_B, b), b = 1 - G_B(p_B); k_S ~ Bin(N_S, s), s = G_S(p_S),
/// and k_B, k_S are independent (the two sides draw separately, docs/theory.md §2). Volume k = min(k_B, k_S)
/// (docs/theory.md §2 fill rule), revenue w k with w = p_B - p_S, lump sums paid l N_S in total (l = promised
/// lump sum per seller-equivalent: L for sellers, mu L for buyers). So
/// S = w min(k_B, k_S) / N_S - l. By the de Moivre-Laplace theorem (k_B, k_S) is approximately
/// bivariate normal with independent components, means N_j p_j, variances N_j p_j (1 - p_j), and
/// the law of the minimum of independent variables is exact given the marginals:
/// P(min &lt;= c) = 1 - P(k_B &gt; c) P(k_S &gt; c). The counts are integers, so P(min &lt;= j) for integer j
/// is evaluated at j + 1/2 (continuity correction). The mean and variance of the minimum of two
/// normals are Clark's (1961) formulas: with theta^2 = s_B^2 + s_S^2, alpha = (m_B - m_S)/theta,
/// E[min] = m_B Phi(-alpha) + m_S Phi(alpha) - theta phi(alpha),
/// E[min^2] = (m_B^2 + s_B^2) Phi(-alpha) + (m_S^2 + s_S^2) Phi(alpha) - (m_B + m_S) theta phi(alpha).
/// At the paper's wedge (m_B = m_S, the continuum lump sum l = w Q exactly spends the mean revenue)
/// E[min] = Q N - theta / sqrt(2 pi), a shortfall of order sqrt(N) trades: the finite market
/// loses trades, and P(deficit) -> 1 - 1/4 = 3/4.</para>
/// Approximation error: Berry-Esseen, of order 1/sqrt(N p (1 - p)) in the CDF (a few 1e-3 at N = 2000).
/// </summary>
public sealed record WedgeSurplusApproximation(
    int Buyers, int Sellers, double BuyerTradeProbability, double SellerTradeProbability, double Wedge, double LumpSumPerSeller)
{
    private double BuyerMean => Buyers * BuyerTradeProbability;
    private double SellerMean => Sellers * SellerTradeProbability;
    private double BuyerSd => Math.Sqrt(Buyers * BuyerTradeProbability * (1 - BuyerTradeProbability));
    private double SellerSd => Math.Sqrt(Sellers * SellerTradeProbability * (1 - SellerTradeProbability));

    /// <summary>Normal approximation of P(min(k_B, k_S) &lt;= c) for real c (no continuity correction).</summary>
    public double VolumeCdf(double c) =>
        1 - ((1 - Normal.CDF(BuyerMean, Math.Max(BuyerSd, 1e-300), c)) * (1 - Normal.CDF(SellerMean, Math.Max(SellerSd, 1e-300), c)));

    /// <summary>P(S &lt; 0) = P(min &lt; l N_S / w) = P(min &lt;= ceil(t) - 1), continuity-corrected.</summary>
    public double DeficitProbability()
    {
        var threshold = LumpSumPerSeller * Sellers / Wedge;
        var below = Math.Ceiling(threshold - 1e-9) - 1;
        return VolumeCdf(below + 0.5);
    }

    /// <summary>The q-quantile of the integer volume: the smallest j with P(min &lt;= j) >= q (continuity-corrected).</summary>
    public int VolumeQuantile(double q)
    {
        var low = Math.Min(BuyerMean - (12 * BuyerSd), SellerMean - (12 * SellerSd)) - 1;
        var high = Math.Min(BuyerMean + (12 * BuyerSd), SellerMean + (12 * SellerSd)) + 1;
        var c = Brent.FindRoot(value => VolumeCdf(value) - q, low, high, 1e-9, 200);
        return (int)Math.Ceiling(c - 0.5);
    }

    /// <summary>The q-quantile of the budget surplus per seller.</summary>
    public double SurplusQuantile(double q) => (Wedge * VolumeQuantile(q) / Sellers) - LumpSumPerSeller;

    /// <summary>
    /// The safety margin per recipient agent (see <see cref="SafetyMargin"/>): D = -S N_S / N_r is
    /// decreasing in the volume, so its (1 - a)-quantile is at the volume's a-quantile.
    /// </summary>
    public double SafetyMargin(double maxDeficitProbability, int recipients) =>
        -SurplusQuantile(maxDeficitProbability) * Sellers / recipients;

    /// <summary>Mean surplus per seller from Clark's E[min].</summary>
    public double MeanSurplus() => (Wedge * MeanVolume() / Sellers) - LumpSumPerSeller;

    /// <summary>Clark (1961): E[min(X_B, X_S)] for independent normals.</summary>
    public double MeanVolume()
    {
        var theta = Math.Sqrt((BuyerSd * BuyerSd) + (SellerSd * SellerSd));
        var alpha = (BuyerMean - SellerMean) / theta;
        return (BuyerMean * Normal.CDF(0, 1, -alpha)) + (SellerMean * Normal.CDF(0, 1, alpha)) - (theta * Normal.PDF(0, 1, alpha));
    }

    /// <summary>Clark (1961): Var[min(X_B, X_S)] for independent normals.</summary>
    public double VolumeVariance()
    {
        var theta = Math.Sqrt((BuyerSd * BuyerSd) + (SellerSd * SellerSd));
        var alpha = (BuyerMean - SellerMean) / theta;
        var second = (((BuyerMean * BuyerMean) + (BuyerSd * BuyerSd)) * Normal.CDF(0, 1, -alpha))
            + (((SellerMean * SellerMean) + (SellerSd * SellerSd)) * Normal.CDF(0, 1, alpha))
            - ((BuyerMean + SellerMean) * theta * Normal.PDF(0, 1, alpha));
        var mean = MeanVolume();
        return second - (mean * mean);
    }

    /// <summary>Standard deviation of the surplus per seller: w sd(min) / N_S.</summary>
    public double SurplusStandardDeviation() => Wedge * Math.Sqrt(VolumeVariance()) / Sellers;
}

using MarketSim.Core.Agents;

namespace MarketSim.Core.MultiObject;

/// <summary>
/// One side's part of an optimal mechanism (004 Theorem 1, docs/theory.md §3). When j reports a bad value for
/// an object and the rival a good one, they trade with probability <c>Mu[m]</c>, m = the number of
/// good values j reported: 0 below <c>Threshold</c> (M^j), <c>Sigma</c> at M^j, 1 above.
/// Normal form: M^j = the smallest m with mu^j_m > 0 and sigma^j = mu^j_M in (0, 1]. <c>Mu</c> has
/// N + 1 entries; <c>Mu[N]</c> = 1 always (a type with N good values has no bad object, so the entry
/// multiplies nothing: 004's mu stops at N - 1). Hence "trade every bad object" is (M = 0, sigma = 1)
/// and "never trade a bad object" is (M = N, sigma = 1); 004's form (M in 0..N-1, sigma in [0,1))
/// is the same rule written with sigma = 0 where this one has (M + 1, 1).
/// </summary>
/// <param name="WorstTypePayment">c^j >= 0: the transfer to j's type with no good value (004 (9)).</param>
/// <param name="Utility">NU^j = c^j + sum_m A^j_m mu^j_m: j's ex-ante utility (004 (10), docs/theory.md §3).</param>
/// <param name="InterimTransfer">tau^j(m) = c^j + q_{-j} Delta_j sum_{k&lt;m} mu^j_k, m = 0..N (docs/theory.md §3): j's interim utility.</param>
public sealed record SideThreshold(
    Side Side,
    int Threshold,
    double Sigma,
    IReadOnlyList<double> Mu,
    double WorstTypePayment,
    double Utility,
    IReadOnlyList<double> InterimTransfer)
{
    /// <summary>N.</summary>
    public int Objects => Mu.Count - 1;

    /// <summary>mu^j_m = 1 for every m: j trades every bad object the rival wants.</summary>
    public bool TradesEveryBadObject => Threshold == 0 && Sigma == 1;

    /// <summary>mu^j_m = 0 for every m &lt; N: j trades only its good objects.</summary>
    public bool NeverTradesBadObjects => Threshold == Objects;

    /// <summary>
    /// M + 1 - sigma = sum_{m&lt;N} (1 - mu^j_m), in [0, N]: the threshold as one continuous number
    /// (0 = trade every bad object, N = never), falling as mu^j rises; for plots against the weight.
    /// </summary>
    public double EffectiveThreshold => Threshold + 1 - Sigma;

    /// <summary>
    /// 004 Theorem 1's threshold M^j in 0..N-1 (its sigma^j in [0, 1) is <c>Mu[M^j]</c>): the largest
    /// m &lt; N with mu^j_m &lt; 1, so j trades a bad object surely when it reports more than M^j good
    /// values. 0 when j trades every bad object (the one rule 004's form cannot write, where its sigma
    /// would be 1). This is the threshold of 004 Figures 3 and 5 ("both thresholds are 1" at N = 8,
    /// "never reaches 8"; docs/theory.md §3).
    /// </summary>
    public int PaperThreshold
    {
        get
        {
            for (var m = Objects - 1; m >= 0; m--)
            {
                if (Mu[m] < 1)
                {
                    return m;
                }
            }

            return 0;
        }
    }
}

using System.Numerics;
using MarketSim.Core.Agents;

namespace MarketSim.Core.MultiObject;

/// <summary>
/// 004 Proposition 5 (docs/theory.md §3): agent j gets a strictly positive ex-ante utility in every
/// second-best mechanism (every seller weight, j's own weight 0 included) iff its most eager bad
/// type's trade mu^j_{N-1} costs the budget nothing, i.e. b^j_{N-1} &lt; 0. With the appendix's
/// q^b read as q^j:
/// <c>b^j_{N-1} = q_{-j} q_j^{N-1} [Delta_j q_j - G_j N (1 - q_j)]</c>, G_j = the gains of an encounter
/// where j is bad (vb_l - vs_l for the buyer, vb_h - vs_h for the seller, = v_h^b - v_l^s - Delta_j),
/// so b^j_{N-1} &lt; 0 iff <c>N &gt; q_j Delta_j / ((1 - q_j) G_j)</c>. The paper writes "&gt;=": at
/// equality b = 0 and j's weight-0 optimum may or may not trade (both are optimal), so positive
/// utility in EVERY second-best mechanism needs the strict inequality. The bound does not depend on N,
/// so the smallest such N is one number per agent, computed exactly in rationals.
/// </summary>
public static class PositiveUtilityThreshold
{
    /// <summary>The smallest N with b^j_{N-1} &lt; 0: floor(q_j Delta_j / ((1 - q_j) G_j)) + 1.</summary>
    public static int SmallestObjects(MultiObjectProblem problem, Side side)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var values = problem.Values(side);
        var good = Fraction.FromDouble(values.GoodProbability);
        var delta = Fraction.FromDouble(values.High) - Fraction.FromDouble(values.Low);
        var badGain = side == Side.Buyers
            ? Fraction.FromDouble(problem.Buyer.Low) - Fraction.FromDouble(problem.Seller.Low)
            : Fraction.FromDouble(problem.Buyer.High) - Fraction.FromDouble(problem.Seller.High);
        var bound = good * delta / ((1 - good) * badGain); // > 0: the ordering vb_h > vs_h > vb_l > vs_l makes G_j > 0
        var smallest = BigInteger.Divide(bound.Numerator, bound.Denominator) + 1;
        return smallest > int.MaxValue ? int.MaxValue : (int)smallest;
    }
}

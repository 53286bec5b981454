namespace MarketSim.Core.Laws;

/// <summary>
/// Joint data: every agent is one of the rows (v^K_i, v^M_i), each with probability 1/n (docs/theory.md §1.5, joint data; §1.1:
/// any law of (v^K, v^M) on the positive quadrant). Row i = floor(u1 n) of the first uniform; the second
/// uniform is not used. The rows' exact joint law is what the simulation draws; the continuum theory uses
/// its smoothed rate law (<see cref="Theory.RateLaws.SmoothedJointRateLaw"/>).
/// </summary>
public sealed class JointEmpiricalLaw : ISideLaw
{
    private readonly double[] goods;
    private readonly double[] moneys;

    /// <exception cref="ArgumentException">No rows, rows of different lengths, or a value that is not finite and positive.</exception>
    public JointEmpiricalLaw(IReadOnlyList<double> goods, IReadOnlyList<double> moneys)
    {
        ArgumentNullException.ThrowIfNull(goods);
        ArgumentNullException.ThrowIfNull(moneys);
        Validate(goods, moneys);
        this.goods = goods.ToArray();
        this.moneys = moneys.ToArray();
        MeanValueOfMoney = this.moneys.Average();
    }

    public int Count => goods.Length;

    public double MeanValueOfMoney { get; }

    public (double ValueOfGood, double ValueOfMoney) Draw(double firstUniform, double secondUniform)
    {
        var row = Math.Clamp((int)(firstUniform * goods.Length), 0, goods.Length - 1);
        return (goods[row], moneys[row]);
    }

    /// <summary>v^K &gt; 0 (the smoothing works on ln r) and v^M &gt; 0 (docs/theory.md §1.1), finite, one pair a row.</summary>
    internal static void Validate(IReadOnlyList<double> goods, IReadOnlyList<double> moneys)
    {
        if (goods.Count == 0 || goods.Count != moneys.Count)
        {
            throw new ArgumentException($"joint data needs at least one row and as many goods as moneys (found {goods.Count} and {moneys.Count})", nameof(goods));
        }

        for (var i = 0; i < goods.Count; i++)
        {
            if (!(goods[i] > 0) || !double.IsFinite(goods[i]) || !(moneys[i] > 0) || !double.IsFinite(moneys[i]))
            {
                throw new ArgumentException($"row {i + 1} of the joint data: good and money must be finite and positive (found {goods[i]}, {moneys[i]})", nameof(goods));
            }
        }
    }
}

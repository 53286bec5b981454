namespace MarketSim.Core.Agents;

/// <summary>
/// The agents of one side in struct-of-arrays form: agent i has type (v^K_i, v^M_i) and
/// reports its rate of substitution r_i = v^K_i / v^M_i (docs/theory.md §1.1). Arrays are reused across
/// replications so that hot loops allocate nothing per agent.
/// </summary>
public sealed class SidePopulation
{
    public SidePopulation(Side side, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Side = side;
        ValueOfGood = new double[count];
        ValueOfMoney = new double[count];
        RateOfSubstitution = new double[count];
    }

    public Side Side { get; }
    public int Count => ValueOfGood.Length;

    /// <summary>v^K: social value of the good to the agent.</summary>
    public double[] ValueOfGood { get; }

    /// <summary>v^M: value of a unit of money (high = poor); always positive.</summary>
    public double[] ValueOfMoney { get; }

    /// <summary>r = v^K / v^M: the only thing the agent's behaviour depends on.</summary>
    public double[] RateOfSubstitution { get; }

    /// <summary>Copies a contiguous block of agents (a cohort's report) into place and computes their rates.</summary>
    public void Place(int offset, ReadOnlySpan<double> valueOfGood, ReadOnlySpan<double> valueOfMoney)
    {
        valueOfGood.CopyTo(ValueOfGood.AsSpan(offset));
        valueOfMoney.CopyTo(ValueOfMoney.AsSpan(offset));
        ComputeRates(offset, valueOfGood.Length);
    }

    /// <summary>r = v^K / v^M for agents offset .. offset + count - 1, whose types are already in place.</summary>
    public void ComputeRates(int offset, int count)
    {
        var good = ValueOfGood.AsSpan(offset, count);
        var money = ValueOfMoney.AsSpan(offset, count);
        var rates = RateOfSubstitution.AsSpan(offset, count);
        for (var i = 0; i < rates.Length; i++)
        {
            rates[i] = good[i] / money[i];
        }
    }
}

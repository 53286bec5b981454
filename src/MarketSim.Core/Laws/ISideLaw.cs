namespace MarketSim.Core.Laws;

/// <summary>The law of one side's two-dimensional types (v^K, v^M), for sampling.</summary>
public interface ISideLaw
{
    /// <summary>
    /// Maps two independent uniforms in (0, 1) to a type by inverse CDFs (through the copula when
    /// there is one). Deterministic: the same uniforms always give the same type.
    /// </summary>
    (double ValueOfGood, double ValueOfMoney) Draw(double firstUniform, double secondUniform);

    /// <summary>Lambda_j = E[v^M], the side's average Pareto weight (docs/theory.md §1.1).</summary>
    double MeanValueOfMoney { get; }
}

namespace MarketSim.Core.Theory.Diagnostics;

/// <summary>Same-side inequality class of a side (docs/theory.md §1.1): none iff lambdabar_j == 1; low iff lambdabar_j(r_j) &lt;= 2; else high.</summary>
public enum SameSideInequality
{
    None,
    Low,
    High,
}

namespace MarketSim.Core.Theory;

/// <summary>
/// A rate law that approximates an exact one (a table, docs/theory.md §1.5) and can hand it out for limits the
/// approximation does not resolve, such as the behaviour of G_j and lambda_j at the very end of the support
/// (000 Remark 2's Delta'_S(r_S)). It lives beside <see cref="IRateLaw"/> so that Theory does not depend on the laws.
/// </summary>
public interface IApproximateRateLaw : IRateLaw
{
    /// <summary>The exact law.</summary>
    IRateLaw Source { get; }
}

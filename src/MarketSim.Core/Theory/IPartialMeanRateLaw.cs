namespace MarketSim.Core.Theory;

/// <summary>
/// A rate law that knows the partial mean <c>E[R 1{R &lt;= r}]</c> in closed form (a tabulated law:
/// docs/theory.md §1.5), so the continuum CE's volume and prices need no quadrature over its support.
/// It lives beside <see cref="IRateLaw"/> so that Theory does not depend on the laws that implement it.
/// </summary>
public interface IPartialMeanRateLaw : IRateLaw
{
    /// <summary><c>E[R 1{R &lt;= rate}] = int_{r_}^{rate} tau dG(tau)</c>.</summary>
    double RateBelow(double rate);
}

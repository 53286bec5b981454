namespace MarketSim.Core.Theory;

/// <summary>
/// The competitive equilibrium of the continuum economy (docs/theory.md §1.2), per unit mass of sellers.
/// </summary>
/// <param name="Price">p_CE: the midpoint of the clearing interval (a point unless both sides' rate laws are flat there).</param>
/// <param name="Volume">Q = G_S(p_CE): mass of sellers who sell (= mu (1 - G_B(p_CE)), buyers who buy).</param>
/// <param name="Welfare">W = mu W_B(p_CE) + W_S(p_CE) (docs/theory.md §1.1 VAL, 1.3 building blocks).</param>
/// <param name="BuyerWelfare">mu E_B[(v^K - p v^M)^+]: the buyers' part of W.</param>
/// <param name="SellerWelfare">E_S[(p v^M - v^K)^+]: the sellers' part of W.</param>
/// <param name="PriceLow">Lowest clearing price: inf{p : mu (1 - G_B(p)) &lt;= G_S(p)}.</param>
/// <param name="PriceHigh">Highest clearing price: sup{p : mu (1 - G_B(p)) &gt;= G_S(p)}.</param>
/// <param name="GainsFromTrade">mu E_B[R 1{R &gt;= p}] - E_S[R 1{R &lt;= p}]: gains in willingness to pay (docs/theory.md §5).</param>
public sealed record ContinuumCompetitiveEquilibriumResult(
    double Price,
    double Volume,
    double Welfare,
    double BuyerWelfare,
    double SellerWelfare,
    double PriceLow,
    double PriceHigh,
    double GainsFromTrade);

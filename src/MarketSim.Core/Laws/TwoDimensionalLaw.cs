using MarketSim.Core.Distributions;

namespace MarketSim.Core.Laws;

/// <summary>
/// Types (v^K, v^M) with given marginals, coupled by a Gaussian copula (independent when rho = 0)
/// (docs/theory.md §1.5). Sampling: v^K = F_K^-1(u1), v^M = F_M^-1(u_M) with u_M from <see cref="GaussianCopula"/>.
/// </summary>
public sealed class TwoDimensionalLaw : ISideLaw
{
    public TwoDimensionalLaw(IValueDistribution good, IValueDistribution money, double copulaCorrelation = 0.0)
    {
        ArgumentNullException.ThrowIfNull(good);
        ArgumentNullException.ThrowIfNull(money);
        RequirePositiveMoney(money);
        Good = good;
        Money = money;
        Copula = new GaussianCopula(copulaCorrelation);
    }

    public IValueDistribution Good { get; }
    public IValueDistribution Money { get; }
    public GaussianCopula Copula { get; }

    public double MeanValueOfMoney => Money.Mean;

    public (double ValueOfGood, double ValueOfMoney) Draw(double firstUniform, double secondUniform) =>
        (Good.InverseCdf(firstUniform), Money.InverseCdf(Copula.SecondUniform(firstUniform, secondUniform)));

    /// <summary>v^M &gt; 0 always (docs/theory.md §1.1): support in [0, inf), and a point mass must be positive.</summary>
    internal static void RequirePositiveMoney(IValueDistribution money)
    {
        if (money.Lower < 0 || (money.IsDegenerate && !(money.Lower > 0)))
        {
            throw new ArgumentException("The value of money v^M must be positive.", nameof(money));
        }
    }
}

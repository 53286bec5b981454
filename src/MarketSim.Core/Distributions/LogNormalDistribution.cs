using MathNet.Numerics.Distributions;

namespace MarketSim.Core.Distributions;

/// <summary>exp(N(mu, sigma^2)) (<c>lognormal: { mu, sigma }</c>); MathNet for CDF, density, quantile.</summary>
public sealed class LogNormalDistribution : IValueDistribution
{
    public LogNormalDistribution(double mu, double sigma)
    {
        if (!double.IsFinite(mu))
        {
            throw new ArgumentException("A lognormal law needs a finite mu.", nameof(mu));
        }

        if (!(sigma > 0) || !double.IsFinite(sigma))
        {
            throw new ArgumentException("A lognormal law needs a finite sigma > 0.", nameof(sigma));
        }

        Mu = mu;
        Sigma = sigma;
    }

    public double Mu { get; }
    public double Sigma { get; }
    public double Lower => 0;
    public double Upper => double.PositiveInfinity;
    public double Mean => Math.Exp(Mu + 0.5 * Sigma * Sigma);
    public bool IsDegenerate => false;

    public double Cdf(double x) => x <= 0 ? 0 : LogNormal.CDF(Mu, Sigma, x);

    public double Density(double x) => x <= 0 ? 0 : LogNormal.PDF(Mu, Sigma, x);

    public double InverseCdf(double probability) => LogNormal.InvCDF(Mu, Sigma, probability);

    // Black-Scholes put: E[(t - X)^+] = t Phi(d) - E[X] Phi(d - sigma), d = (ln t - mu) / sigma.
    public double LowerPartialExpectation(double threshold)
    {
        if (threshold <= 0)
        {
            return 0;
        }

        var d = (Math.Log(threshold) - Mu) / Sigma;
        return threshold * Normal.CDF(0, 1, d) - Mean * Normal.CDF(0, 1, d - Sigma);
    }

    public double UpperPartialExpectation(double threshold)
    {
        if (threshold <= 0)
        {
            return Mean - threshold;
        }

        var d = (Math.Log(threshold) - Mu) / Sigma;
        return Mean * Normal.CDF(0, 1, Sigma - d) - threshold * Normal.CDF(0, 1, -d);
    }

    public double RawMoment(int order) => Math.Exp(order * Mu + 0.5 * order * order * Sigma * Sigma);
}

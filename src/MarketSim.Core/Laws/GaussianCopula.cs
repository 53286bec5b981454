using MathNet.Numerics.Distributions;

namespace MarketSim.Core.Laws;

/// <summary>
/// The Gaussian copula with correlation rho that couples v^K and v^M (docs/theory.md §1.5, docs/architecture.md
/// <c>copula: { gaussian: rho }</c>). Uniform u_K = Phi(z1), u_M = Phi(z2), corr(z1, z2) = rho.
/// rho = 0 is the independence copula and skips every normal transform.
/// </summary>
public sealed class GaussianCopula
{
    public GaussianCopula(double correlation)
    {
        if (!(correlation > -1 && correlation < 1))
        {
            throw new ArgumentException("A Gaussian copula needs a correlation rho in (-1, 1).", nameof(correlation));
        }

        Correlation = correlation;
        Residual = Math.Sqrt(1 - correlation * correlation);
    }

    public double Correlation { get; }

    /// <summary>sqrt(1 - rho^2).</summary>
    public double Residual { get; }

    public bool IsIndependent => Correlation == 0;

    /// <summary>
    /// u_M from two independent uniforms, with u_K = first: z2 = rho Phi^-1(u1) + sqrt(1 - rho^2) Phi^-1(u2).
    /// Kept strictly inside (0, 1) so that inverse CDFs stay finite.
    /// </summary>
    public double SecondUniform(double first, double second)
    {
        if (IsIndependent)
        {
            return second;
        }

        var z = Correlation * Normal.InvCDF(0, 1, first) + Residual * Normal.InvCDF(0, 1, second);
        return Math.Clamp(Normal.CDF(0, 1, z), double.Epsilon, Math.BitDecrement(1.0));
    }

    /// <summary>C(v | u) = P(U_K &lt;= v | U_M = u) = Phi((Phi^-1(v) - rho Phi^-1(u)) / sqrt(1 - rho^2)).</summary>
    public double ConditionalCdf(double v, double u)
    {
        if (IsIndependent || v <= 0 || v >= 1)
        {
            return Math.Clamp(v, 0, 1);
        }

        return Normal.CDF(0, 1, (Normal.InvCDF(0, 1, v) - Correlation * Normal.InvCDF(0, 1, u)) / Residual);
    }

    /// <summary>c(v | u) = dC(v | u)/dv, the copula density; 1 when independent.</summary>
    public double ConditionalDensity(double v, double u)
    {
        if (IsIndependent)
        {
            return 1;
        }

        if (v <= 0 || v >= 1)
        {
            return 0;
        }

        var zv = Normal.InvCDF(0, 1, v);
        var argument = (zv - Correlation * Normal.InvCDF(0, 1, u)) / Residual;
        return Math.Exp(0.5 * (zv * zv - argument * argument)) / Residual;
    }
}

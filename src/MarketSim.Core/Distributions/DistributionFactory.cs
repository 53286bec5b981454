namespace MarketSim.Core.Distributions;

/// <summary>Turns a scenario's <see cref="DistributionSpec"/> into a law.</summary>
public static class DistributionFactory
{
    /// <exception cref="ArgumentException">The parameters do not define a law (named in the message).</exception>
    public static IValueDistribution Create(DistributionSpec spec) => spec switch
    {
        null => throw new ArgumentNullException(nameof(spec)),
        ConstantSpec constant => new ConstantDistribution(constant.Value),
        UniformSpec uniform => new UniformDistribution(uniform.Lower, uniform.Upper),
        PowerSpec power => new PowerDistribution(power.Exponent),
        ParetoSpec pareto => new ParetoDistribution(pareto.Scale, pareto.Shape),
        LogNormalSpec logNormal => new LogNormalDistribution(logNormal.Mu, logNormal.Sigma),
        BetaSpec beta => new BetaDistribution(beta.A, beta.B),
        EmpiricalSpec empirical => new EmpiricalDistribution(empirical.Values),
        _ => throw new ArgumentException($"Unknown distribution {spec.GetType().Name}.", nameof(spec)),
    };
}

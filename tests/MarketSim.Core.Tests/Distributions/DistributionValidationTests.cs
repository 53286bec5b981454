using MarketSim.Core.Distributions;

namespace MarketSim.Core.Tests.Distributions;

/// <summary>Invalid parameters are rejected with an ArgumentException naming the parameter.</summary>
public class DistributionValidationTests
{
    public static TheoryData<DistributionSpec, string> Invalid => new()
    {
        { new UniformSpec(1, 1), "upper" },
        { new UniformSpec(2, 1), "upper" },
        { new UniformSpec(double.NegativeInfinity, 1), "lower" },
        { new PowerSpec(0), "exponent" },
        { new ParetoSpec(0, 2), "scale" },
        { new ParetoSpec(1, -1), "shape" },
        { new LogNormalSpec(0, 0), "sigma" },
        { new LogNormalSpec(double.NaN, 1), "mu" },
        { new BetaSpec(0, 1), "a" },
        { new BetaSpec(1, -2), "b" },
        { new EmpiricalSpec("empty.csv", []), "values" },
        { new EmpiricalSpec("nan.csv", [1, double.NaN]), "values" },
        { new ConstantSpec(double.PositiveInfinity), "value" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void FactoryRejectsInvalidParameters(DistributionSpec spec, string parameter)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => DistributionFactory.Create(spec));
        Assert.Equal(parameter, exception.ParamName);
    }

    [Fact]
    public void FactoryBuildsTheNamedLaw()
    {
        Assert.IsType<UniformDistribution>(DistributionFactory.Create(new UniformSpec(0, 1)));
        Assert.IsType<PowerDistribution>(DistributionFactory.Create(new PowerSpec(2)));
        Assert.IsType<ParetoDistribution>(DistributionFactory.Create(new ParetoSpec(1, 2)));
        Assert.IsType<LogNormalDistribution>(DistributionFactory.Create(new LogNormalSpec(0, 1)));
        Assert.IsType<BetaDistribution>(DistributionFactory.Create(new BetaSpec(1, 2)));
        Assert.IsType<EmpiricalDistribution>(DistributionFactory.Create(new EmpiricalSpec("x.csv", [1.0])));
        Assert.IsType<ConstantDistribution>(DistributionFactory.Create(new ConstantSpec(1)));
    }
}

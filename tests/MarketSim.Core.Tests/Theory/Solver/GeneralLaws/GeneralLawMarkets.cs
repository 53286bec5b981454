using MarketSim.Core.Theory.RateLaws;
using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory;

namespace MarketSim.Core.Tests.Theory.Solver.GeneralLaws;

/// <summary>Issue 12's acceptance laws, as specs: each gives the tabulated market and the exact one (no table).</summary>
internal static class GeneralLawMarkets
{
    public static (SideLawSpec Buyers, SideLawSpec Sellers, double Mu) Specs(string name) => name switch
    {
        "lognormal money" => (
            new TwoDimensionalLawSpec(new UniformSpec(0, 1), new LogNormalSpec(0, 0.3)),
            new TwoDimensionalLawSpec(new UniformSpec(0, 1), new LogNormalSpec(0.5, 0.4)), 1.0),
        "lognormal goods" => (
            new TwoDimensionalLawSpec(new LogNormalSpec(0, 0.5), new ConstantSpec(1)),
            new TwoDimensionalLawSpec(new LogNormalSpec(-0.5, 0.5), new ConstantSpec(2)), 1.0),
        "copula" => (
            new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1)),
            new TwoDimensionalLawSpec(new BetaSpec(2, 3), new ParetoSpec(1, 3), 0.3), 0.5),
        "joint data" => (JointRows(400, 20260101), new TwoDimensionalLawSpec(new UniformSpec(0, 1), new ConstantSpec(1.5)), 1.0),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    public static ContinuumMarket Tabulated(string name)
    {
        var (buyers, sellers, mu) = Specs(name);
        return new ContinuumMarket(RateLawFactory.Create(buyers), RateLawFactory.Create(sellers), mu);
    }

    public static ContinuumMarket Exact(string name)
    {
        var (buyers, sellers, mu) = Specs(name);
        return new ContinuumMarket(RateLawFactory.CreateExact(buyers), RateLawFactory.CreateExact(sellers), mu);
    }

    /// <summary>
    /// Rows like scripts/make-joint-example.py's: income y lognormal(0, 0.5), v^M = 1/y, rate w = 0.3 y^0.6 e^(0.3 z),
    /// from a seeded stream (the same rows every run).
    /// </summary>
    public static JointEmpiricalLawSpec JointRows(int rows, int seed)
    {
        var random = new MathNet.Numerics.Random.MersenneTwister(seed);
        var goods = new double[rows];
        var moneys = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            double income = Math.Exp(0.5 * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1));
            double pay = 0.3 * Math.Pow(income, 0.6) * Math.Exp(0.3 * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1));
            moneys[i] = 1 / income;
            goods[i] = pay * moneys[i];
        }
        return new JointEmpiricalLawSpec("test rows", goods, moneys);
    }
}

using BenchmarkDotNet.Attributes;
using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Benchmarks;

/// <summary>
/// Issue 12: the optimal mechanism for each law family a user may bring, cold (tabulate both sides' rate laws
/// from their exact quadratures, then solve: what the first `solve` of a law costs) and warm (solve on the
/// tables: what every later solve of the same law in the process costs, e.g. a sweep point whose law is
/// unchanged). docs/benchmarks.md compares these with a discretised LP of the same law.
/// dotnet run -c Release --project bench/MarketSim.Benchmarks -- --filter '*GeneralLawBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class GeneralLawBenchmarks
{
    private (SideLawSpec Buyers, SideLawSpec Sellers, double Mu) _specs;
    private ContinuumMarket _warm = null!;

    [Params("uniform-section2", "lognormal-money", "lognormal-goods", "copula-beta-pareto", "joint-data")]
    public string Family { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _specs = Family switch
        {
            "uniform-section2" => (Side(new UniformSpec(0, 1), new ConstantSpec(1)), Side(new UniformSpec(0, 1), new ConstantSpec(2)), 1.0),
            "lognormal-money" => (Side(new UniformSpec(0, 1), new LogNormalSpec(0, 0.3)), Side(new UniformSpec(0, 1), new LogNormalSpec(0.5, 0.4)), 1.0),
            "lognormal-goods" => (Side(new LogNormalSpec(0, 0.5), new ConstantSpec(1)), Side(new LogNormalSpec(-0.5, 0.5), new ConstantSpec(2)), 1.0),
            "copula-beta-pareto" => (Side(new UniformSpec(0, 1), new ConstantSpec(1)), new TwoDimensionalLawSpec(new BetaSpec(2, 3), new ParetoSpec(1, 3), 0.3), 0.5),
            "joint-data" => (JointRows(), Side(new UniformSpec(0, 1), new ConstantSpec(1.5)), 1.0),
            _ => throw new ArgumentException(Family),
        };
        _warm = new ContinuumMarket(RateLawFactory.Create(_specs.Buyers), RateLawFactory.Create(_specs.Sellers), _specs.Mu);
    }

    /// <summary>Tabulate (where the factory would) and solve, both regimes; no cached table is used.</summary>
    [Benchmark]
    public double Cold()
    {
        var market = new ContinuumMarket(Fresh(_specs.Buyers), Fresh(_specs.Sellers), _specs.Mu);
        return OptimalMechanismSolver.Solve(market, true).Welfare + OptimalMechanismSolver.Solve(market, false).Welfare;
    }

    /// <summary>Both regimes on the tables built once.</summary>
    [Benchmark(Baseline = true)]
    public double Warm() => OptimalMechanismSolver.Solve(_warm, true).Welfare + OptimalMechanismSolver.Solve(_warm, false).Welfare;

    private static TwoDimensionalLawSpec Side(DistributionSpec good, DistributionSpec money) => new(good, money);

    private static IRateLaw Fresh(SideLawSpec spec)
    {
        IRateLaw exact = RateLawFactory.CreateExact(spec);
        bool needsTable = exact is TwoDimensionalRateLaw or SmoothedJointRateLaw || !double.IsFinite(exact.Upper);
        return needsTable ? new TabulatedRateLaw(exact) : exact;
    }

    /// <summary>400 rows like scripts/make-joint-example.py's (income lognormal(0, 0.5), v^M = 1/income).</summary>
    private static JointEmpiricalLawSpec JointRows()
    {
        var random = new MathNet.Numerics.Random.MersenneTwister(20260101);
        var goods = new double[400];
        var moneys = new double[400];
        for (int i = 0; i < goods.Length; i++)
        {
            double income = Math.Exp(0.5 * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1));
            moneys[i] = 1 / income;
            goods[i] = 0.3 * Math.Pow(income, 0.6) * Math.Exp(0.3 * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1)) * moneys[i];
        }
        return new JointEmpiricalLawSpec("rows", goods, moneys);
    }
}

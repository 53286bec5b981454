using BenchmarkDotNet.Attributes;
using MarketSim.Core.MultiObject;
using MarketSim.Core.Scenarios;

namespace MarketSim.Benchmarks;

/// <summary>
/// What `solve` does for one multi-object-threshold mechanism (docs/theory.md §3, paper 004): build the
/// problem (exact binomial coefficients), solve at the seller weight, and sweep the Pareto frontier, at 100
/// objects and at the largest admitted size (InputLimits.MaxObjects = 1000). Asymmetric values with 53-bit
/// good probabilities (q = 0.3, 0.6), so the exact coefficients have about 54 N bits: the hard case.
/// ShortRun job (3 iterations): costs to an order of magnitude.
/// dotnet run -c Release --project bench/MarketSim.Benchmarks -- --filter '*MultiObjectSolverBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class MultiObjectSolverBenchmarks
{
    [Params(100, 1000)]
    public int Objects { get; set; }

    [Benchmark]
    public int SolveAndSweepFrontier()
    {
        var problem = new MultiObjectProblem(Objects, new BinaryValues(12.3, 1.1, 0.3), new BinaryValues(11.2, 0.1, 0.6));
        var mechanism = ThresholdSolver.Solve(problem, 0.5);
        return mechanism.Buyer.Threshold + ParetoFrontier.Compute(problem).Vertices.Count;
    }
}

using BenchmarkDotNet.Attributes;
using MarketSim.Core.Replications;
using MarketSim.Simulation.Running;
using MarketSim.Simulation;

namespace MarketSim.Benchmarks;

/// <summary>
/// BenchmarkDotNet view of the pipeline (the table mode, <see cref="ThroughputTable"/>, is the
/// documented command). The bare in-process loop (draw types, clear, measure; no actors) is this
/// machine's reference; the actor pipeline is measured on the same scenario, one replication and many.
/// Agents per second = 2 * sellers * replications / mean time.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Many = 64;
    private MarketModel model = null!;
    private ReplicationWorkspace workspace = null!;

    [Params(10_000, 1_000_000)]
    public int Sellers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        model = new MarketModel(BenchmarkScenarios.UniformExample(Sellers, Many, BenchmarkScenarios.ThreeMechanisms));
        workspace = new ReplicationWorkspace(model);
    }

    [Benchmark(Baseline = true, Description = "bare loop, 1 replication")]
    public ReplicationResult BareLoopOneReplication() => ReplicationRunner.Run(model, 0, workspace);

    [Benchmark(Description = "actor pipeline, 1 replication")]
    public Task<IReadOnlyList<ReplicationResult>> ActorPipelineOneReplication() =>
        SimulationRunner.RunAsync(model, new SimulationOptions(1, 1));

    [Benchmark(OperationsPerInvoke = Many, Description = "actor pipeline, 64 replications on 2 workers (per replication)")]
    public Task<IReadOnlyList<ReplicationResult>> ActorPipelineManyReplications() =>
        SimulationRunner.RunAsync(model, new SimulationOptions(Many, 2));
}

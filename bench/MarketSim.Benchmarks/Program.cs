using BenchmarkDotNet.Running;
using MarketSim.Benchmarks;

// dotnet run -c Release --project bench/MarketSim.Benchmarks -- --table         (the documented table)
// dotnet run -c Release --project bench/MarketSim.Benchmarks -- --peak-memory   (10^6 per side, peak working set alone)
// dotnet run -c Release --project bench/MarketSim.Benchmarks -- --profile       (stage breakdown: draw, clear, measure)
// dotnet run -c Release --project bench/MarketSim.Benchmarks -- --filter '*'    (BenchmarkDotNet)
// dotnet run -c Release --project bench/MarketSim.Benchmarks -- --filter '*FiniteMenuBenchmarks*' '*DoubleAuctionEquilibriumBenchmarks*'  (issue 16, ShortRun)
if (args.Contains("--table"))
{
    await ThroughputTable.RunAsync(Console.Out, quick: args.Contains("--quick"));
    return;
}

if (args.Contains("--peak-memory"))
{
    PeakMemory.Run(Console.Out);
    return;
}

if (args.Contains("--profile"))
{
    StageProfile.Run(Console.Out, 10_000, 21);
    StageProfile.Run(Console.Out, 1_000_000, 3);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);

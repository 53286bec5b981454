using MarketSim.Cli.Options;
using MarketSim.Core.Replications;
using MarketSim.Cli.Scenarios;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Scenarios;

namespace MarketSim.Cli.Commands;

/// <summary>
/// Admission control (docs/running.md, "Limits"): before anything is allocated, estimate the memory a
/// run needs and refuse it (exit 2, naming the field, the estimate and the limit) when it exceeds what
/// the process may use: <c>GC.GetGCMemoryInfo().TotalAvailableMemoryBytes</c> (which honours a container's
/// or DOTNET_GCHeapHardLimit's cap), or <c>--max-memory</c>. Results are streamed to disk, so memory does
/// not grow with the replication count; it is the agents of the replications in flight, one per lane.
/// </summary>
internal static class MemoryAdmission
{
    /// <summary>The runtime, the actor system, the solved continuum and the journal's buffers.</summary>
    private const long BaselineBytes = 200L << 20;

    /// <summary>One agent's draws, rates, ranks and sort keys (measured: about 163 bytes per agent per lane with three mechanisms and the reference, 64 + 4 x 24 estimated).</summary>
    private const long BytesPerAgent = 64;

    /// <summary>One agent's outcome (trade flag, payment) under one two-sided mechanism, the reference CE included.</summary>
    private const long BytesPerAgentAndMechanism = 24;

    /// <summary>A player of an auction group or a pair of a multi-object market, per lane.</summary>
    private const long BytesPerPlayer = 64;

    public static long Limit(long? maxMemory) => maxMemory ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Bytes one replication in flight holds.</summary>
    public static long PerReplication(Scenario scenario)
    {
        long bytes = 0;
        if (scenario.Market is { } market && scenario.Mechanisms.Any(MechanismFactory.IsTwoSided))
        {
            var agents = market.Sellers + Math.Round(market.Sellers * market.BuyersPerSeller);
            var mechanisms = scenario.Mechanisms.Count(MechanismFactory.IsTwoSided) + 1;
            bytes += (long)(agents * (BytesPerAgent + BytesPerAgentAndMechanism * mechanisms));
        }

        foreach (var mechanism in scenario.Mechanisms)
        {
            bytes += mechanism switch
            {
                RedistributiveAuctionSpec auction => (long)auction.Groups * auction.Players.Count * BytesPerPlayer,
                MultiObjectThresholdSpec multiObject => (long)multiObject.Pairs * multiObject.Objects * BytesPerPlayer,
                _ => 0,
            };
        }

        return bytes;
    }

    /// <summary>Refuses a run of <paramref name="lanes"/> replications in flight that would not fit (exit 2).</summary>
    public static void Check(string file, Scenario scenario, int lanes, long? maxMemory)
    {
        var limit = Limit(maxMemory);
        var perReplication = PerReplication(scenario);
        var estimate = BaselineBytes + perReplication * (long)Math.Max(1, lanes);
        if (estimate <= limit)
        {
            return;
        }

        var field = scenario.Market is { } market && market.BuyersPerSeller > 1 ? "market.buyersPerSeller" : "market.sellers";
        if (scenario.Market is null)
        {
            field = "mechanisms";
        }

        var what = scenario.Market is { } m
            ? $"{m.Sellers} sellers and {Math.Round(m.Sellers * m.BuyersPerSeller)} buyers"
            : "the mechanisms' players";
        throw new InvalidInputException(
            file,
            field,
            $"the run needs about {ByteSize.Format(estimate)} of memory ({what}, {lanes} replications in flight), more than the limit of {ByteSize.Format(limit)}"
            + (maxMemory is null ? " available to this process" : " set by --max-memory")
            + "; use a smaller market or fewer --workers, or set --max-memory");
    }
}

using MarketSim.Core.Mechanisms;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.RedistributiveAuctions;

/// <summary>
/// A <c>redistributive-auction</c> as a mechanism with its own population (docs/theory.md §4): solved once
/// (<see cref="RedistributiveAuctionSolver.Optimize(RedistributiveAuctionSpec, int)"/>), then run on
/// <c>groups</c> groups per replication by <see cref="RedistributiveAuctionSimulation"/>. Role i is
/// player i; its types are keyed (seed, replication, "auction:{label}:player{i}", group), the
/// lotteries (seed, replication, "auction:{label}:lottery", group) (docs/theory.md §6).
/// </summary>
public sealed class RedistributiveAuctionMechanism : IStandaloneMechanism
{
    private readonly Lazy<IReadOnlyDictionary<string, double>> continuumValues;

    public RedistributiveAuctionMechanism(RedistributiveAuction auction, string label, int groups)
    {
        ArgumentNullException.ThrowIfNull(auction);
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        Auction = auction;
        Name = label;
        Units = groups;
        MetricNames = RedistributiveAuctionSimulation.MetricNames(auction.Players);
        continuumValues = new(() => RedistributiveAuctionSimulation.ContinuumValues(auction));
    }

    /// <summary>Solves the spec's auction (once).</summary>
    public static RedistributiveAuctionMechanism Create(RedistributiveAuctionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new RedistributiveAuctionMechanism(RedistributiveAuctionSolver.Optimize(spec), spec.Label, spec.Groups);
    }

    public RedistributiveAuction Auction { get; }

    public string Name { get; }

    /// <summary>The groups.</summary>
    public int Units { get; }

    public int Roles => Auction.Players;

    /// <summary>One type per player per group.</summary>
    public int DrawsPerUnit => 1;

    public IReadOnlyList<string> MetricNames { get; }

    public IReadOnlyDictionary<string, double> ContinuumValues => continuumValues.Value;

    public string RoleName(int role) => "player" + role.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Draw(ulong seed, int replication, int role, int firstUnit, Span<double> values) =>
        RedistributiveAuctionSimulation.DrawTypes(Auction, Name, role, seed, replication, firstUnit, values);

    public IReadOnlyList<MetricValue> Clear(ulong seed, int replication, IReadOnlyList<double[]> draws) =>
        RedistributiveAuctionSimulation.Clear(Auction, Name, seed, replication, draws);

    public IReadOnlyList<MetricValue> Run(ulong seed, int replication) =>
        RedistributiveAuctionSimulation.Run(Auction, Name, Units, seed, replication);
}

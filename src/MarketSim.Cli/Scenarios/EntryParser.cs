using MarketSim.Core.Scenarios;

namespace MarketSim.Cli.Scenarios;

/// <summary>
/// <c>entry: { pool, side, cost, rounds }</c> (optional, top level): the entry dynamics of
/// <c>stress --entry</c> (000 Section 6, "No Free Lunch"). <c>pool</c> (required, >= 1): potential
/// sellers (buyers: round(mu pool)); <c>side</c>: <c>both</c> (default), <c>buyers</c> or <c>sellers</c>;
/// <c>cost</c>: entry cost in money, >= 0 (default 0.01); <c>rounds</c>: cap, >= 1 (default 20).
/// </summary>
internal static class EntryParser
{
    public const double DefaultCost = 0.01;
    public const int DefaultRounds = 20;

    private static readonly Dictionary<string, EntrySide> Sides = new()
    {
        ["both"] = EntrySide.Both,
        ["buyers"] = EntrySide.Buyers,
        ["sellers"] = EntrySide.Sellers,
    };

    public static EntrySpec Parse(YamlField entry)
    {
        entry.AllowOnly("pool", "side", "cost", "rounds");
        return new EntrySpec(
            entry.Required("pool").Integer(1, InputLimits.MaxAgentsPerSide),
            entry.Optional("side")?.Choice(Sides) ?? EntrySide.Both,
            entry.Optional("cost")?.Number(value => value >= 0, "must be a number >= 0") ?? DefaultCost,
            entry.Optional("rounds")?.Integer(1, InputLimits.MaxEntryRounds) ?? DefaultRounds);
    }
}

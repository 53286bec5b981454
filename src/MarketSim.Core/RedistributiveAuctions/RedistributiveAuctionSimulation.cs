using MarketSim.Core.Mechanisms;
using MarketSim.Core.Random;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.RedistributiveAuctions;

/// <summary>
/// One replication of a redistributive auction (docs/theory.md §4, §6): <c>groups</c> independent groups of the n
/// players draw types from their own streams (purpose <c>auction:{label}:player{i}</c>, index = group),
/// report truthfully, the clearinghouse allocates the good and the bad (ties and the rule lottery from
/// <c>auction:{label}:lottery</c>, index = group) and charges the ex-post payments.
/// <para>Metrics (fixed order, means over groups unless stated; players numbered from 0):
/// <c>welfare</c> (sum_i (d lambda_i/dF_i)(t_i) u_i, whose mean is 003 (10)),
/// <c>utility_utils</c> (sum_i u_i, u_i = x_A - c x_B - p_i/t_i), <c>utility_money</c> (sum_i t_i u_i),
/// <c>transfer_sum_max_abs</c> (max over groups of |sum_i p_i|: 0 up to rounding),
/// <c>good_unassigned_rate</c>, <c>bad_unassigned_rate</c>, then per player i
/// <c>utility_utils_player{i}</c>, <c>utility_money_player{i}</c>, <c>good_rate_player{i}</c>,
/// <c>bad_rate_player{i}</c>, <c>lump_sum_player{i}</c> (L_i, nonzero only for I*), and
/// <c>payoff_decile_{d}</c>, d = 1..10: E[u_0 | t_0 in the d-th decile of F_0], estimated without
/// bias as mean(u_0 1{decile d}) / P(decile d) (the U shape, 003 Corollary 1).</para>
/// </summary>
public static class RedistributiveAuctionSimulation
{
    private const int Deciles = 10;

    /// <summary>Solves the spec's auction and runs one replication (solve once and use the other overload for many).</summary>
    public static IReadOnlyList<MetricValue> Run(RedistributiveAuctionSpec spec, ulong seed, int replication) =>
        Run(RedistributiveAuctionSolver.Optimize(spec), spec.Label, spec.Groups, seed, replication);

    /// <summary>One replication of a solved auction: every player of every group draws, then <see cref="Clear"/>.</summary>
    public static IReadOnlyList<MetricValue> Run(
        RedistributiveAuction auction, string label, int groups, ulong seed, int replication)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        var types = new double[auction.Players][];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = new double[groups];
            DrawTypes(auction, label, i, seed, replication, 0, types[i]);
        }

        return Clear(auction, label, seed, replication, types);
    }

    /// <summary>
    /// Player <paramref name="player"/>'s types in groups [firstGroup, firstGroup + types.Length):
    /// t = F_i^{-1}(first uniform of stream (seed, replication, "auction:{label}:player{i}", group)) (docs/theory.md §6).
    /// </summary>
    public static void DrawTypes(
        RedistributiveAuction auction, string label, int player, ulong seed, int replication, int firstGroup, Span<double> types)
    {
        ArgumentNullException.ThrowIfNull(auction);
        var domain = StreamKey.NamedDomain("auction:" + label + ":player" + player);
        var law = auction.Grids[player].Law;
        for (var group = 0; group < types.Length; group++)
        {
            types[group] = law.InverseCdf(RandomStream.FirstPair(new StreamKey(seed, replication, domain, firstGroup + group)).First);
        }
    }

    /// <summary>
    /// The clearinghouse on drawn types (<c>types[i][group]</c>): allocates and pays group by group in
    /// group order, the lotteries from stream (seed, replication, "auction:{label}:lottery", group).
    /// </summary>
    public static IReadOnlyList<MetricValue> Clear(
        RedistributiveAuction auction, string label, ulong seed, int replication, IReadOnlyList<double[]> drawnTypes)
    {
        ArgumentNullException.ThrowIfNull(auction);
        ArgumentNullException.ThrowIfNull(drawnTypes);
        var players = auction.Players;
        var groups = drawnTypes[0].Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        var grids = auction.Grids;
        var lotteryDomain = StreamKey.NamedDomain("auction:" + label + ":lottery");
        var types = new double[players];
        var cells = new int[players];
        var payments = new double[players];
        var utilityUtils = new double[players];
        var utilityMoney = new double[players];
        var goodCount = new int[players];
        var badCount = new int[players];
        var decileUtility = new double[Deciles];
        double welfare = 0, maxTransferSum = 0;
        int goodUnassigned = 0, badUnassigned = 0;

        for (var group = 0; group < groups; group++)
        {
            for (var i = 0; i < players; i++)
            {
                types[i] = drawnTypes[i][group];
                cells[i] = grids[i].CellOf(types[i]);
            }

            var lottery = new RandomStream(new StreamKey(seed, replication, lotteryDomain, group));
            var ruleLottery = lottery.NextUniform();
            var goodLottery = lottery.NextUniform();
            var badLottery = lottery.NextUniform();
            var (good, bad) = auction.Allocate(cells, ruleLottery, goodLottery, badLottery);
            auction.ExPostPayments(cells, payments);
            goodUnassigned += good < 0 ? 1 : 0;
            badUnassigned += bad < 0 ? 1 : 0;

            var transferSum = 0.0;
            for (var i = 0; i < players; i++)
            {
                transferSum += payments[i];
                var items = (good == i ? 1.0 : 0.0) - (bad == i ? auction.BadCost : 0.0);
                var utility = items - (payments[i] / types[i]);
                utilityUtils[i] += utility;
                utilityMoney[i] += types[i] * utility;
                welfare += grids[i].RankingDensity(types[i]) * utility;
                goodCount[i] += good == i ? 1 : 0;
                badCount[i] += bad == i ? 1 : 0;
                if (i == 0)
                {
                    decileUtility[DecileOf(grids[0], cells[0])] += utility;
                }
            }

            maxTransferSum = Math.Max(maxTransferSum, Math.Abs(transferSum));
        }

        var metrics = new List<MetricValue>(MetricNames(players).Count)
        {
            new("welfare", welfare / groups),
            new("utility_utils", utilityUtils.Sum() / groups),
            new("utility_money", utilityMoney.Sum() / groups),
            new("transfer_sum_max_abs", maxTransferSum),
            new("good_unassigned_rate", (double)goodUnassigned / groups),
            new("bad_unassigned_rate", (double)badUnassigned / groups),
        };
        for (var i = 0; i < players; i++)
        {
            metrics.Add(new($"utility_utils_player{i}", utilityUtils[i] / groups));
            metrics.Add(new($"utility_money_player{i}", utilityMoney[i] / groups));
            metrics.Add(new($"good_rate_player{i}", (double)goodCount[i] / groups));
            metrics.Add(new($"bad_rate_player{i}", (double)badCount[i] / groups));
            metrics.Add(new($"lump_sum_player{i}", auction.LumpSums[i]));
        }

        for (var d = 0; d < Deciles; d++)
        {
            metrics.Add(new($"payoff_decile_{d + 1}", decileUtility[d] / groups / DecileMass(grids[0], d)));
        }

        return metrics;
    }

    /// <summary>The metric names of <see cref="Run(RedistributiveAuction, string, int, ulong, int)"/>, in order.</summary>
    public static IReadOnlyList<string> MetricNames(int players)
    {
        var names = new List<string>
        {
            "welfare", "utility_utils", "utility_money", "transfer_sum_max_abs", "good_unassigned_rate", "bad_unassigned_rate",
        };
        for (var i = 0; i < players; i++)
        {
            names.AddRange(
            [
                $"utility_utils_player{i}", $"utility_money_player{i}", $"good_rate_player{i}", $"bad_rate_player{i}",
                $"lump_sum_player{i}",
            ]);
        }

        for (var d = 1; d <= Deciles; d++)
        {
            names.Add($"payoff_decile_{d}");
        }

        return names;
    }

    /// <summary>
    /// The exact expectations of the same metrics (the <c>theory</c> column): interim payoffs integrated
    /// over types, E[p_i | t_i] = P0_i(t_i) - L_i because the other players' P0 deviations have mean 0.
    /// </summary>
    public static IReadOnlyDictionary<string, double> ContinuumValues(RedistributiveAuction auction)
    {
        var players = auction.Players;
        var values = new Dictionary<string, double>
        {
            ["welfare"] = auction.Welfare,
            ["utility_utils"] = Enumerable.Range(0, players).Sum(auction.ExpectedUtility),
            ["utility_money"] = Enumerable.Range(0, players).Sum(auction.ExpectedUtilityInMoney),
            ["transfer_sum_max_abs"] = 0,
            ["good_unassigned_rate"] = 1 - Enumerable.Range(0, players).Sum(auction.ExpectedGoodProbability),
            ["bad_unassigned_rate"] = 1 - Enumerable.Range(0, players).Sum(auction.ExpectedBadProbability),
        };
        for (var i = 0; i < players; i++)
        {
            values[$"utility_utils_player{i}"] = auction.ExpectedUtility(i);
            values[$"utility_money_player{i}"] = auction.ExpectedUtilityInMoney(i);
            values[$"good_rate_player{i}"] = auction.ExpectedGoodProbability(i);
            values[$"bad_rate_player{i}"] = auction.ExpectedBadProbability(i);
            values[$"lump_sum_player{i}"] = auction.LumpSums[i];
        }

        var grid = auction.Grids[0];
        for (var d = 0; d < Deciles; d++)
        {
            var (first, end) = DecileCells(grid, d);
            values[$"payoff_decile_{d + 1}"] = auction.ExpectedUtility(0, first, end) / DecileMass(grid, d);
        }

        return values;
    }

    /// <summary>The decile of a cell: cell k belongs to decile floor(10 k / M).</summary>
    private static int DecileOf(PlayerQuantileGrid grid, int cell) => (int)((long)cell * Deciles / grid.Cells);

    private static (int First, int End) DecileCells(PlayerQuantileGrid grid, int decile) =>
        ((int)(((long)decile * grid.Cells + Deciles - 1) / Deciles), (int)(((long)(decile + 1) * grid.Cells + Deciles - 1) / Deciles));

    private static double DecileMass(PlayerQuantileGrid grid, int decile)
    {
        var (first, end) = DecileCells(grid, decile);
        return (double)(end - first) / grid.Cells;
    }
}

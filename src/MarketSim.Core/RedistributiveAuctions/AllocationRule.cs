using MarketSim.Core.Numerics;

namespace MarketSim.Core.RedistributiveAuctions;

/// <summary>
/// Who gets the good and the bad, from per-cell scores that are weakly increasing in type
/// (003 Theorem 2(a)): the good goes to the highest good score if it is positive, the bad to the
/// lowest bad score if it is negative, ties by equal-probability lottery. The two items are ranked
/// independently (003 (37)-(39)); nobody gets both because a type with a positive good score is
/// never eligible for the bad (003 (40)-(41), Corollary 2; enforced here so that it holds on the grid
/// too). Interim probabilities are exact: every rival's score law is a step function over
/// equal-mass cells (see <see cref="TieLottery"/>).
/// </summary>
public sealed class AllocationRule
{
    private readonly double[][] goodScores;
    private readonly double[][] badScores;

    private AllocationRule(double[][] goodScores, double[][] badScores)
    {
        this.goodScores = goodScores;
        this.badScores = badScores;
    }

    /// <summary>Number of players.</summary>
    public int Players => goodScores.Length;

    /// <summary>
    /// The optimal rule for a multiplier nu (003 Lemmas 6-7): ironed Z+ and Z- of every player.
    /// </summary>
    public static AllocationRule Optimal(IReadOnlyList<PlayerQuantileGrid> grids, double alpha, double multiplier)
    {
        var good = new double[grids.Count][];
        var bad = new double[grids.Count][];
        for (var i = 0; i < grids.Count; i++)
        {
            good[i] = new double[grids[i].Cells];
            bad[i] = new double[grids[i].Cells];
            BifurcatedScores.Compute(grids[i], alpha, multiplier, good[i], bad[i]);
            Ironing.IronInPlace(good[i]);
            Ironing.IronInPlace(bad[i]);
        }

        return FromScores(good, bad);
    }

    /// <summary>
    /// Any score rule (e.g. cutoff or efficient auctions): per player and cell, weakly increasing
    /// scores for the good (eligible if &gt; 0) and the bad (eligible if &lt; 0). The arrays are copied.
    /// With <paramref name="exclusive"/> a type eligible for the good is never eligible for the bad;
    /// without it both rankings run independently (e.g. the efficient auction, where the highest and
    /// the lowest type differ unless every player ties).
    /// </summary>
    public static AllocationRule FromScores(IReadOnlyList<double[]> good, IReadOnlyList<double[]> bad, bool exclusive = true)
    {
        if (good.Count != bad.Count || good.Count < 2)
        {
            throw new ArgumentException("need good and bad scores for the same n >= 2 players");
        }

        var goodCopy = new double[good.Count][];
        var badCopy = new double[good.Count][];
        for (var i = 0; i < good.Count; i++)
        {
            if (good[i].Length != bad[i].Length)
            {
                throw new ArgumentException($"player {i}: good and bad scores differ in length");
            }

            goodCopy[i] = (double[])good[i].Clone();
            badCopy[i] = (double[])bad[i].Clone();
            for (var k = 0; k < good[i].Length; k++)
            {
                if (k > 0 && (good[i][k] < good[i][k - 1] || bad[i][k] < bad[i][k - 1]))
                {
                    throw new ArgumentException($"player {i}: scores must be weakly increasing in type (cell {k})");
                }

                // Exclusivity (003 (41)): a cell that may win the good never takes the bad.
                if (exclusive && goodCopy[i][k] > 0)
                {
                    badCopy[i][k] = double.PositiveInfinity;
                }
            }
        }

        return new AllocationRule(goodCopy, badCopy);
    }

    /// <summary>Score of player i's cell for the good (ironed Z+ for the optimal rule).</summary>
    public double GoodScore(int player, int cell) => goodScores[player][cell];

    /// <summary>Score of player i's cell for the bad (ironed Z-; +infinity where the good is possible).</summary>
    public double BadScore(int player, int cell) => badScores[player][cell];

    /// <summary>
    /// Exact interim probabilities of getting the good and the bad, per player and cell
    /// (003 Theorem 2(a) with the typo fixed: integrate over T_{-i}).
    /// </summary>
    public void InterimProbabilities(double[][] good, double[][] bad)
    {
        var players = Players;
        Span<double> beaten = stackalloc double[players - 1];
        Span<double> tied = stackalloc double[players - 1];
        for (var i = 0; i < players; i++)
        {
            WinProbabilities(goodScores, i, lowestWins: false, good[i], beaten, tied);
            WinProbabilities(badScores, i, lowestWins: true, bad[i], beaten, tied);
        }
    }

    /// <summary>
    /// Winner of the good for reported cells, or -1 if no score is positive. Ties: the
    /// <paramref name="lottery"/> uniform in (0, 1) picks one of the tied players with equal probability.
    /// </summary>
    public int GoodWinner(ReadOnlySpan<int> cells, double lottery) => Winner(goodScores, cells, lottery, lowestWins: false);

    /// <summary>Taker of the bad for reported cells, or -1 if no score is negative. Ties as for the good.</summary>
    public int BadTaker(ReadOnlySpan<int> cells, double lottery) => Winner(badScores, cells, lottery, lowestWins: true);

    /// <summary>
    /// Interim probability that each cell of one player wins one item. The two rankings are mirror
    /// images (003 (37)-(39)): the good goes to the highest positive score, the bad to the lowest
    /// negative one; a rival is beaten when strictly worse, tied when equal (see <see cref="TieLottery"/>).
    /// </summary>
    private static void WinProbabilities(
        double[][] scores, int player, bool lowestWins, double[] probabilities, Span<double> beaten, Span<double> tied)
    {
        var own = scores[player];
        var lastScore = double.NaN;
        var lastProbability = 0.0;
        for (var k = 0; k < own.Length; k++)
        {
            var score = own[k];
            if (!(lowestWins ? score < 0 : score > 0))
            {
                probabilities[k] = 0;
                continue;
            }

            // Cells with equal scores share one probability (ironed pools).
            if (score != lastScore)
            {
                var r = 0;
                for (var j = 0; j < scores.Length; j++)
                {
                    if (j == player)
                    {
                        continue;
                    }

                    var rival = scores[j];
                    var below = SortedSearch.LowerBound(rival, score);
                    var atMost = SortedSearch.UpperBound(rival, score);
                    beaten[r] = (double)(lowestWins ? rival.Length - atMost : below) / rival.Length;
                    tied[r] = (double)(atMost - below) / rival.Length;
                    r++;
                }

                lastScore = score;
                lastProbability = TieLottery.WinProbability(beaten, tied);
            }

            probabilities[k] = lastProbability;
        }
    }

    /// <summary>Ex-post winner of one item (see <see cref="WinProbabilities"/> for the direction).</summary>
    private static int Winner(double[][] scores, ReadOnlySpan<int> cells, double lottery, bool lowestWins)
    {
        var best = 0.0;
        var count = 0;
        for (var i = 0; i < cells.Length; i++)
        {
            var score = scores[i][cells[i]];
            if (lowestWins ? score < best : score > best)
            {
                best = score;
                count = 1;
            }
            else if (score == best && count > 0)
            {
                count++;
            }
        }

        return count == 0 ? -1 : PickTied(scores, cells, best, count, lottery);
    }

    private static int PickTied(double[][] scores, ReadOnlySpan<int> cells, double best, int count, double lottery)
    {
        var pick = Math.Min(count - 1, (int)(lottery * count));
        for (var i = 0; i < cells.Length; i++)
        {
            if (scores[i][cells[i]] == best && pick-- == 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException("tied player not found");
    }
}

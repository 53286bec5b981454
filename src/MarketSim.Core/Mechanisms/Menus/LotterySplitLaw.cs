namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// The backward recursion of <see cref="FiniteSideRevenueLaw"/> for one number S = s of sure choosers
/// (docs/theory.md §2.2, "Budget surplus"): the law of how d lottery trades split among the side's
/// lottery options, cumulated over the states with at least d winners, Q(s, d, h) = P(S = s, W &gt;= d,
/// H(d) = h), and G(s, d, h) the same with W &gt;= d + 1. A split h is indexed by the counts (h1, h2) of
/// the first lotteryCount - 1 lottery options; the last one takes the rest. Arrays are dense over
/// [0, W_max + 1]^(lotteryCount - 1) but every loop runs over the box of nonzero cells only, and cells
/// below <see cref="Floor"/> are dropped: the kernel spreads mass one cell down per step, so without
/// the cut the box would grow with every step though its far cells hold no measurable probability.
/// </summary>
internal sealed class LotterySplitLaw
{
    /// <summary>Cells of Q below this are dropped (total dropped mass far below 1e-15).</summary>
    public const double Floor = 1e-30;

    private readonly int lotteryCount;
    private readonly int width;
    private double[] q;
    private double[] g;
    private Box qBox = Box.Empty;
    private Box gBox = Box.Empty;

    public LotterySplitLaw(int lotteryCount, int maxWinners)
    {
        this.lotteryCount = lotteryCount;
        width = lotteryCount == 1 ? 1 : maxWinners + 2;
        var cells = lotteryCount == 3 ? width * width : width;
        q = new double[cells];
        g = new double[cells];
    }

    /// <summary>
    /// From Q(s, d + 1) to G(s, d) = K_d Q(s, d + 1), then Q(s, d) = G(s, d) until <see cref="Add"/>
    /// adds P(S = s, W = d, m = h). K_d drops one of the d + 1 drawn winners uniformly: option o loses
    /// one with probability h_o / (d + 1) (the first d of a uniform order of the winners are a uniform
    /// subset of the first d + 1, whatever W).
    /// </summary>
    public void Step(int d)
    {
        Clear(g, gBox);
        var drawn = d + 1.0;
        if (lotteryCount == 1)
        {
            g[0] = q[0];
            gBox = qBox;
        }
        else if (!qBox.IsEmpty)
        {
            for (var h1 = qBox.Low1; h1 <= qBox.High1; h1++)
            {
                for (var h2 = qBox.Low2; h2 <= qBox.High2 && h1 + h2 <= d + 1; h2++)
                {
                    var mass = q[Index(h1, h2)];
                    if (mass == 0)
                    {
                        continue;
                    }

                    var rest = drawn - h1 - h2;
                    if (h1 > 0)
                    {
                        g[Index(h1 - 1, h2)] += mass * h1 / drawn;
                    }

                    if (h2 > 0)
                    {
                        g[Index(h1, h2 - 1)] += mass * h2 / drawn;
                    }

                    if (rest > 0)
                    {
                        g[Index(h1, h2)] += mass * rest / drawn;
                    }
                }
            }

            gBox = new Box(Math.Max(qBox.Low1 - 1, 0), qBox.High1, Math.Max(qBox.Low2 - 1, 0), qBox.High2);
        }

        Clear(q, qBox);
        Copy(g, q, gBox);
        qBox = gBox;
    }

    /// <summary>Q(s, d, h) += P(S = s, W = d, m = h), h = (h1, h2).</summary>
    public void Add(int h1, int h2, double probability)
    {
        if (lotteryCount == 1)
        {
            h1 = h2 = 0;
        }
        else if (lotteryCount == 2)
        {
            h2 = 0;
        }

        q[Index(h1, h2)] += probability;
        qBox = qBox.With(h1, h2);
    }

    /// <summary>Drops the cells below <see cref="Floor"/> and tightens the box; returns the cells visited.</summary>
    public long Prune()
    {
        if (lotteryCount == 1 || qBox.IsEmpty)
        {
            return 1;
        }

        var tight = Box.Empty;
        for (var h1 = qBox.Low1; h1 <= qBox.High1; h1++)
        {
            for (var h2 = qBox.Low2; h2 <= qBox.High2; h2++)
            {
                var index = Index(h1, h2);
                if (q[index] < Floor)
                {
                    q[index] = 0;
                    g[index] = 0;
                }
                else
                {
                    tight = tight.With(h1, h2);
                }
            }
        }

        var visited = (long)(qBox.High1 - qBox.Low1 + 1) * (qBox.High2 - qBox.Low2 + 1);
        qBox = tight;
        return visited;
    }

    /// <summary>The nonzero cells: (h1, h2, Q, G).</summary>
    public IEnumerable<(int H1, int H2, double AtLeast, double Above)> Cells()
    {
        if (qBox.IsEmpty)
        {
            yield break;
        }

        for (var h1 = qBox.Low1; h1 <= qBox.High1; h1++)
        {
            for (var h2 = qBox.Low2; h2 <= qBox.High2; h2++)
            {
                var index = Index(h1, h2);
                if (q[index] != 0 || g[index] != 0)
                {
                    yield return (lotteryCount == 1 ? 0 : h1, h2, q[index], g[index]);
                }
            }
        }
    }

    private int Index(int h1, int h2) => lotteryCount switch
    {
        1 => 0,
        2 => h1,
        _ => (h1 * width) + h2,
    };

    private void Clear(double[] cells, Box box)
    {
        if (box.IsEmpty)
        {
            return;
        }

        for (var h1 = box.Low1; h1 <= box.High1; h1++)
        {
            for (var h2 = box.Low2; h2 <= box.High2; h2++)
            {
                cells[Index(h1, h2)] = 0;
            }
        }
    }

    private void Copy(double[] from, double[] into, Box box)
    {
        if (box.IsEmpty)
        {
            return;
        }

        for (var h1 = box.Low1; h1 <= box.High1; h1++)
        {
            for (var h2 = box.Low2; h2 <= box.High2; h2++)
            {
                into[Index(h1, h2)] = from[Index(h1, h2)];
            }
        }
    }

    /// <summary>A rectangle of split indices (h2 is always 0 with fewer than three lottery options).</summary>
    private readonly record struct Box(int Low1, int High1, int Low2, int High2)
    {
        public static Box Empty => new(int.MaxValue, int.MinValue, int.MaxValue, int.MinValue);

        public bool IsEmpty => Low1 > High1;

        public Box With(int h1, int h2) =>
            new(Math.Min(Low1, h1), Math.Max(High1, h1), Math.Min(Low2, h2), Math.Max(High2, h2));
    }
}

/// <summary>The work and memory bounds of one <see cref="FiniteSurplusLaw"/> (both sides together).</summary>
internal sealed class SurplusLawBudget(long maximumWork, long maximumAtoms)
{
    private long work;
    private long atoms;

    /// <summary>Counts the work (recursion cells) and the atoms kept; false once either bound is passed.</summary>
    public bool Spend(long work, long atoms)
    {
        this.work += work;
        this.atoms += atoms;
        return this.work <= maximumWork && this.atoms <= maximumAtoms;
    }
}

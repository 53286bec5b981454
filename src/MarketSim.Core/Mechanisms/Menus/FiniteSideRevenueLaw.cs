namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// One side's money at a given volume v (buyers' payments or sellers' receipts), as a law over the
/// side's states (docs/theory.md §2.2, "Budget surplus"), for the exact law of the budget surplus
/// (<see cref="FiniteSurplusLaw"/>).
/// <para>The fill rule (docs/theory.md §2, <see cref="SideFill.Fill"/>) at volume v &lt;= k_j: the S sure
/// choosers trade first (a uniform subset of v of them if S &gt;= v); the remaining d = v - S trades go
/// to a uniform subset of the W lottery winners (m_o winners of lottery option o). At most one sure
/// option is ever chosen (a cheaper sure option dominates a dearer one for every rate), so the side's
/// trades are min(v, S) at the sure price and a multivariate hypergeometric split H of d among the
/// lottery options. The side's money is therefore a function of (S, H), and its law at v needs, for
/// every S = s and lottery split h, Q_v(s, h) = P(S = s, W &gt;= d, H(d) = h) (k_j &gt;= v), and the same
/// with W &gt;= d + 1 (k_j &gt;= v + 1), G_v(s, h), for the volume's inclusion-exclusion.</para>
/// <para>Backward recursion (no sum over the winners' compositions per volume). Draw the W winners
/// in a uniformly random order; H(d) counts the first d. The first d of the first d + 1 are a uniform
/// subset of them, whatever W: H(d) is H(d + 1) minus one drawn element chosen uniformly (kernel
/// K_d: option o loses one with probability h_o / (d + 1)). Hence
/// G(s, d, .) = K_d Q(s, d + 1, .) and Q(s, d, .) = G(s, d, .) + P(S = s, W = d, m = .), from the
/// largest W down to d = 1. With one lottery option the split is trivial and Q is the tail sum of
/// P(S = s, W = w) over w &gt;= d; with none, only the all-sure atom remains.</para>
/// <para>Cost: one enumeration of the side's states, then sum over s of sum over d of the number of
/// splits: O(N) for one lottery option, O(N^{3/2}) for two, O(N^{3/2}) (S = 0) to O(N^2) for three.
/// The caller bounds the work (<see cref="FiniteSurplusLaw.WorkBudget"/>).</para>
/// </summary>
internal sealed class FiniteSideRevenueLaw : IFiniteSideVisitor
{
    private readonly Menu menu;
    private readonly int[] lotteries;
    private readonly double surePrice;
    private readonly double[] surePmf;
    private readonly double[] sureWithoutWinners;
    private readonly Dictionary<(int Sure, int First, int Second, int Third), double> states = [];
    private double[] sureTail = [];

    private FiniteSideRevenueLaw(Menu menu, int agents, int sureOption, int[] lotteries)
    {
        this.menu = menu;
        this.lotteries = lotteries;
        Reference = menu.Price(0);

        // Without a sure option S = 0 and the all-sure term is (surePrice - Reference) x 0 = 0.
        surePrice = sureOption >= 0 ? menu.Price(sureOption) : Reference;
        surePmf = new double[agents + 2];
        sureWithoutWinners = new double[agents + 2];
    }

    /// <summary>The side's money is Reference x v plus the atoms' Delta (Reference: the first option's price).</summary>
    public double Reference { get; }

    /// <summary>
    /// The side's law, or null when two sure options are both chosen with positive probability (never
    /// for a menu: one dominates the other) and the sure trades would need a split of their own.
    /// </summary>
    public static FiniteSideRevenueLaw? Of(FiniteMenuSide side)
    {
        if (!HasOneSurePrice(side))
        {
            return null;
        }

        var menu = side.Menu;
        var chosen = Enumerable.Range(0, menu.Count).Where(o => side.ChoiceProbability[o] > 0).ToArray();
        var sure = chosen.Where(menu.IsSure).ToArray();

        var law = new FiniteSideRevenueLaw(menu, side.Agents, sure.Length == 1 ? sure[0] : -1, chosen.Where(o => !menu.IsSure(o)).ToArray());
        side.Enumerate(law);
        law.Finish();
        return law;
    }

    /// <summary>At most one sure option is chosen with positive probability, so sure trades have one price.</summary>
    public static bool HasOneSurePrice(FiniteMenuSide side) =>
        Enumerable.Range(0, side.Menu.Count).Count(o => side.Menu.IsSure(o) && side.ChoiceProbability[o] > 0) <= 1;

    /// <summary>
    /// About how many atoms the side has at one volume: one all-sure atom, plus, with lottery options,
    /// the product of the spreads (16 sd + 3 values) of the counts the other atoms are indexed by (the
    /// sure choosers, and the slots of all lottery options but the last), from the multinomial choice
    /// probabilities. Lets <see cref="FiniteSurplusLaw.Build"/> give up before enumerating a side
    /// whose law would not fit the budget.
    /// </summary>
    public static double EstimatedAtomsPerVolume(FiniteMenuSide side)
    {
        var menu = side.Menu;
        var chosen = Enumerable.Range(0, menu.Count).Where(o => side.ChoiceProbability[o] > 0).ToArray();
        var lotteryOptions = chosen.Where(o => !menu.IsSure(o)).ToArray();
        if (lotteryOptions.Length == 0)
        {
            return 1.0;
        }

        var indexed = chosen.Where(menu.IsSure).Concat(lotteryOptions.Take(lotteryOptions.Length - 1));
        var atoms = 1.0;
        foreach (var o in indexed)
        {
            var p = side.ChoiceProbability[o];
            var spread = menu.Probability(o) * Math.Sqrt(side.Agents * p * (1 - p));
            atoms *= Math.Min(side.Agents + 1, (16 * spread) + 3);
        }

        return 1.0 + atoms;
    }

    public void Visit(double probability, int[] counts, int[] slots, int sure, int lotteryWinners)
    {
        surePmf[sure] += probability;
        var winners = 0;
        Span<int> split = stackalloc int[Menu.MaximumOptions];
        for (var l = 0; l < lotteries.Length; l++)
        {
            split[l] = slots[lotteries[l]];
            winners += split[l];
        }

        if (winners == 0)
        {
            sureWithoutWinners[sure] += probability;
        }

        if (lotteries.Length > 0)
        {
            var key = (sure, split[0], split[1], split[2]);
            states[key] = states.GetValueOrDefault(key) + probability;
        }
    }

    /// <summary>
    /// Appends the side's atoms at every volume v in [<paramref name="lowest"/>, <paramref name="highest"/>]
    /// to <paramref name="atoms"/>[v - lowest]: (Delta = money - Reference x v, P(k_j &gt;= v, .), P(k_j &gt;= v + 1, .)).
    /// Returns false (atoms incomplete) as soon as <paramref name="budget"/> is exhausted.
    /// </summary>
    public bool AddAtoms(int lowest, int highest, List<SurplusAtom>[] atoms, SurplusLawBudget budget)
    {
        // All v trades sure (S >= v): k_j >= v + 1 unless S = v and no lottery winner.
        for (var v = lowest; v <= highest; v++)
        {
            var atLeast = Tail(v);
            var above = Tail(v + 1) + (Pmf(surePmf, v) - Pmf(sureWithoutWinners, v));
            if (atLeast != 0 || above != 0)
            {
                atoms[v - lowest].Add(new SurplusAtom((surePrice - Reference) * v, atLeast, above));
                if (!budget.Spend(work: 1, atoms: 1))
                {
                    return false;
                }
            }
        }

        return lotteries.Length == 0 || AddLotteryAtoms(lowest, highest, atoms, budget);
    }

    private bool AddLotteryAtoms(int lowest, int highest, List<SurplusAtom>[] atoms, SurplusLawBudget budget)
    {
        var lotteryCount = lotteries.Length;
        foreach (var group in states.GroupBy(state => state.Key.Sure).OrderBy(group => group.Key))
        {
            var s = group.Key;
            var entries = group.OrderBy(entry => entry.Key).ToArray();
            var maxWinners = entries.Max(entry => Winners(entry.Key));
            if (s + maxWinners < lowest || s >= highest)
            {
                // No volume in range has lottery trades with S = s (they need s < v <= s + W).
                continue;
            }

            // Splits are indexed by the counts (h1, h2) of the first lotteryCount - 1 lottery options
            // (the last one takes the rest); q holds Q(s, d, .), g holds G(s, d, .), both zero outside their box.
            var split = new LotterySplitLaw(lotteryCount, maxWinners);
            var byWinners = entries.GroupBy(entry => Winners(entry.Key)).ToDictionary(entries => entries.Key, entries => entries.ToArray());
            for (var d = maxWinners; d >= 1 && s + d >= lowest; d--)
            {
                split.Step(d);
                if (byWinners.TryGetValue(d, out var exactly))
                {
                    foreach (var entry in exactly)
                    {
                        split.Add(entry.Key.First, entry.Key.Second, entry.Value);
                    }
                }

                var cells = split.Prune();
                var v = s + d;
                var emitted = v <= highest ? Emit(s, d, split, atoms[v - lowest]) : 0;
                if (!budget.Spend(work: cells, atoms: emitted))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Adds the atoms of (S = s, d lottery trades); returns how many.</summary>
    private int Emit(int s, int d, LotterySplitLaw split, List<SurplusAtom> into)
    {
        var lotteryCount = lotteries.Length;
        var sure = (surePrice - Reference) * s;
        var last = menu.Price(lotteries[lotteryCount - 1]) - Reference;
        var first = lotteryCount > 1 ? menu.Price(lotteries[0]) - Reference : 0.0;
        var second = lotteryCount > 2 ? menu.Price(lotteries[1]) - Reference : 0.0;
        var count = 0;
        foreach (var (h1, h2, atLeast, above) in split.Cells())
        {
            var delta = sure + (first * h1) + (second * h2) + (last * (d - h1 - h2));
            into.Add(new SurplusAtom(delta, atLeast, above));
            count++;
        }

        return count;
    }

    private int Winners((int Sure, int First, int Second, int Third) key) => key.First + key.Second + key.Third;

    private void Finish()
    {
        // P(S >= v) summed from the top, in the order SlotLaw sums P(k_j >= v): with sure options only
        // (S = k_j) both are the same floating-point numbers, so a wedge's law is unchanged.
        sureTail = new double[surePmf.Length + 1];
        for (var v = surePmf.Length - 1; v >= 0; v--)
        {
            sureTail[v] = sureTail[v + 1] + surePmf[v];
        }
    }

    private double Tail(int v) => v < sureTail.Length ? sureTail[v] : 0.0;

    private static double Pmf(double[] pmf, int v) => v < pmf.Length ? pmf[v] : 0.0;
}

/// <summary>One value of a side's money at a volume v: Delta, P(k_j &gt;= v, Delta), P(k_j &gt;= v + 1, Delta).</summary>
internal readonly record struct SurplusAtom(double Delta, double AtLeast, double Above);

namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// The exact law of a posted mechanism's budget surplus B = revenue - N_r L on a finite market
/// (promised lump sum L to N_r recipients; docs/theory.md §2.2, "Budget surplus"), for menus of up
/// to three options per side: the deficit probability P(B &lt; 0) and the quantiles of B.
/// <para>Volume. V = min(k_B, k_S) with independent sides, so for any function f of the volume and
/// the two sides' trades, P(V = v, f in A) = P(k_B &gt;= v, k_S &gt;= v, f_v in A) -
/// P(k_B &gt;= v + 1, k_S &gt;= v + 1, f_v in A), f_v being f with the volume set to v (defined as soon as
/// both k_j &gt;= v). Each term is a product of one measure per side. Given the volume the two sides'
/// fills are independent, and side j's money at volume v is Reference_j v + Delta_j
/// (<see cref="FiniteSideRevenueLaw"/>), so B = (Reference_B - Reference_S) v + (Delta_B - Delta_S) - N_r L,
/// evaluated in that order (for one option per side Delta = 0 and B is w v - N_r L, bit for bit).</para>
/// <para>The cumulative P(B &lt;= x) is, per volume, a sum over pairs of atoms; with each side's atoms
/// sorted by Delta the qualifying seller atoms form a suffix that moves one way as Delta_B grows, so
/// one pass per volume suffices (two pointers). Quantiles are found by bisection over the ordered
/// doubles (64 steps, each a pass): the result is exactly an atom of the law.</para>
/// <para>Cost and limits: at most <see cref="WorkBudget"/> steps of the sides' recursions and
/// <see cref="AtomBudget"/> atoms in all (both sides, all volumes), else <see cref="Build"/> gives up
/// (null) and <see cref="FiniteSurplusMoments"/>' normal approximation takes over. Two options a side
/// (one sure, one lottery) stay within it up to about N = 2 x 10^4, the three-option test menu up to
/// about N = 300.</para>
/// </summary>
internal sealed class FiniteSurplusLaw : ISurplusLaw
{
    /// <summary>Largest number of recursion cells the two sides may visit.</summary>
    public const long WorkBudget = 300_000_000;

    /// <summary>Largest number of atoms kept (both sides, all volumes; about 24 bytes each).</summary>
    public const long AtomBudget = 3_000_000;

    private readonly int[] volumes;
    private readonly double[] offset;
    private readonly SurplusAtom[][] buyers;
    private readonly double[][] sellerDelta;
    private readonly double[][] sellerAtLeast;
    private readonly double[][] sellerAbove;
    private readonly double promisedTotal;

    private FiniteSurplusLaw(int[] volumes, double[] offset, SurplusAtom[][] buyers, SurplusAtom[][] sellers, double promisedTotal)
    {
        this.volumes = volumes;
        this.offset = offset;
        this.buyers = buyers;
        this.promisedTotal = promisedTotal;
        sellerDelta = new double[sellers.Length][];
        sellerAtLeast = new double[sellers.Length][];
        sellerAbove = new double[sellers.Length][];
        for (var i = 0; i < sellers.Length; i++)
        {
            // Suffix sums: the seller atoms from index j on.
            var atoms = sellers[i];
            sellerDelta[i] = atoms.Select(atom => atom.Delta).ToArray();
            sellerAtLeast[i] = new double[atoms.Length + 1];
            sellerAbove[i] = new double[atoms.Length + 1];
            for (var j = atoms.Length - 1; j >= 0; j--)
            {
                sellerAtLeast[i][j] = sellerAtLeast[i][j + 1] + atoms[j].AtLeast;
                sellerAbove[i][j] = sellerAbove[i][j + 1] + atoms[j].Above;
            }
        }
    }

    /// <summary>
    /// The law for these sides (already constructed), the volume's law P(V = v) (only volumes of
    /// positive probability are visited) and the promised total N_r L; null beyond the budgets.
    /// </summary>
    public static FiniteSurplusLaw? Build(FiniteMenuSide buyerSide, FiniteMenuSide sellerSide, double[] volumeLaw, double promisedTotal)
    {
        var lowest = Array.FindIndex(volumeLaw, p => p > 0);
        var highest = Array.FindLastIndex(volumeLaw, p => p > 0);
        if (lowest < 0)
        {
            return null;
        }

        var span = highest - lowest + 1;
        var estimated = span * (FiniteSideRevenueLaw.EstimatedAtomsPerVolume(buyerSide) + FiniteSideRevenueLaw.EstimatedAtomsPerVolume(sellerSide));
        if (estimated > AtomBudget)
        {
            return null;
        }

        var buyerLaw = FiniteSideRevenueLaw.Of(buyerSide);
        var sellerLaw = FiniteSideRevenueLaw.Of(sellerSide);
        if (buyerLaw is null || sellerLaw is null)
        {
            return null;
        }

        var buyerAtoms = Enumerable.Range(0, span).Select(_ => new List<SurplusAtom>()).ToArray();
        var sellerAtoms = Enumerable.Range(0, span).Select(_ => new List<SurplusAtom>()).ToArray();
        var budget = new SurplusLawBudget(WorkBudget, AtomBudget);
        if (!buyerLaw.AddAtoms(lowest, highest, buyerAtoms, budget) || !sellerLaw.AddAtoms(lowest, highest, sellerAtoms, budget))
        {
            return null;
        }

        var wedge = buyerLaw.Reference - sellerLaw.Reference;
        var volumes = new List<int>();
        var offsets = new List<double>();
        var buyers = new List<SurplusAtom[]>();
        var sellers = new List<SurplusAtom[]>();
        for (var v = lowest; v <= highest; v++)
        {
            if (volumeLaw[v] > 0)
            {
                volumes.Add(v);
                offsets.Add(wedge * v);
                buyers.Add(Sorted(buyerAtoms[v - lowest]));
                sellers.Add(Sorted(sellerAtoms[v - lowest]));
            }
        }

        return new FiniteSurplusLaw(volumes.ToArray(), offsets.ToArray(), buyers.ToArray(), sellers.ToArray(), promisedTotal);
    }

    /// <summary>Atoms kept (both sides, all volumes): the law's size.</summary>
    public long Atoms => buyers.Sum(atoms => (long)atoms.Length) + sellerDelta.Sum(atoms => (long)atoms.Length);

    /// <summary>
    /// P(B &lt; 0) with the simulation's slack (a surplus above -1e-9 x max(|N_r L|, 1) is not a deficit:
    /// the Monte Carlo tolerates 1e-9 x the money moved).
    /// </summary>
    public double DeficitProbability() =>
        Math.Clamp(Cumulative(-1e-9 * Math.Max(Math.Abs(promisedTotal), 1.0), strict: true), 0.0, 1.0);

    /// <summary>The q-quantile of B (total, not per seller): the smallest atom b with P(B &lt;= b) &gt;= q.</summary>
    public double Quantile(double level)
    {
        var (smallest, largest) = Range();
        if (Cumulative(largest, strict: false) < level)
        {
            return largest;
        }

        // Bisection over the doubles in their order: F(low) < q <= F(high) until they are neighbours.
        var low = OrderKey(Math.BitDecrement(smallest));
        var high = OrderKey(largest);
        // Int128: the keys of -x and +x are about -4.6e18 and +4.6e18 apart, a long's difference overflows.
        while ((Int128)high - low > 1)
        {
            var middle = (long)(((Int128)low + high) / 2);
            if (Cumulative(FromOrderKey(middle), strict: false) >= level)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return FromOrderKey(high);
    }

    /// <summary>P(B &lt;= x) (or P(B &lt; x) when <paramref name="strict"/>), summed over the volumes in increasing order.</summary>
    public double Cumulative(double x, bool strict)
    {
        var total = 0.0;
        for (var i = 0; i < volumes.Length; i++)
        {
            var atoms = buyers[i];
            var delta = sellerDelta[i];
            var atLeast = 0.0;
            var above = 0.0;
            var j = 0;
            foreach (var atom in atoms)
            {
                // B falls as Delta_S grows: the qualifying seller atoms are a suffix, starting later as Delta_B grows.
                while (j < delta.Length && !Qualifies(Surplus(i, atom.Delta, delta[j]), x, strict))
                {
                    j++;
                }

                atLeast += atom.AtLeast * sellerAtLeast[i][j];
                above += atom.Above * sellerAbove[i][j];
            }

            total += Math.Max(atLeast - above, 0.0);
        }

        return total;
    }

    /// <summary>
    /// E[B] and Var[B] from the law: per volume, sum over pairs of (P_B P_S - G_B G_S) x^p with
    /// x = c_v - N_r L + Delta_B - Delta_S, which separates into the sides' masses and their first two
    /// moments. The mean must equal the linear expectation of <see cref="FiniteMenuExpectation"/> and
    /// both the moments of <see cref="FiniteSurplusMoments"/>: checks of the law's masses.
    /// </summary>
    public (double Mean, double Variance) Moments()
    {
        double first = 0, second = 0;
        for (var i = 0; i < volumes.Length; i++)
        {
            var b = new double[2, 3];
            foreach (var atom in buyers[i])
            {
                b[0, 0] += atom.AtLeast;
                b[0, 1] += atom.AtLeast * atom.Delta;
                b[0, 2] += atom.AtLeast * atom.Delta * atom.Delta;
                b[1, 0] += atom.Above;
                b[1, 1] += atom.Above * atom.Delta;
                b[1, 2] += atom.Above * atom.Delta * atom.Delta;
            }

            var s = new double[2, 3];
            for (var j = 0; j < sellerDelta[i].Length; j++)
            {
                var delta = sellerDelta[i][j];
                var atLeast = sellerAtLeast[i][j] - sellerAtLeast[i][j + 1];
                var above = sellerAbove[i][j] - sellerAbove[i][j + 1];
                s[0, 0] += atLeast;
                s[0, 1] += atLeast * delta;
                s[0, 2] += atLeast * delta * delta;
                s[1, 0] += above;
                s[1, 1] += above * delta;
                s[1, 2] += above * delta * delta;
            }

            var shift = offset[i] - promisedTotal;
            for (var term = 0; term < 2; term++)
            {
                var sign = term == 0 ? 1.0 : -1.0;
                var mass = b[term, 0] * s[term, 0];
                var mean = (shift * mass) + (b[term, 1] * s[term, 0]) - (b[term, 0] * s[term, 1]);
                var square = (shift * shift * mass) + (b[term, 2] * s[term, 0]) + (b[term, 0] * s[term, 2])
                    + (2 * shift * ((b[term, 1] * s[term, 0]) - (b[term, 0] * s[term, 1]))) - (2 * b[term, 1] * s[term, 1]);
                first += sign * mean;
                second += sign * square;
            }
        }

        return (first, second - (first * first));
    }

    private double Surplus(int volume, double buyerDelta, double sellerDelta) =>
        (offset[volume] + (buyerDelta - sellerDelta)) - promisedTotal;

    private static bool Qualifies(double surplus, double x, bool strict) => strict ? surplus < x : surplus <= x;

    private (double Smallest, double Largest) Range()
    {
        var smallest = double.PositiveInfinity;
        var largest = double.NegativeInfinity;
        for (var i = 0; i < volumes.Length; i++)
        {
            if (buyers[i].Length == 0 || sellerDelta[i].Length == 0)
            {
                continue;
            }

            smallest = Math.Min(smallest, Surplus(i, buyers[i][0].Delta, sellerDelta[i][^1]));
            largest = Math.Max(largest, Surplus(i, buyers[i][^1].Delta, sellerDelta[i][0]));
        }

        return (smallest, largest);
    }

    private static SurplusAtom[] Sorted(List<SurplusAtom> atoms)
    {
        var array = atoms.ToArray();
        Array.Sort(array.Select(atom => atom.Delta).ToArray(), array);
        return array;
    }

    /// <summary>A long whose order is the doubles' order (-0 and +0 share 0).</summary>
    private static long OrderKey(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        return bits >= 0 ? bits : long.MinValue - bits;
    }

    private static double FromOrderKey(long key) => BitConverter.Int64BitsToDouble(key >= 0 ? key : long.MinValue - key);
}

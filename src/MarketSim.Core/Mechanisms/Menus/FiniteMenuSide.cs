using MarketSim.Core.Agents;
using MarketSim.Core.Theory;
using MathNet.Numerics.Distributions;

namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// One side of a menu mechanism on a finite market, as a probability space over its "states"
/// (docs/theory.md §2.2): the multinomial counts c_o of the side's n agents choosing each option,
/// and the rounding uniform u, which given the counts takes finitely many relevant values.
/// <para>Counts: agents choose independently, option o with probability pi_o, so the counts are
/// multinomial; they are enumerated as nested binomials c_0 ~ Bin(n, pi_0),
/// c_1 | c_0 ~ Bin(n - c_0, pi_1 / (1 - pi_0)), ..., each truncated where its pmf falls below
/// <see cref="PmfFloor"/> (computed from the log pmf at the mode by the ratio recurrence, so the
/// truncated mass is below 1e-15 per level).</para>
/// <para>Rounding: <see cref="SideFill.RoundSlots"/> gives lottery option o
/// m_o(u) = floor(C_o + u) - floor(C_{o-1} + u) slots, piecewise constant in u with jumps at
/// u = 1 - frac(C_o); the side's state is enumerated once per piece, weighted by the piece's length.
/// Then k_j = S + W with S the sure choosers and W = sum_o m_o.</para>
/// </summary>
internal sealed class FiniteMenuSide
{
    /// <summary>Binomial probabilities below this are dropped (their total is far below 1e-15).</summary>
    public const double PmfFloor = 1e-19;

    private readonly double[][] pmfBuffers;
    private readonly int[] counts;
    private readonly int[] winners;

    /// <param name="allocate">False when the side is not enumerated (no pmf buffers of size n).</param>
    public FiniteMenuSide(Menu menu, IRateLaw law, int agents, bool allocate = true)
    {
        Menu = menu;
        Agents = agents;
        var (mass, weight, weightedRate) = MenuContinuumValues.OptionIntegrals(menu, law);
        ChoiceProbability = mass;
        TraderWelfare = new double[menu.Count];
        MeanWeight = new double[menu.Count];
        for (var o = 0; o < menu.Count; o++)
        {
            // E[v^K - p v^M | chose o] (buyer) or E[p v^M - v^K | chose o] (seller), v^K = r v^M.
            var sign = menu.Side == Side.Buyers ? 1.0 : -1.0;
            TraderWelfare[o] = mass[o] > 0 ? sign * (weightedRate[o] - (menu.Price(o) * weight[o])) / mass[o] : 0.0;
            MeanWeight[o] = mass[o] > 0 ? weight[o] / mass[o] : 0.0;
        }

        var noneMass = 1.0 - mass.Sum();
        NoTradeMeanWeight = noneMass > 1e-15 ? Math.Max(law.MeanParetoWeight - weight.Sum(), 0.0) / noneMass : 0.0;
        pmfBuffers = Enumerable.Range(0, menu.Count).Select(_ => new double[allocate ? agents + 1 : 0]).ToArray();
        counts = new int[menu.Count];
        winners = new int[menu.Count];
    }

    public Menu Menu { get; }

    public int Agents { get; }

    /// <summary>pi_o: the probability that an agent of this side chooses option o.</summary>
    public double[] ChoiceProbability { get; }

    /// <summary>E[welfare of one trade | the trader chose o], before lump sums (in utils).</summary>
    public double[] TraderWelfare { get; }

    /// <summary>E[v^M | chose o]: the mean weight of a lump sum paid to option o's choosers.</summary>
    public double[] MeanWeight { get; }

    public double NoTradeMeanWeight { get; }

    /// <summary>Expected trades of the side's choices, n sum_o pi_o x_o.</summary>
    public double ExpectedTrades => Agents * Enumerable.Range(0, Menu.Count).Sum(o => ChoiceProbability[o] * Menu.Probability(o));

    /// <summary>Number of states the enumeration visits, estimated from the binomials' spreads (16 sd + 1 per level).</summary>
    public double EstimatedStates()
    {
        var states = 1.0;
        var massLeft = 1.0;
        var remaining = (double)Agents;
        for (var o = 0; o < Menu.Count; o++)
        {
            var p = massLeft > 0 ? Math.Clamp(ChoiceProbability[o] / massLeft, 0, 1) : 0;
            states *= Math.Min(remaining + 1, (16 * Math.Sqrt(remaining * p * (1 - p))) + 3);
            remaining *= 1 - p;
            massLeft -= ChoiceProbability[o];
        }

        return states * (1 + Menu.Count);
    }

    /// <summary>Calls <paramref name="visit"/> once per (counts, rounding piece) with the state's probability.</summary>
    public void Enumerate(IFiniteSideVisitor visit) => Recurse(0, Agents, 1.0, 1.0, visit);

    private void Recurse(int level, int remaining, double massLeft, double probability, IFiniteSideVisitor visit)
    {
        if (level == Menu.Count)
        {
            EmitRoundingPieces(probability, visit);
            return;
        }

        var p = massLeft > 0 ? Math.Clamp(ChoiceProbability[level] / massLeft, 0.0, 1.0) : 0.0;
        var buffer = pmfBuffers[level];
        var (low, high) = TruncatedBinomial(remaining, p, buffer);
        for (var c = low; c <= high; c++)
        {
            counts[level] = c;
            Recurse(level + 1, remaining - c, massLeft - ChoiceProbability[level], probability * buffer[c], visit);
        }
    }

    private void EmitRoundingPieces(double probability, IFiniteSideVisitor visit)
    {
        var sure = 0;
        Span<double> jumps = stackalloc double[Menu.MaximumOptions + 2];
        var jumpCount = 0;
        jumps[jumpCount++] = 0.0;
        var cumulative = 0.0;
        for (var o = 0; o < Menu.Count; o++)
        {
            if (Menu.IsSure(o))
            {
                sure += counts[o];
                continue;
            }

            // Same floating-point sum, in the same order, as SideFill.RoundSlots.
            cumulative += counts[o] * Menu.Probability(o);
            var fraction = cumulative - Math.Floor(cumulative);
            if (fraction > 0)
            {
                jumps[jumpCount++] = 1.0 - fraction;
            }
        }

        jumps[jumpCount++] = 1.0;
        var pieces = jumps[..jumpCount];
        pieces.Sort();
        for (var i = 0; i + 1 < pieces.Length; i++)
        {
            var length = pieces[i + 1] - pieces[i];
            if (length <= 0)
            {
                continue;
            }

            var u = 0.5 * (pieces[i] + pieces[i + 1]);
            var total = 0.0;
            var previous = 0;
            var lotteryWinners = 0;
            for (var o = 0; o < Menu.Count; o++)
            {
                if (Menu.IsSure(o))
                {
                    winners[o] = counts[o];
                    continue;
                }

                total += counts[o] * Menu.Probability(o);
                var floor = (int)Math.Floor(total + u);
                winners[o] = Math.Clamp(floor - previous, 0, counts[o]);
                previous = floor;
                lotteryWinners += winners[o];
            }

            visit.Visit(probability * length, counts, winners, sure, lotteryWinners);
        }
    }

    /// <summary>
    /// Fills <paramref name="pmf"/>[c] with the Bin(n, p) pmf for c in the returned range, from the
    /// log pmf at the mode (MathNet) and the ratio pmf(c+1)/pmf(c) = (n-c) p / ((c+1)(1-p)).
    /// </summary>
    internal static (int Low, int High) TruncatedBinomial(int n, double p, double[] pmf)
    {
        if (n == 0 || p <= 0)
        {
            pmf[0] = 1.0;
            return (0, 0);
        }

        if (p >= 1)
        {
            pmf[n] = 1.0;
            return (n, n);
        }

        var mode = Math.Clamp((int)Math.Floor((n + 1) * p), 0, n);
        pmf[mode] = Math.Exp(Binomial.PMFLn(p, n, mode));
        var odds = p / (1 - p);
        var high = mode;
        while (high < n)
        {
            var next = pmf[high] * (n - high) / (high + 1) * odds;
            if (next < PmfFloor)
            {
                break;
            }

            pmf[++high] = next;
        }

        var low = mode;
        while (low > 0)
        {
            var next = pmf[low] * low / (n - low + 1) / odds;
            if (next < PmfFloor)
            {
                break;
            }

            pmf[--low] = next;
        }

        // The ratio recurrence drifts by rounding over thousands of steps; the truncated mass is
        // below 1e-15, so renormalising restores the pmf to full precision.
        var total = 0.0;
        for (var c = low; c <= high; c++)
        {
            total += pmf[c];
        }

        for (var c = low; c <= high; c++)
        {
            pmf[c] /= total;
        }

        return (low, high);
    }
}

/// <summary>Receives the states of a <see cref="FiniteMenuSide"/>.</summary>
internal interface IFiniteSideVisitor
{
    /// <param name="probability">P(counts) x the length of the rounding piece.</param>
    /// <param name="counts">c_o: choosers of each option.</param>
    /// <param name="slots">Slots of each option: c_o for sure options, m_o for lottery options.</param>
    /// <param name="sure">S: sure choosers.</param>
    /// <param name="lotteryWinners">W = sum of lottery slots; k_j = S + W.</param>
    void Visit(double probability, int[] counts, int[] slots, int sure, int lotteryWinners);
}

namespace MarketSim.Core.Theory.RateLaws;

/// <summary>
/// A rate law tabulated once (docs/theory.md §1.5, 000 Section 2's G_j and lambda_j): at adaptively chosen
/// nodes r_i the source law's quadratures give G(r_i), g(r_i), M(r_i) = int lambda dG = E[v^M 1{R &lt;= r_i}]
/// and lambda(r_i); between nodes G and M are cubic Hermite interpolants with the exact slopes g and
/// lambda g. Everything the theory asks afterwards is closed form on the table:
/// <code>
/// K(r) = E[v^K 1{R &lt;= r}] = r M(r) - int_r^r M       (parts: v^K = R v^M)
/// SellerSurplus(p) = p M(p) - K(p),  BuyerSurplus(p) = (E[v^K] - K(p)) - p (E[v^M] - M(p))
/// Quantile(q): the node interval by binary search, then bisection on the cubic
/// </code>
/// so a solve costs microseconds per call instead of a root search over quadratures.
/// <para>
/// Nodes: 33 equally spaced on [Lower, Upper], then every interval whose midpoint the interpolant misses by
/// more than <see cref="Tolerance"/> (in G, and in M relative to E[v^M]) is halved; the midpoint is kept as
/// a node either way, so the final error is well below the tolerance. At most <see cref="MaximumNodes"/> nodes.
/// </para>
/// <para>
/// Unbounded rates (lognormal or Pareto v^K, v^M with 0 in its support): the table stops at
/// rbar = G^{-1}(1 - <see cref="TailMass"/>), which becomes this law's Upper; the tail's mass sits at rbar
/// (Cdf(rbar) = 1) with its exact weight: the totals E[v^M], E[v^K] come from the marginals, so every
/// surplus at a price p &lt;= rbar is the untruncated law's. What truncation changes is only that no cut-off
/// price lies beyond rbar; a mechanism loses at most the value the tail's agents hold at such prices,
/// <see cref="TruncatedTailValue"/> = E[v^K 1{R &gt; rbar}] + rbar E[v^M 1{R &gt; rbar}] per agent of the side
/// (tested: tabulations with tail masses 1e-6 and 1e-10 give optima within that bound).
/// </para>
/// Immutable after construction, so reads are thread-safe.
/// </summary>
public sealed class TabulatedRateLaw : IPartialMeanRateLaw, IApproximateRateLaw
{
    /// <summary>Default tail mass cut off above rbar when the rate is unbounded.</summary>
    public const double DefaultTailMass = 1e-10;

    /// <summary>Largest interpolation error allowed at an interval's midpoint (G, and M / E[v^M]); the accepted halves are
    /// about 16 times more accurate (fourth order), and welfare moves by the same order (tests: 1e-8 agreement).</summary>
    public const double Tolerance = 1e-8;

    /// <summary>Hard bound on the table's size (and on the refinement loop).</summary>
    public const int MaximumNodes = 4097;

    private const int InitialIntervals = 32;

    private readonly double[] rates;
    private readonly HermiteSegment[] cdf;
    private readonly HermiteSegment[] weight;
    private readonly double[] paretoWeights;
    private readonly double[] goodBelow; // K(r_i)
    private readonly double[] rateBelow; // E[R 1{R <= r_i}]

    /// <param name="source">The exact law (quadrature or closed form); asked only while tabulating.</param>
    /// <param name="smooth">False when the source has no usable density (an empirical marginal): linear pieces.</param>
    /// <exception cref="ArgumentException">The law cannot be solved (infinite mean, non-finite values), with the reason.</exception>
    public TabulatedRateLaw(IRateLaw source, double tailMass = DefaultTailMass, bool smooth = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!(tailMass > 0 && tailMass < 1e-3))
        {
            throw new ArgumentOutOfRangeException(nameof(tailMass), "the truncated tail mass must lie in (0, 1e-3)");
        }

        Source = source;
        TailMass = tailMass;
        MeanParetoWeight = source.MeanParetoWeight;
        if (!double.IsFinite(MeanParetoWeight) || !(MeanParetoWeight > 0))
        {
            throw new ArgumentException($"the mean value of money E[v^M] is {MeanParetoWeight}: the theory needs it finite and positive (e.g. a Pareto shape above 1)", nameof(source));
        }

        Lower = source.Lower;
        if (!double.IsFinite(Lower))
        {
            throw new ArgumentException("the rate of substitution must be bounded below", nameof(source));
        }

        // All buyers buy at p = r: BuyerSurplus(r) = E[v^K] - r E[v^M].
        MeanGoodValue = source.BuyerSurplus(Lower) + Lower * MeanParetoWeight;
        if (!double.IsFinite(MeanGoodValue))
        {
            throw new ArgumentException($"the mean value of the good E[v^K] is {MeanGoodValue}: the theory needs it finite (e.g. a Pareto shape above 1)", nameof(source));
        }

        Truncated = !double.IsFinite(source.Upper);
        Upper = Truncated ? source.Quantile(1 - tailMass) : source.Upper;
        if (!double.IsFinite(Upper) || !(Upper > Lower))
        {
            throw new ArgumentException($"the rates of substitution have no usable support [{Lower}, {Upper}]", nameof(source));
        }

        var nodes = Refine(source, smooth, cancellationToken);
        var n = nodes.Count;
        rates = new double[n];
        paretoWeights = new double[n];
        cdf = new HermiteSegment[n - 1];
        weight = new HermiteSegment[n - 1];
        for (var i = 0; i < n; i++)
        {
            rates[i] = nodes[i].Rate;
            paretoWeights[i] = nodes[i].ParetoWeight;
        }

        for (var i = 0; i + 1 < n; i++)
        {
            cdf[i] = Segment(nodes[i], nodes[i + 1], node => node.Cdf, node => node.Density, smooth);
            weight[i] = Segment(nodes[i], nodes[i + 1], node => node.Weight, node => node.WeightDensity, smooth);
        }

        goodBelow = new double[n];
        rateBelow = new double[n];
        double weightIntegral = 0, cdfIntegral = 0;
        for (var i = 1; i < n; i++)
        {
            weightIntegral += weight[i - 1].IntegralTo(rates[i]);
            cdfIntegral += cdf[i - 1].IntegralTo(rates[i]);
            goodBelow[i] = rates[i] * nodes[i].Weight - weightIntegral;
            rateBelow[i] = rates[i] * nodes[i].Cdf - cdfIntegral;
        }

        TruncatedTailValue = Truncated
            ? Math.Max(0, MeanGoodValue - goodBelow[^1]) + Upper * Math.Max(0, MeanParetoWeight - nodes[^1].Weight)
            : 0;
    }

    /// <summary>The exact law the table was built from.</summary>
    public IRateLaw Source { get; }

    public double TailMass { get; }

    /// <summary>True when the source's rates are unbounded and the table stops at G^{-1}(1 - TailMass).</summary>
    public bool Truncated { get; }

    /// <summary>E[v^K 1{R &gt; rbar}] + rbar E[v^M 1{R &gt; rbar}]: what truncation can change, per agent (0 if not truncated).</summary>
    public double TruncatedTailValue { get; }

    public int NodeCount => rates.Length;

    public double Lower { get; }

    public double Upper { get; }

    public double MeanParetoWeight { get; }

    /// <summary>E[v^K].</summary>
    public double MeanGoodValue { get; }

    public double Cdf(double rate) => rate <= Lower ? 0 : rate >= Upper ? 1 : cdf[Locate(rate)].Value(rate);

    public double Density(double rate) => rate < Lower || rate > Upper ? 0 : Math.Max(0, cdf[Locate(rate)].Slope(rate));

    public double Quantile(double probability)
    {
        if (!(probability > 0))
        {
            return Lower;
        }

        var last = cdf[^1].F1;
        if (probability >= last)
        {
            return Upper;
        }

        // The first node whose G reaches the probability.
        int low = 0, high = cdf.Length - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (cdf[middle].F1 < probability)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return cdf[low].Solve(probability);
    }

    /// <summary>lambda(r), linear between the nodes' exact values (the ends carry the source's one-sided limits).</summary>
    public double ParetoWeight(double rate)
    {
        if (rate <= Lower || rate >= Upper)
        {
            var end = rate <= Lower ? paretoWeights[0] : paretoWeights[^1];
            return double.IsFinite(end) ? end : Source.ParetoWeight(rate);
        }

        var i = Locate(rate);
        if (!double.IsFinite(paretoWeights[i]) || !double.IsFinite(paretoWeights[i + 1]))
        {
            return Source.ParetoWeight(rate); // lambda diverges at an end (e.g. k / r at r = 0): the exact value
        }

        var s = (rate - rates[i]) / (rates[i + 1] - rates[i]);
        return paretoWeights[i] + s * (paretoWeights[i + 1] - paretoWeights[i]);
    }

    public double WeightBelow(double rate) => rate <= Lower ? 0 : rate >= Upper ? MeanParetoWeight : weight[Locate(rate)].Value(rate);

    /// <summary>K(p) = E[v^K 1{R &lt;= p}].</summary>
    public double GoodBelow(double rate)
    {
        if (rate <= Lower)
        {
            return 0;
        }

        if (rate >= Upper)
        {
            return MeanGoodValue;
        }

        var i = Locate(rate);
        return goodBelow[i] + rate * weight[i].Value(rate) - rates[i] * weight[i].F0 - weight[i].IntegralTo(rate);
    }

    /// <summary>E[R 1{R &lt;= p}] (unweighted), for the competitive equilibrium's gains from trade.</summary>
    public double RateBelow(double rate)
    {
        if (rate <= Lower)
        {
            return 0;
        }

        var clamped = Math.Min(rate, Upper);
        var i = Math.Min(Locate(clamped), cdf.Length - 1);
        var value = rateBelow[i] + clamped * cdf[i].Value(clamped) - rates[i] * cdf[i].F0 - cdf[i].IntegralTo(clamped);
        // The truncated tail's mass sits at rbar.
        return rate >= Upper ? value + Upper * (1 - cdf[^1].F1) : value;
    }

    public double SellerSurplus(double price) =>
        price <= Lower ? 0 : price >= Upper ? price * MeanParetoWeight - MeanGoodValue : price * WeightBelow(price) - GoodBelow(price);

    public double BuyerSurplus(double price) =>
        price <= Lower ? MeanGoodValue - price * MeanParetoWeight
        : price >= Upper ? 0
        : (MeanGoodValue - GoodBelow(price)) - price * (MeanParetoWeight - WeightBelow(price));

    /// <summary>The index i of the interval [r_i, r_{i+1}] holding the rate (clamped to the table).</summary>
    private int Locate(double rate)
    {
        var index = Array.BinarySearch(rates, rate);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return Math.Clamp(index, 0, cdf.Length - 1);
    }

    private readonly record struct Node(double Rate, double Cdf, double Density, double Weight, double WeightDensity, double ParetoWeight);

    private Node Evaluate(IRateLaw source, double rate)
    {
        var atEnd = rate <= Lower || rate >= Upper;
        if (!atEnd && source is TwoDimensionalRateLaw twoDimensional)
        {
            var (g, density2, weighted, m) = twoDimensional.TabulationValues(rate);
            if (density2 > 0 && double.IsFinite(g) && double.IsFinite(m) && double.IsFinite(weighted))
            {
                return new Node(rate, g, density2, m, weighted, weighted / density2);
            }
        }

        var density = source.Density(rate);
        var paretoWeight = source.ParetoWeight(rate);
        var node = new Node(
            rate,
            rate <= Lower ? 0 : source.Cdf(rate),
            density,
            rate <= Lower ? 0 : source.WeightBelow(rate),
            paretoWeight * density,
            paretoWeight);
        if (!double.IsFinite(node.Cdf) || !double.IsFinite(node.Weight) || (!atEnd && !double.IsFinite(node.ParetoWeight)))
        {
            throw new ArgumentException($"the rate law cannot be tabulated: a non-finite value at r = {rate} (G = {node.Cdf}, M = {node.Weight}, lambda = {node.ParetoWeight})", nameof(source));
        }

        return node;
    }

    private List<Node> Refine(IRateLaw source, bool smooth, CancellationToken cancellationToken)
    {
        var accepted = new List<Node>();
        var pending = new Stack<(Node Left, Node Right)>();
        var first = Evaluate(source, Lower);
        var previous = first;
        var initial = new List<(Node, Node)>();
        for (var k = 1; k <= InitialIntervals; k++)
        {
            var next = Evaluate(source, k == InitialIntervals ? Upper : Lower + (Upper - Lower) * k / InitialIntervals);
            initial.Add((previous, next));
            previous = next;
        }

        for (var k = initial.Count - 1; k >= 0; k--)
        {
            pending.Push(initial[k]);
        }

        var count = InitialIntervals + 1;
        accepted.Add(first);
        var minimumWidth = 1e-13 * Math.Max(Math.Abs(Lower), Math.Abs(Upper));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (left, right) = pending.Pop();
            var middleRate = 0.5 * (left.Rate + right.Rate);
            if (count >= MaximumNodes || right.Rate - left.Rate <= minimumWidth || middleRate <= left.Rate || middleRate >= right.Rate)
            {
                accepted.Add(right);
                continue;
            }

            var middle = Evaluate(source, middleRate);
            count++;
            var cdfError = Math.Abs(Segment(left, right, node => node.Cdf, node => node.Density, smooth).Value(middleRate) - middle.Cdf);
            var weightError = Math.Abs(Segment(left, right, node => node.Weight, node => node.WeightDensity, smooth).Value(middleRate) - middle.Weight)
                              / MeanParetoWeight;
            if (Math.Max(cdfError, weightError) > Tolerance)
            {
                pending.Push((middle, right));
                pending.Push((left, middle));
            }
            else
            {
                accepted.Add(middle);
                accepted.Add(right);
            }
        }

        return accepted;
    }

    private static HermiteSegment Segment(Node left, Node right, Func<Node, double> value, Func<Node, double> slope, bool smooth) =>
        HermiteSegment.Create(
            left.Rate, right.Rate, value(left), value(right),
            smooth ? slope(left) : double.NaN, smooth ? slope(right) : double.NaN);
}

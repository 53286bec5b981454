using MarketSim.Core.Laws;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace MarketSim.Core.Theory.RateLaws;

/// <summary>
/// The rate law of joint data (rows (v^K_i, v^M_i), each of mass 1/n), smoothed so that it has a density
/// (docs/theory.md §1.5, joint data: §1.1 and §1.3 need g_j and lambda_j): row i's rate r_i = v^K_i / v^M_i is spread by a
/// lognormal kernel, ln R | i ~ N(ln r_i - h^2/2, h^2), which keeps E[R | i] = r_i, and the row keeps its
/// v^M_i (so v^K = R v^M_i, E[v^K | i] = v^K_i). Hence the means E[v^M] and E[v^K] are the rows' sample
/// means exactly, and every quantity is a closed-form sum over rows, with z_i = (ln r - ln r_i + h^2/2) / h:
/// <code>
/// G(r) = mean Phi(z_i),   M(r) = E[v^M 1{R &lt;= r}] = mean v^M_i Phi(z_i),   K(r) = mean v^K_i Phi(z_i - h)
/// g(r) = mean phi(z_i) / (h r),   lambda(r) = [mean v^M_i phi(z_i)] / [mean phi(z_i)]
/// </code>
/// The bandwidth h is Silverman's rule on the log rates, 0.9 min(sd, IQR / 1.34) n^(-1/5) (at least
/// <see cref="MinimumBandwidth"/>): it vanishes as the rows grow, so the smoothed law converges to the rows'.
/// Rates are unbounded above (Upper = +infinity): the solver uses it through a
/// <see cref="Tabulation.TabulatedRateLaw"/>. Beyond <see cref="BinningThreshold"/> rows the sums run over
/// the rows linearly binned on a grid of h/64 in ln r (<see cref="BinnedKernelSums"/>, docs/theory.md §1.5):
/// a sum then costs a few hundred kernel terms however many rows there are, and moves G, M and K by at
/// most 7.4e-6 of their totals; E[v^K] is then that of the binned rows (above the rows' mean by a factor
/// of at most exp(w^2/8), w = h/64: 1e-7 for h = 0.2).
/// </summary>
public sealed class SmoothedJointRateLaw : IRateLaw
{
    /// <summary>Bandwidth floor (in ln r) when every row has the same rate.</summary>
    public const double MinimumBandwidth = 0.01;

    /// <summary>Rows beyond which the kernel sums run over binned rows (exact sums over 10,000 rows take milliseconds).</summary>
    public const int BinningThreshold = 10_000;

    private readonly double[] logRates;
    private readonly double[] goods;
    private readonly double[] moneys;
    private readonly BinnedKernelSums? binned;

    public SmoothedJointRateLaw(IReadOnlyList<double> goods, IReadOnlyList<double> moneys)
        : this(goods, moneys, goods?.Count > BinningThreshold)
    {
    }

    /// <summary>Tests compare the binned sums with the exact ones on the same rows.</summary>
    internal SmoothedJointRateLaw(IReadOnlyList<double> goods, IReadOnlyList<double> moneys, bool binRows)
    {
        ArgumentNullException.ThrowIfNull(goods);
        ArgumentNullException.ThrowIfNull(moneys);
        JointEmpiricalLaw.Validate(goods, moneys);
        this.goods = goods.ToArray();
        this.moneys = moneys.ToArray();
        logRates = this.goods.Select((good, i) => Math.Log(good / this.moneys[i])).ToArray();
        Bandwidth = SilvermanBandwidth(logRates);
        MeanParetoWeight = this.moneys.Average();
        MeanGoodValue = this.goods.Average();
        if (binRows)
        {
            binned = BinnedKernelSums.Bin(logRates, this.moneys, Bandwidth);
            MeanGoodValue = binned.Total(BinnedKernelSums.Weight.Good) / logRates.Length;
        }
    }

    /// <summary>h, the kernel's standard deviation in ln r.</summary>
    public double Bandwidth { get; }

    public double Lower => 0;

    public double Upper => double.PositiveInfinity;

    public double MeanParetoWeight { get; }

    /// <summary>E[v^K] = the rows' mean good value.</summary>
    public double MeanGoodValue { get; }

    public double Cdf(double rate) =>
        rate <= 0 ? 0
        : binned is not null ? binned.CumulativeSum(Math.Log(rate), BinnedKernelSums.Weight.Count, 0) / logRates.Length
        : Mean(rate, (i, z) => Normal.CDF(0, 1, z));

    public double Density(double rate) =>
        rate <= 0 ? 0
        : (binned is not null ? binned.DensitySum(Math.Log(rate)) / logRates.Length : Mean(rate, (i, z) => Phi(z))) / (Bandwidth * rate);

    public double Quantile(double probability) => RateQuadrature.Quantile(Cdf, probability, Lower, Upper);

    public double ParetoWeight(double rate)
    {
        if (binned is not null)
        {
            return rate <= 0 ? binned.LowestParetoWeight : binned.ParetoWeight(Math.Log(rate));
        }

        if (rate <= 0)
        {
            // The limit r -> 0 is the weight of the rows with the lowest log rate (their kernels dominate).
            var lowest = logRates.Min();
            return Enumerable.Range(0, moneys.Length).Where(i => logRates[i] == lowest).Average(i => moneys[i]);
        }

        // Shift the exponent by the largest term so that far tails neither underflow nor give 0/0.
        var log = Math.Log(rate);
        var largest = double.NegativeInfinity;
        for (var i = 0; i < logRates.Length; i++)
        {
            largest = Math.Max(largest, -0.5 * Square(Score(log, i)));
        }

        double weighted = 0, total = 0;
        for (var i = 0; i < logRates.Length; i++)
        {
            var kernel = Math.Exp(-0.5 * Square(Score(log, i)) - largest);
            weighted += moneys[i] * kernel;
            total += kernel;
        }

        return weighted / total;
    }

    public double WeightBelow(double rate) =>
        rate <= 0 ? 0
        : binned is not null ? binned.CumulativeSum(Math.Log(rate), BinnedKernelSums.Weight.Money, 0) / logRates.Length
        : Mean(rate, (i, z) => moneys[i] * Normal.CDF(0, 1, z));

    /// <summary>K(r) = E[v^K 1{R &lt;= r}].</summary>
    public double GoodBelow(double rate) =>
        rate <= 0 ? 0
        : binned is not null ? binned.CumulativeSum(Math.Log(rate), BinnedKernelSums.Weight.Good, Bandwidth) / logRates.Length
        : Mean(rate, (i, z) => goods[i] * Normal.CDF(0, 1, z - Bandwidth));

    public double SellerSurplus(double price) => price <= 0 ? 0 : price * WeightBelow(price) - GoodBelow(price);

    public double BuyerSurplus(double price) =>
        price <= 0 ? MeanGoodValue - price * MeanParetoWeight
        : (MeanGoodValue - GoodBelow(price)) - price * (MeanParetoWeight - WeightBelow(price));

    private double Score(double logRate, int row) => (logRate - logRates[row] + 0.5 * Bandwidth * Bandwidth) / Bandwidth;

    private double Mean(double rate, Func<int, double, double> term)
    {
        var log = Math.Log(rate);
        var sum = 0.0;
        for (var i = 0; i < logRates.Length; i++)
        {
            sum += term(i, Score(log, i));
        }

        return sum / logRates.Length;
    }

    private static double Phi(double z) => Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);

    private static double Square(double x) => x * x;

    /// <summary>0.9 min(sd, IQR / 1.34) n^(-1/5) (Silverman's rule of thumb), at least <see cref="MinimumBandwidth"/>.</summary>
    internal static double SilvermanBandwidth(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return MinimumBandwidth;
        }

        var spread = values.StandardDeviation();
        var interQuartile = values.InterquartileRange() / 1.34;
        var scale = interQuartile > 0 ? Math.Min(spread, interQuartile) : spread;
        return Math.Max(MinimumBandwidth, 0.9 * scale * Math.Pow(values.Count, -0.2));
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;

namespace MarketSim.Core.Theory.RateLaws;

/// <summary>The continuum rate law G_j, lambda_j of a side (closed forms where they exist, a table otherwise).</summary>
public static class RateLawFactory
{
    // Tables are kept per law spec, so sweeps and repeated solves of an unchanged law tabulate once per
    // process. Bounded: cleared when full (a sweep over a law's parameter creates one entry per point).
    private const int CacheCapacity = 64;
    private static readonly ConcurrentDictionary<string, IRateLaw> Tables = new(StringComparer.Ordinal);

    /// <summary>
    /// The law the theory (CE, posted mechanisms, the solver) works with. Bounded closed forms stay as they
    /// are, so the textbook laws' numbers never change: constant money -> <see cref="ConstantMoneyRateLaw"/>
    /// (the copula is then irrelevant); constant good with varying money -> <see cref="ConstantGoodRateLaw"/>;
    /// Pareto-weight form -> <see cref="ParetoWeightRateLaw"/>. Every other law (two varying marginals, with
    /// or without a copula; joint data) and every law with unbounded rates is tabulated once per spec
    /// (<see cref="TabulatedRateLaw"/>, docs/theory.md §1.5), truncated at tail mass
    /// <see cref="TabulatedRateLaw.DefaultTailMass"/> when the rates are unbounded.
    /// </summary>
    /// <exception cref="ArgumentException">The spec is not a law the theory can solve; the message says why.</exception>
    public static IRateLaw Create(SideLawSpec spec, CancellationToken cancellationToken = default)
    {
        var exact = CreateExact(spec);
        var needsTable = exact is TwoDimensionalRateLaw or SmoothedJointRateLaw || !double.IsFinite(exact.Upper);
        if (!needsTable)
        {
            return exact;
        }

        var key = Key(spec);
        if (Tables.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var smooth = exact is not TwoDimensionalRateLaw twoDimensional
                     || (twoDimensional.Good is not EmpiricalDistribution && twoDimensional.Money is not EmpiricalDistribution);
        var table = new TabulatedRateLaw(exact, TabulatedRateLaw.DefaultTailMass, smooth, cancellationToken);
        if (Tables.Count >= CacheCapacity)
        {
            Tables.Clear();
        }

        return Tables.GetOrAdd(key, table);
    }

    /// <summary>
    /// The exact (untabulated) law: closed forms, <see cref="TwoDimensionalRateLaw"/> (quadrature per call) or
    /// <see cref="SmoothedJointRateLaw"/> (sums over rows per call). Cheap to build; no tables.
    /// </summary>
    public static IRateLaw CreateExact(SideLawSpec spec)
    {
        switch (spec)
        {
            case null:
                throw new ArgumentNullException(nameof(spec));
            case ParetoWeightLawSpec paretoWeight:
                return new ParetoWeightRateLaw(
                    DistributionFactory.Create(paretoWeight.Rate), new WeightPolynomial(paretoWeight.WeightPolynomial));
            case TwoDimensionalLawSpec twoDimensional:
                var good = DistributionFactory.Create(twoDimensional.Good);
                var money = DistributionFactory.Create(twoDimensional.Money);
                _ = new GaussianCopula(twoDimensional.CopulaCorrelation); // validates rho
                if (money.IsDegenerate)
                {
                    return new ConstantMoneyRateLaw(good, money.Mean);
                }

                return good.IsDegenerate
                    ? new ConstantGoodRateLaw(good.Mean, money)
                    : new TwoDimensionalRateLaw(good, money, twoDimensional.CopulaCorrelation);
            case JointEmpiricalLawSpec joint:
                return new SmoothedJointRateLaw(joint.Goods, joint.Moneys);
            default:
                throw new ArgumentException($"Unknown side law {spec.GetType().Name}.", nameof(spec));
        }
    }

    /// <summary>A key equal for equal laws: the spec's parameters, and a digest of any data it holds.</summary>
    private static string Key(SideLawSpec spec) => spec switch
    {
        TwoDimensionalLawSpec twoDimensional =>
            $"two-dimensional|{Key(twoDimensional.Good)}|{Key(twoDimensional.Money)}|{Number(twoDimensional.CopulaCorrelation)}",
        ParetoWeightLawSpec paretoWeight =>
            $"pareto-weight|{Key(paretoWeight.Rate)}|{string.Join(";", paretoWeight.WeightPolynomial.Select(Number))}",
        JointEmpiricalLawSpec joint => $"joint|{Digest(joint.Goods)}|{Digest(joint.Moneys)}",
        _ => throw new ArgumentException($"Unknown side law {spec.GetType().Name}.", nameof(spec)),
    };

    private static string Key(DistributionSpec spec) => spec switch
    {
        EmpiricalSpec empirical => $"empirical({Digest(empirical.Values)})",
        ConstantSpec constant => $"constant({Number(constant.Value)})",
        UniformSpec uniform => $"uniform({Number(uniform.Lower)};{Number(uniform.Upper)})",
        PowerSpec power => $"power({Number(power.Exponent)})",
        ParetoSpec pareto => $"pareto({Number(pareto.Scale)};{Number(pareto.Shape)})",
        LogNormalSpec logNormal => $"lognormal({Number(logNormal.Mu)};{Number(logNormal.Sigma)})",
        BetaSpec beta => $"beta({Number(beta.A)};{Number(beta.B)})",
        _ => throw new ArgumentException($"Unknown distribution {spec.GetType().Name}.", nameof(spec)),
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Digest(IReadOnlyList<double> values) =>
        values.Count + ":" + Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(values.ToArray().AsSpan())));
}

using System.Globalization;

namespace MarketSim.Cli.Tests.Figures;

/// <summary>The CSVs of the appendix figures: 000 Figure A.1 (<c>delta-s</c>) and 001 Figure A.1 (<c>rationing-surplus</c>).</summary>
[Collection(SmallFiguresCollection.Name)]
public sealed class AppendixFigureCsvsTests(SmallFiguresFixture figures)
{
    private static double Number(IReadOnlyDictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);

    /// <summary>
    /// 000 Figure A.1: v^K ~ U[0,1], v^M ~ Pareto(1, alpha). Closed form (derived by hand, docs/theory.md §1.1's definition):
    /// Delta_S(p) = [(alpha-1)/(alpha-2)(p - p^{alpha-1}) + p^{alpha-1} - (alpha p - p^alpha)/(alpha-1)] / [alpha (1 - p^{alpha-1})/(alpha-1)],
    /// 0 at p = 0 and p = 1. The area below the curve falls as alpha rises (000 Appendix A.2).
    /// </summary>
    [Fact]
    public void DeltaSCsvIsTheClosedFormAndTheAreaFallsInAlpha()
    {
        var rows = figures.Csv("delta-s");
        var alphas = rows.Select(row => Number(row, "alpha")).Distinct().ToArray();
        Assert.Equal([2.5, 3.0, 4.0, 6.0], alphas);
        Assert.Equal(alphas.Length * SmallFiguresFixture.Small.CurvePoints, rows.Count);
        foreach (var row in rows)
        {
            double alpha = Number(row, "alpha"), p = Number(row, "price");
            double expected = p is 0 or 1 ? 0 : ((alpha - 1) / (alpha - 2) * (p - Math.Pow(p, alpha - 1)) + Math.Pow(p, alpha - 1) - (alpha * p - Math.Pow(p, alpha)) / (alpha - 1))
                                                 / (alpha * (1 - Math.Pow(p, alpha - 1)) / (alpha - 1));
            Assert.Equal(expected, Number(row, "delta_s"), 1e-11);
        }

        var areas = alphas.Select(alpha => Number(rows.First(row => Number(row, "alpha") == alpha), "area_below_curve")).ToArray();
        Assert.True(areas.Zip(areas.Skip(1)).All(pair => pair.First > pair.Second), string.Join(", ", areas));
    }

    /// <summary>
    /// 001 Figure A.1, uniform sellers, p = 0.4: rationing at p + epsilon turns exactly half of the extra money epsilon G(p)
    /// into surplus (ABD - ABC = epsilon p/2), so it pays iff lambda_S(0) &gt; 2 Lambda_S; the surplus lost to rationing (BED)
    /// is the share (p + epsilon)/(2p + epsilon) of what p + epsilon would add without rationing: half in the limit.
    /// </summary>
    [Fact]
    public void RationingSurplusCsvLosesHalfTheExtraSurplus()
    {
        var rows = figures.Csv("rationing-surplus");
        Assert.Equal(5, rows.Count);
        foreach (var row in rows)
        {
            double p = Number(row, "price"), epsilon = Number(row, "epsilon");
            Assert.Equal(Number(row, "extra_cost") / 2, Number(row, "gain_rationed"), 1e-12);
            Assert.Equal(Number(row, "surplus_rationed_abd") - Number(row, "surplus_at_price_abc"), Number(row, "gain_rationed"), 1e-12);
            Assert.Equal(Number(row, "surplus_unrationed_aed") - Number(row, "surplus_rationed_abd"), Number(row, "lost_to_rationing_bed"), 1e-12);
            Assert.Equal(Number(row, "gain_unrationed"), Number(row, "gain_rationed") + Number(row, "lost_to_rationing_bed"), 1e-12);
            Assert.Equal((p + epsilon) / (2 * p + epsilon), Number(row, "lost_share"), 1e-9);
            Assert.Equal(2.0, Number(row, "break_even_weight_ratio"), 1e-9);
        }

        var smallest = rows.MinBy(row => Number(row, "epsilon"))!;
        Assert.Equal(0.5, Number(smallest, "lost_share"), 1e-3);
    }
}

namespace MarketSim.Core.RedistributiveAuctions;

/// <summary>
/// Ironing in quantile space (003 (7)-(8)): the slopes of the convex hull (greatest convex minorant)
/// of H(s) = int_0^s Z(F^{-1}(u)) du. With Z averaged over equal-probability cells, H is piecewise
/// linear and the hull's slopes are the pool-adjacent-violators fit of the cell averages.
/// </summary>
public static class Ironing
{
    /// <summary>Replaces equal-mass cell averages by their ironed copy (weakly increasing).</summary>
    public static void IronInPlace(Span<double> scores)
    {
        var count = scores.Length;
        if (count == 0)
        {
            return;
        }

        // Blocks of pooled cells: start index, length, mean. A stack of blocks with increasing means.
        var starts = new int[count];
        var lengths = new int[count];
        var means = new double[count];
        var blocks = 0;
        for (var k = 0; k < count; k++)
        {
            starts[blocks] = k;
            lengths[blocks] = 1;
            means[blocks] = scores[k];
            blocks++;
            while (blocks > 1 && means[blocks - 2] >= means[blocks - 1])
            {
                var merged = lengths[blocks - 2] + lengths[blocks - 1];
                means[blocks - 2] = ((means[blocks - 2] * lengths[blocks - 2]) + (means[blocks - 1] * lengths[blocks - 1])) / merged;
                lengths[blocks - 2] = merged;
                blocks--;
            }
        }

        for (var b = 0; b < blocks; b++)
        {
            scores.Slice(starts[b], lengths[b]).Fill(means[b]);
        }
    }
}

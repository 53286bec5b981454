namespace MarketSim.Core.RedistributiveAuctions;

/// <summary>
/// Probability that a score wins when ties are broken by an equal-probability lottery (003 Section
/// 3.1, "Allocations by Ranks"), integrated exactly over independent rivals. Rival j's score is beaten
/// with probability s_j and tied with probability e_j. With K tied rivals the score wins with
/// probability 1/(K+1), so
/// <c>P(win) = sum_S prod_{j in S} e_j prod_{j not in S} s_j / (|S| + 1) = int_0^1 prod_j (s_j + x e_j) dx</c>,
/// because int_0^1 x^K dx = 1/(K+1). The product is expanded into its polynomial coefficients.
/// </summary>
public static class TieLottery
{
    /// <summary>P(win) given each rival's probability of being beaten and of tying.</summary>
    public static double WinProbability(ReadOnlySpan<double> beaten, ReadOnlySpan<double> tied)
    {
        Span<double> coefficients = stackalloc double[beaten.Length + 1];
        coefficients.Clear();
        coefficients[0] = 1;
        var degree = 0;
        for (var j = 0; j < beaten.Length; j++)
        {
            // Multiply by (s_j + x e_j), highest power first so the update is in place.
            coefficients[degree + 1] = coefficients[degree] * tied[j];
            for (var m = degree; m >= 1; m--)
            {
                coefficients[m] = (coefficients[m] * beaten[j]) + (coefficients[m - 1] * tied[j]);
            }

            coefficients[0] *= beaten[j];
            degree++;
        }

        var probability = 0.0;
        for (var m = 0; m <= degree; m++)
        {
            probability += coefficients[m] / (m + 1);
        }

        return probability;
    }
}

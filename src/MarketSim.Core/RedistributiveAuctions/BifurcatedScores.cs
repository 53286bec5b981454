namespace MarketSim.Core.RedistributiveAuctions;

/// <summary>
/// The two-part virtual surplus of one player (003 (34)-(35), docs/theory.md §4), averaged over each quantile
/// cell: Z+ scores the player as a buyer of the good, Z- as a taker of the bad (003 Figure 1).
/// Cell averages are M * int_cell Z f dt, in closed form from the grid (see <see cref="PlayerQuantileGrid"/>):
/// <c>int (alpha t f + alpha F - Lambda) dt = alpha [t F] - int Lambda dt</c>.
/// </summary>
public static class BifurcatedScores
{
    /// <summary>
    /// Writes the cell averages of Z+ and Z- for multiplier <paramref name="multiplier"/> (nu &gt;= 0)
    /// and alpha = max_j Lambda_j(b_j) (003 (12)).
    /// </summary>
    public static void Compute(
        PlayerQuantileGrid grid, double alpha, double multiplier, Span<double> good, Span<double> bad)
    {
        var cells = grid.Cells;
        var nodes = grid.TypeNodes;

        // 003 (34): the player's shortfall alpha - Lambda_i(b_i) taxes him as a buyer (0 for I*).
        var shortfall = alpha - grid.TotalMoneyWeight;
        for (var k = 0; k < cells; k++)
        {
            var common = (alpha * grid.VirtualValueOfBad[k]) - grid.IntegralOfMoneyWeight[k];
            var width = nodes[k + 1] - nodes[k];
            good[k] = cells * (common - (shortfall * width) + (multiplier * grid.VirtualValueOfGood[k]));
            bad[k] = cells * (common + (multiplier * grid.VirtualValueOfBad[k]));
        }
    }
}

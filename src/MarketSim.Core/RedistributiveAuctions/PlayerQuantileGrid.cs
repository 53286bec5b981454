using MarketSim.Core.Distributions;
using MarketSim.Core.Scenarios;
using MathNet.Numerics.Integration;

namespace MarketSim.Core.RedistributiveAuctions;

/// <summary>
/// One player's type space cut into <see cref="Cells"/> cells of equal probability (quantile space,
/// 003 (7)): node k is t_k = F^{-1}(k/M). The mechanism treats the types of one cell alike, so every
/// integral the theory needs becomes a sum over cells of closed forms in the nodes:
/// with F(t_k) = k/M, <c>int (t - (1-F)/f) dF = [t (F - 1)]</c> and <c>int (t + F/f) dF = [t F]</c>
/// over a cell (no density needed), and <c>int Lambda dt = [t Lambda] - [lambda]</c> (parts, 003 (11)).
/// Only the quantile function is evaluated (Gauss-Legendre inside cells for int t dF, int dF/t).
/// </summary>
public sealed class PlayerQuantileGrid
{
    private const int QuadratureOrder = 8;

    private PlayerQuantileGrid(int cells)
    {
        Cells = cells;
        TypeNodes = new double[cells + 1];
        WelfareRanking = new double[cells + 1];
        MoneyWeight = new double[cells + 1];
        CellMeanType = new double[cells];
        CellMeanInverseType = new double[cells];
        VirtualValueOfGood = new double[cells];
        VirtualValueOfBad = new double[cells];
        IntegralOfMoneyWeight = new double[cells];
    }

    /// <summary>Number of equal-probability cells M.</summary>
    public int Cells { get; }

    /// <summary>Probability of one cell, 1/M.</summary>
    public double CellMass => 1.0 / Cells;

    /// <summary>The law F of the player's type.</summary>
    public IValueDistribution Law { get; private init; } = null!;

    /// <summary>Multiplier of the player's welfare ranking.</summary>
    public double Weight { get; private init; }

    /// <summary>How lambda is built from F: d lambda = Weight * w(t) dF.</summary>
    public WelfareWeightDensity Density { get; private init; } = WelfareWeightDensity.Utils;

    /// <summary>t_k = F^{-1}(k/M), k = 0..M; t_0 = a, t_M = b.</summary>
    internal double[] TypeNodes { get; }

    /// <summary>lambda(t_k): the welfare ranking (003 Theorem 1) at the nodes.</summary>
    internal double[] WelfareRanking { get; }

    /// <summary>Lambda(t_k) = int_a^{t_k} (1/s) d lambda(s) (003 (11)): the welfare weight of money.</summary>
    internal double[] MoneyWeight { get; }

    /// <summary>E[t | cell] .</summary>
    internal double[] CellMeanType { get; }

    /// <summary>E[1/t | cell].</summary>
    internal double[] CellMeanInverseType { get; }

    /// <summary>int_cell (t - (1 - F)/f) dF: the buyer's virtual value mass (docs/theory.md §4 surplus).</summary>
    internal double[] VirtualValueOfGood { get; }

    /// <summary>int_cell (t + F/f) dF: the bad-taker's virtual cost mass (docs/theory.md §4 surplus).</summary>
    internal double[] VirtualValueOfBad { get; }

    /// <summary>int_cell Lambda(t) dt.</summary>
    internal double[] IntegralOfMoneyWeight { get; }

    /// <summary>a_i.</summary>
    public double Lower => TypeNodes[0];

    /// <summary>b_i.</summary>
    public double Upper => TypeNodes[Cells];

    /// <summary>Lambda_i(b_i), the player's average weight (003 (12), Theorem 2(b.ii)).</summary>
    public double TotalMoneyWeight => MoneyWeight[Cells];

    /// <summary>Builds the grid of one player.</summary>
    public static PlayerQuantileGrid Build(AuctionPlayer player, WelfareWeights weights, int cells) =>
        Build(player, WelfareWeightDensity.Of(weights), cells);

    /// <summary>
    /// Builds the grid of one player whose welfare ranking has density <paramref name="density"/>
    /// (the player's own <see cref="AuctionPlayer.Density"/> wins when set).
    /// </summary>
    public static PlayerQuantileGrid Build(AuctionPlayer player, WelfareWeightDensity density, int cells)
    {
        ArgumentNullException.ThrowIfNull(player);
        density = player.Density ?? density ?? throw new ArgumentNullException(nameof(density));
        if (cells < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(cells), cells, "need at least 2 quantile cells");
        }

        var law = AuctionTypeLaws.CheckSupport(player.Type, "type");
        if (!(player.Weight > 0) || double.IsInfinity(player.Weight))
        {
            throw new ArgumentException($"weight must be a positive number, got {player.Weight}", "weight");
        }

        density.Validate(law.Lower, law.Upper, "weights");
        var named = density.Named;
        var grid = new PlayerQuantileGrid(cells) { Law = law, Weight = player.Weight, Density = density };
        var nodes = grid.TypeNodes;
        var mass = 1.0 / cells;
        nodes[0] = law.Lower;
        nodes[cells] = law.Upper;
        for (var k = 1; k < cells; k++)
        {
            // Clamped so that a law with a slightly inexact quantile function still gives ordered nodes.
            nodes[k] = Math.Clamp(law.InverseCdf(k * mass), nodes[k - 1], law.Upper);
        }

        var rule = new GaussLegendreRule(0, 1, QuadratureOrder);
        for (var k = 0; k < cells; k++)
        {
            double meanType = 0, meanInverse = 0;
            for (var q = 0; q < QuadratureOrder; q++)
            {
                var type = Math.Clamp(law.InverseCdf((k + rule.GetAbscissa(q)) * mass), nodes[k], nodes[k + 1]);
                meanType += rule.GetWeight(q) * type;
                meanInverse += rule.GetWeight(q) / type;
            }

            grid.CellMeanType[k] = meanType;
            grid.CellMeanInverseType[k] = meanInverse;
        }

        var weight = player.Weight;
        for (var k = 0; k < cells; k++)
        {
            var (left, right) = (nodes[k], nodes[k + 1]);
            var (lowerQuantile, upperQuantile) = (k * mass, (k + 1) * mass);

            // d lambda = w dF (utils) or w t dF (money-metric); d Lambda = (1/t) d lambda (003 (11)).
            // A general density w (docs/theory.md §4): both masses by quadrature in quantile space.
            var (rankingMass, moneyWeightMass) = named switch
            {
                WelfareWeights.Utils => (weight * mass, weight * mass * grid.CellMeanInverseType[k]),
                WelfareWeights.MoneyMetric => (weight * mass * grid.CellMeanType[k], weight * mass),
                _ => DensityMasses(law, density, rule, lowerQuantile, upperQuantile, left, right, weight),
            };
            grid.WelfareRanking[k + 1] = grid.WelfareRanking[k] + rankingMass;
            grid.MoneyWeight[k + 1] = grid.MoneyWeight[k] + moneyWeightMass;

            grid.VirtualValueOfGood[k] = (right * (upperQuantile - 1)) - (left * (lowerQuantile - 1));
            grid.VirtualValueOfBad[k] = (right * upperQuantile) - (left * lowerQuantile);
            grid.IntegralOfMoneyWeight[k] =
                (right * grid.MoneyWeight[k + 1]) - (left * grid.MoneyWeight[k]) - rankingMass;
        }

        return grid;
    }

    /// <summary>
    /// (int_cell w dF, int_cell w/t dF) times the multiplier, by Gauss-Legendre in quantile space on the
    /// pieces of the cell between the density's jumps (so a piecewise-constant w is integrated exactly
    /// up to the quadrature of 1/t).
    /// </summary>
    private static (double Ranking, double Money) DensityMasses(
        IValueDistribution law, WelfareWeightDensity density, GaussLegendreRule rule,
        double lowerQuantile, double upperQuantile, double left, double right, double weight)
    {
        var cuts = new List<double> { lowerQuantile };
        foreach (var jump in density.Jumps)
        {
            if (jump > left && jump < right)
            {
                cuts.Add(Math.Clamp(law.Cdf(jump), lowerQuantile, upperQuantile));
            }
        }

        cuts.Add(upperQuantile);
        double ranking = 0, money = 0;
        for (var piece = 0; piece + 1 < cuts.Count; piece++)
        {
            var (from, width) = (cuts[piece], cuts[piece + 1] - cuts[piece]);
            for (var q = 0; q < QuadratureOrder; q++)
            {
                var type = Math.Clamp(law.InverseCdf(from + (width * rule.GetAbscissa(q))), left, right);
                var value = density.At(type);
                ranking += width * rule.GetWeight(q) * value;
                money += width * rule.GetWeight(q) * value / type;
            }
        }

        return (weight * ranking, weight * money);
    }

    /// <summary>The cell of a (reported) type; types outside [a, b] go to the end cells.</summary>
    public int CellOf(double type)
    {
        if (type <= TypeNodes[0])
        {
            return 0;
        }

        if (type >= TypeNodes[Cells])
        {
            return Cells - 1;
        }

        var index = Array.BinarySearch(TypeNodes, type);
        var cell = index >= 0 ? index : ~index - 1;
        return Math.Clamp(cell, 0, Cells - 1);
    }

    /// <summary>Lower node of a cell.</summary>
    public double CellLowerType(int cell) => TypeNodes[cell];

    /// <summary>Upper node of a cell.</summary>
    public double CellUpperType(int cell) => TypeNodes[cell + 1];

    /// <summary>d lambda / dF at type t: the multiplier times w(t) (1 for utils, t for money-metric).</summary>
    public double RankingDensity(double type) => Weight * Density.At(type);
}

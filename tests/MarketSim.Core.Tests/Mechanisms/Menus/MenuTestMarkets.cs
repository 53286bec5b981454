using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Random;
using MarketSim.Core.Tests.Theory.Solver;
using MarketSim.Core.Theory;

namespace MarketSim.Core.Tests.Mechanisms.Menus;

/// <summary>Markets and helpers for the menu tests (types drawn from keyed RandomStreams, not System.Random).</summary>
internal static class MenuTestMarkets
{
    /// <summary>docs/theory.md §1.4's uniform example: r_B ~ U[0,1], lambda_B = 1; r_S ~ U[0,1/m], lambda_S = m; mu = 1.</summary>
    public static ContinuumMarket UniformExample(double m) => SolverTestMarkets.UniformExample(m);

    /// <summary>A market with the given rates (v^K = r, v^M = 1).</summary>
    public static MarketInstance FromRates(double[] buyerRates, double[] sellerRates)
    {
        var market = new MarketInstance(buyerRates.Length, sellerRates.Length);
        market.Buyers.Place(0, buyerRates, Enumerable.Repeat(1.0, buyerRates.Length).ToArray());
        market.Sellers.Place(0, sellerRates, Enumerable.Repeat(1.0, sellerRates.Length).ToArray());
        return market;
    }

    /// <summary>Fills a market of the uniform example: v^K ~ U[0,1] on both sides, v^M = 1 (buyers), m (sellers).</summary>
    public static void DrawUniformExample(MarketInstance market, double m, ref RandomStream stream)
    {
        Fill(market.Buyers, 1.0, ref stream);
        Fill(market.Sellers, m, ref stream);
    }

    /// <summary>Total welfare over N_S (docs/theory.md §5): sum_B (x v^K - t v^M + L_B v^M) + sum_S (-x v^K + t v^M + L_S v^M).</summary>
    public static double WelfarePerSeller(MarketInstance market, MechanismOutcome outcome)
    {
        var total = 0.0;
        var buyers = market.Buyers;
        for (var i = 0; i < buyers.Count; i++)
        {
            total += outcome.BuyerTraded[i] * buyers.ValueOfGood[i]
                - outcome.BuyerPayment[i] * buyers.ValueOfMoney[i]
                + outcome.BuyerLumpSum * buyers.ValueOfMoney[i];
        }

        var sellers = market.Sellers;
        for (var i = 0; i < sellers.Count; i++)
        {
            total += -outcome.SellerTraded[i] * sellers.ValueOfGood[i]
                + outcome.SellerPayment[i] * sellers.ValueOfMoney[i]
                + outcome.SellerLumpSum * sellers.ValueOfMoney[i];
        }

        return total / sellers.Count;
    }

    public static double Sum(Span<double> values)
    {
        var total = 0.0;
        foreach (var value in values)
        {
            total += value;
        }

        return total;
    }

    /// <summary>E[min(X, Y)] for independent X ~ Bin(n, p), Y ~ Bin(n2, p2): sum_{k>=1} P(X >= k) P(Y >= k).</summary>
    public static double ExpectedMinimumOfBinomials(int n, double p, int n2, double p2)
    {
        var x = new MathNet.Numerics.Distributions.Binomial(p, n);
        var y = new MathNet.Numerics.Distributions.Binomial(p2, n2);
        var total = 0.0;
        for (var k = 1; k <= Math.Min(n, n2); k++)
        {
            total += (1 - x.CumulativeDistribution(k - 1)) * (1 - y.CumulativeDistribution(k - 1));
        }

        return total;
    }

    /// <summary>Mean and standard error of a sample.</summary>
    public static (double Mean, double StandardError) MeanAndError(IReadOnlyList<double> sample)
    {
        var mean = sample.Average();
        var variance = sample.Sum(value => (value - mean) * (value - mean)) / (sample.Count - 1);
        return (mean, Math.Sqrt(variance / sample.Count));
    }

    private static void Fill(SidePopulation side, double valueOfMoney, ref RandomStream stream)
    {
        for (var i = 0; i < side.Count; i++)
        {
            side.ValueOfGood[i] = stream.NextUniform();
            side.ValueOfMoney[i] = valueOfMoney;
        }

        side.Place(0, side.ValueOfGood, side.ValueOfMoney);
    }
}

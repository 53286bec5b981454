using MarketSim.Core.MultiObject;
using MarketSim.Core.Random;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Tests.MultiObject;

/// <summary>Parameter sets shared by the multi-object tests.</summary>
internal static class MultiObjectTestProblems
{
    /// <summary>004 Section 2 / docs/theory.md §3: vb_h = 12, vb_l = 1, vs_h = 11, vs_l = 0, q = 1/2.</summary>
    public static readonly BinaryValues ExampleBuyer = new(12, 1, 0.5);

    public static readonly BinaryValues ExampleSeller = new(11, 0, 0.5);

    /// <summary>(name, buyer, seller): the example plus asymmetric values and probabilities, one where
    /// high types' surplus covers their rent (004 Proposition 5: mu's with negative cost).</summary>
    public static readonly (string Name, BinaryValues Buyer, BinaryValues Seller)[] ParameterSets =
    [
        ("paper-example", ExampleBuyer, ExampleSeller),
        ("asymmetric-low-q-buyer", new BinaryValues(10, 3, 0.3), new BinaryValues(7, 1, 0.65)),
        ("asymmetric-high-q-buyer", new BinaryValues(5, 2, 0.8), new BinaryValues(4.5, 0.5, 0.2)),
        ("surplus-covers-rent", new BinaryValues(20, 9, 0.4), new BinaryValues(10, 0, 0.35)),
    ];

    public static MultiObjectProblem Example(int objects) => new(objects, ExampleBuyer, ExampleSeller);

    /// <summary>A random problem satisfying vb_h > vs_h > vb_l > vs_l, from a fixed test stream.</summary>
    public static MultiObjectProblem RandomProblem(string purpose, int index, int maxObjects)
    {
        var stream = new RandomStream(StreamKey.ForPurpose(20240601UL, 0, purpose, index));
        var sellerLow = 2 * stream.NextUniform();
        var buyerLow = sellerLow + 0.05 + 3 * stream.NextUniform();
        var sellerHigh = buyerLow + 0.05 + 3 * stream.NextUniform();
        var buyerHigh = sellerHigh + 0.05 + 3 * stream.NextUniform();
        var buyerGood = 0.05 + 0.9 * stream.NextUniform();
        var sellerGood = 0.05 + 0.9 * stream.NextUniform();
        var objects = 1 + stream.NextInt(maxObjects);
        return new MultiObjectProblem(
            objects, new BinaryValues(buyerHigh, buyerLow, buyerGood), new BinaryValues(sellerHigh, sellerLow, sellerGood));
    }

    public static bool[] Bits(int mask, int objects)
    {
        var bits = new bool[objects];
        for (var i = 0; i < objects; i++)
        {
            bits[i] = ((mask >> i) & 1) == 1;
        }

        return bits;
    }

    /// <summary>Probability of a type vector given by <paramref name="mask"/> (bit i = object i good).</summary>
    public static double TypeProbability(int mask, int objects, double goodProbability)
    {
        var probability = 1.0;
        for (var i = 0; i < objects; i++)
        {
            probability *= ((mask >> i) & 1) == 1 ? goodProbability : 1 - goodProbability;
        }

        return probability;
    }
}

using System.Runtime.CompilerServices;

namespace MarketSim.Core.Random;

/// <summary>
/// Philox4x32-10, the counter-based generator of Salmon et al. (SC'11, "Parallel random numbers:
/// as easy as 1, 2, 3"). A pure function of (key, counter): agent i of side j in replication k
/// gets the same draws whatever thread, actor or machine computes them (docs/theory.md §6).
/// </summary>
public static class Philox4x32
{
    private const uint Multiplier0 = 0xD2511F53;
    private const uint Multiplier1 = 0xCD9E8D57;
    private const uint Weyl0 = 0x9E3779B9;
    private const uint Weyl1 = 0xBB67AE85;

    /// <summary>Ten rounds of Philox on a 128-bit counter under a 64-bit key.</summary>
    public static (uint, uint, uint, uint) Generate(uint key0, uint key1, uint counter0, uint counter1, uint counter2, uint counter3)
    {
        for (var round = 0; round < 10; round++)
        {
            if (round > 0)
            {
                key0 += Weyl0;
                key1 += Weyl1;
            }

            var product0 = (ulong)Multiplier0 * counter0;
            var product1 = (ulong)Multiplier1 * counter2;
            var next0 = (uint)(product1 >> 32) ^ counter1 ^ key0;
            var next1 = (uint)product1;
            var next2 = (uint)(product0 >> 32) ^ counter3 ^ key1;
            var next3 = (uint)product0;
            counter0 = next0;
            counter1 = next1;
            counter2 = next2;
            counter3 = next3;
        }

        return (counter0, counter1, counter2, counter3);
    }

    /// <summary>
    /// A double strictly inside (0, 1) from 52 random bits: (k + 1/2) / 2^52, exactly representable,
    /// so that inverse CDFs never see 0 or 1. (With 53 bits the top value (2^53 - 1/2) / 2^53 rounds
    /// to 1.0.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToOpenUnitInterval(uint high, uint low)
    {
        var bits = ((ulong)(high >> 6) << 26) | (low >> 6);
        return (bits + 0.5) * (1.0 / 4503599627370496.0);
    }
}

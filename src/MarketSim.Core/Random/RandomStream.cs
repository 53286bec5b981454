namespace MarketSim.Core.Random;

/// <summary>
/// A sequential stream of uniforms in (0, 1) drawn from Philox blocks under one <see cref="StreamKey"/>.
/// A mutable struct so that drawing allocates nothing; pass it by ref.
/// Each Philox block yields two doubles; block b of a stream is a pure function of its key.
/// </summary>
public struct RandomStream
{
    private readonly uint key0;
    private readonly uint key1;
    private readonly uint replication;
    private readonly uint domain;
    private readonly uint index;
    private uint block;
    private double spare;
    private bool hasSpare;

    public RandomStream(StreamKey key)
    {
        key0 = (uint)key.Seed;
        key1 = (uint)(key.Seed >> 32);
        replication = (uint)key.Replication;
        domain = key.Domain;
        index = (uint)key.Index;
        block = 0;
        spare = 0;
        hasSpare = false;
    }

    /// <summary>The next uniform in the open interval (0, 1).</summary>
    public double NextUniform()
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spare;
        }

        var (a, b, c, d) = Philox4x32.Generate(key0, key1, replication, domain, index, block++);
        spare = Philox4x32.ToOpenUnitInterval(c, d);
        hasSpare = true;
        return Philox4x32.ToOpenUnitInterval(a, b);
    }

    /// <summary>The first two uniforms of a stream, without the struct: an agent's type draw.</summary>
    public static (double First, double Second) FirstPair(StreamKey key)
    {
        var (a, b, c, d) = Philox4x32.Generate(
            (uint)key.Seed, (uint)(key.Seed >> 32), (uint)key.Replication, key.Domain, (uint)key.Index, 0);
        return (Philox4x32.ToOpenUnitInterval(a, b), Philox4x32.ToOpenUnitInterval(c, d));
    }

    /// <summary>Bernoulli(probability) draw.</summary>
    public bool NextBernoulli(double probability) => NextUniform() < probability;

    /// <summary>A uniform integer in [0, exclusiveUpper): floor(u n) of a 53-bit uniform.</summary>
    public int NextInt(int exclusiveUpper) =>
        Math.Min(exclusiveUpper - 1, (int)(NextUniform() * exclusiveUpper));
}

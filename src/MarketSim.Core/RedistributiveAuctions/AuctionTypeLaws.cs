using MarketSim.Core.Distributions;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.RedistributiveAuctions;

/// <summary>Builds and checks the players' type laws of a <see cref="RedistributiveAuctionSpec"/>.</summary>
public static class AuctionTypeLaws
{
    /// <summary>
    /// The law of every player's type, built by <see cref="DistributionFactory"/>. Throws <see cref="ArgumentException"/> naming
    /// <c>players[i].type</c> unless 0 &lt; a_i &lt; b_i &lt; infinity (003 Section 2.1).
    /// </summary>
    public static IReadOnlyList<AuctionPlayer> Create(RedistributiveAuctionSpec spec)
    {
        spec.Validate();
        var players = new AuctionPlayer[spec.Players.Count];
        for (var i = 0; i < players.Length; i++)
        {
            var field = $"players[{i}].type";
            IValueDistribution law;
            try
            {
                law = DistributionFactory.Create(spec.Players[i].Type);
            }
            catch (ArgumentException exception)
            {
                throw new ArgumentException(exception.Message, field, exception);
            }

            CheckSupport(law, field);
            var own = spec.Players[i].Weights;
            (own ?? spec.EffectiveDensity).Validate(law.Lower, law.Upper, own is null ? "weights" : $"players[{i}].weights");
            players[i] = new AuctionPlayer(law, spec.Players[i].Weight) { Density = own };
        }

        return players;
    }

    /// <summary>The law itself if its support is [a, b] with 0 &lt; a &lt; b &lt; infinity.</summary>
    public static IValueDistribution CheckSupport(IValueDistribution law, string field)
    {
        if (law.IsDegenerate || !(law.Lower > 0) || !(law.Upper > law.Lower) || double.IsInfinity(law.Upper))
        {
            throw new ArgumentException(
                $"type support must be [a, b] with 0 < a < b < infinity, got [{law.Lower}, {law.Upper}]", field);
        }

        return law;
    }
}

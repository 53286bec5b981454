using MarketSim.Core.Agents;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;

namespace MarketSim.Core.Mechanisms;

/// <summary>
/// Who receives the lump sum and how much (docs/theory.md §1.2, §2). <see cref="LumpSumPolicy.Realized"/>:
/// the realised revenue split equally among all agents of <see cref="Recipient"/> (budget balance
/// in every round). <see cref="LumpSumPolicy.Promised"/>: every agent of the recipient side gets
/// <see cref="PromisedPerAgent"/>, the continuum lump sum (per seller R, per buyer R / mu with R the
/// continuum revenue per unit mass of sellers); the finite budget surplus may then be negative.
/// </summary>
public sealed record LumpSumRule
{
    public LumpSumRule(LumpSumPolicy policy, Side recipient, double promisedPerAgent)
    {
        if (!double.IsFinite(promisedPerAgent))
        {
            throw new ArgumentException($"the promised lump sum must be finite, found {promisedPerAgent}", nameof(promisedPerAgent));
        }

        Policy = policy;
        Recipient = recipient;
        PromisedPerAgent = promisedPerAgent;
    }

    public LumpSumPolicy Policy { get; }

    public Side Recipient { get; }

    /// <summary>The continuum lump sum per agent of the recipient side (paid as such under Promised; recorded under both).</summary>
    public double PromisedPerAgent { get; }

    /// <summary>
    /// Auto = the side with the larger average weight Lambda_j = E[v^M] (the poorer side, docs/theory.md §1.2);
    /// on a tie (Lambda_B = Lambda_S, where any split is optimal, docs/theory.md §1.3) the sellers.
    /// </summary>
    public static Side RecipientOf(LumpSumRecipient recipient, ContinuumMarket market) => recipient switch
    {
        LumpSumRecipient.Buyers => Side.Buyers,
        LumpSumRecipient.Sellers => Side.Sellers,
        _ => market.Buyers.MeanParetoWeight > market.Sellers.MeanParetoWeight ? Side.Buyers : Side.Sellers,
    };

    /// <summary>The lump sum per agent of the recipient side for a finite market with the given realised revenue.</summary>
    public double PerAgent(MarketInstance market, double revenue)
    {
        if (Policy == LumpSumPolicy.Promised)
        {
            return PromisedPerAgent;
        }

        var agents = market[Recipient].Count;
        return agents > 0 ? revenue / agents : 0.0;
    }

    /// <summary>Pays the lump sum into the outcome.</summary>
    public void Pay(MarketInstance market, double revenue, MechanismOutcome outcome)
    {
        var perAgent = PerAgent(market, revenue);
        if (Recipient == Side.Buyers)
        {
            outcome.BuyerLumpSum = perAgent;
        }
        else
        {
            outcome.SellerLumpSum = perAgent;
        }
    }
}

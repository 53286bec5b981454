using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Metrics;
using MarketSim.Core.Random;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Stress.Entry;

/// <summary>
/// "No Free Lunch" (000 Section 6): a mechanism that pays a lump sum to every agent of a side,
/// trader or not, invites entrants who come only for the lump sum. The designer announces the
/// mechanism (menus and the continuum lump sum per agent) and keeps the announcement (policy
/// promised, <see cref="StressScenario"/>). Round 0 clears the scenario's market (replication 0's
/// draws). In round t the next batch of potential entrants of each side arrives (types from the
/// scenario's laws, each from its own stream keyed (seed, "entrant:{side}", index), docs/theory.md §6) and
/// each enters iff its expected utility exceeds the entry cost: the option it would choose, valued
/// with the trade probability realised in round t - 1 (promises as actually kept; a price for CE:
/// the last clearing price), plus the lump sum of its side. Entry is irreversible; declining
/// entrants leave. Rounds stop when a round brings no entrant, the pool is exhausted, or at the cap.
/// </summary>
public static class EntryDynamics
{
    public static IReadOnlyList<EntryRound> Run(MarketModel model, EntrySpec entry)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(entry);
        var initial = new MarketInstance(model.BuyerCount, model.SellerCount);
        ReplicationRunner.DrawMarket(model, 0, initial);
        var buyerPool = entry.Side is EntrySide.Both or EntrySide.Buyers
            ? MarketInstance.BuyerCount(entry.Pool, model.Scenario.Market!.BuyersPerSeller) : 0;
        var sellerPool = entry.Side is EntrySide.Both or EntrySide.Sellers ? entry.Pool : 0;
        var pools = new[] { DrawPool(model, Side.Buyers, buyerPool), DrawPool(model, Side.Sellers, sellerPool) };
        var rounds = new List<EntryRound>();
        foreach (var mechanism in model.Mechanisms)
        {
            rounds.AddRange(RunMechanism(model, mechanism, entry, initial, pools));
        }

        return rounds;
    }

    private static SidePopulation DrawPool(MarketModel model, Side side, int count)
    {
        var pool = new SidePopulation(side, count);
        var law = model.LawOf(side);
        var good = new double[count];
        var money = new double[count];
        for (var i = 0; i < count; i++)
        {
            var (first, second) = RandomStream.FirstPair(StreamKey.ForPurpose(model.Seed, 0, "entrant:" + side, i));
            (good[i], money[i]) = law.Draw(first, second);
        }

        pool.Place(0, good, money);
        return pool;
    }

    private static List<EntryRound> RunMechanism(
        MarketModel model, ITwoSidedMechanism mechanism, EntrySpec entry, MarketInstance initial, SidePopulation[] pools)
    {
        var sides = new[] { Side.Buyers, Side.Sellers };
        var members = sides.Select(side => new SideMembers(initial[side])).ToArray();
        var expectations = sides.Select(side => new Expectation(mechanism, side, model)).ToArray();
        var initialSellers = (double)model.SellerCount;
        var outcome = new MechanismOutcome();
        var entryCost = 0.0;
        var nextArrival = new int[2];
        var rounds = new List<EntryRound>();
        for (var round = 0; round <= entry.Rounds; round++)
        {
            var entrants = new int[2];
            if (round > 0)
            {
                for (var s = 0; s < 2; s++)
                {
                    var pool = pools[s];
                    var end = Math.Min(pool.Count, nextArrival[s] + entry.ArrivalsPerRound);
                    for (var i = nextArrival[s]; i < end; i++)
                    {
                        if (expectations[s].Utility(pool.RateOfSubstitution[i]) > entry.Cost)
                        {
                            members[s].Add(pool.ValueOfGood[i], pool.ValueOfMoney[i]);
                            entryCost += entry.Cost * pool.ValueOfMoney[i];
                            entrants[s]++;
                        }
                    }

                    nextArrival[s] = end;
                }
            }

            var market = new MarketInstance(members[0].Count, members[1].Count);
            members[0].PlaceInto(market.Buyers);
            members[1].PlaceInto(market.Sellers);
            outcome.Reset(market.Buyers.Count, market.Sellers.Count);
            var lottery = new RandomStream(StreamKey.ForPurpose(model.Seed, round, "entry-lottery:" + mechanism.Name));
            mechanism.Clear(market, ref lottery, outcome);

            double revenue = 0;
            foreach (var payment in outcome.BuyerPayment)
            {
                revenue += payment;
            }

            foreach (var payment in outcome.SellerPayment)
            {
                revenue -= payment;
            }

            var lumpSums = (market.Buyers.Count * outcome.BuyerLumpSum) + (market.Sellers.Count * outcome.SellerLumpSum);
            var nonTrading = CountIdle(outcome.BuyerTraded, initial.Buyers.Count) + CountIdle(outcome.SellerTraded, initial.Sellers.Count);
            rounds.Add(new EntryRound(
                mechanism.Name,
                round,
                market.Buyers.Count,
                market.Sellers.Count,
                entrants[0],
                entrants[1],
                nonTrading,
                lumpSums / initialSellers,
                revenue / initialSellers,
                (revenue - lumpSums) / initialSellers,
                (OutcomeMetrics.TotalWelfare(market, outcome) - entryCost) / initialSellers));
            if (round > 0 && (entrants[0] + entrants[1] == 0 || (nextArrival[0] >= pools[0].Count && nextArrival[1] >= pools[1].Count)))
            {
                break;
            }

            expectations[0].Learn(market.Buyers, outcome.BuyerTraded, outcome.BuyerPayment);
            expectations[1].Learn(market.Sellers, outcome.SellerTraded, outcome.SellerPayment);
        }

        return rounds;
    }

    private static int CountIdle(ReadOnlySpan<double> traded, int incumbents)
    {
        var idle = 0;
        for (var i = incumbents; i < traded.Length; i++)
        {
            idle += traded[i] == 0 ? 1 : 0;
        }

        return idle;
    }

    /// <summary>The agents of one side so far (incumbents first, then entrants in order of entry).</summary>
    private sealed class SideMembers
    {
        private readonly List<double> good;
        private readonly List<double> money;

        public SideMembers(SidePopulation incumbents)
        {
            good = [.. incumbents.ValueOfGood];
            money = [.. incumbents.ValueOfMoney];
        }

        public int Count => good.Count;

        public void Add(double valueOfGood, double valueOfMoney)
        {
            good.Add(valueOfGood);
            money.Add(valueOfMoney);
        }

        public void PlaceInto(SidePopulation population) =>
            population.Place(0, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(good), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(money));
    }

    /// <summary>
    /// What a potential entrant of one side expects: for a menu, its chosen option's price with the
    /// probability realised last round, plus the side's promised lump sum; for CE, trading surely at
    /// last round's clearing price (first: the continuum p_CE).
    /// </summary>
    private sealed class Expectation
    {
        private readonly Side side;
        private readonly Menu? menu;
        private readonly double lumpSum;
        private readonly double[] probability;
        private double price;

        public Expectation(ITwoSidedMechanism mechanism, Side side, MarketModel model)
        {
            this.side = side;
            if (mechanism is MenuMechanism menuMechanism)
            {
                menu = side == Side.Buyers ? menuMechanism.Buyers : menuMechanism.Sellers;
                lumpSum = menuMechanism.LumpSum.Recipient == side && menuMechanism.LumpSum.Policy == LumpSumPolicy.Promised
                    ? menuMechanism.LumpSum.PromisedPerAgent : 0.0;
                probability = menu.Options.Select(option => option.Probability).ToArray();
            }
            else
            {
                probability = [1.0];
                price = mechanism.ContinuumValues(model.Continuum).TryGetValue("price", out var continuumPrice) ? continuumPrice : 0.0;
            }
        }

        /// <summary>Expected money-metric utility of an entrant of rate r (docs/theory.md §1.1), lump sum included.</summary>
        public double Utility(double rate)
        {
            if (menu is null)
            {
                return Math.Max(0.0, side == Side.Buyers ? rate - price : price - rate);
            }

            var option = menu.Choose(rate);
            if (option == MenuChoice.NoTrade)
            {
                return lumpSum;
            }

            var gain = side == Side.Buyers ? rate - menu.Price(option) : menu.Price(option) - rate;
            return (probability[option] * gain) + lumpSum;
        }

        /// <summary>Updates the trade probabilities (menus) or the price (CE) from a cleared round.</summary>
        public void Learn(SidePopulation population, ReadOnlySpan<double> traded, ReadOnlySpan<double> payment)
        {
            if (menu is null)
            {
                double paid = 0, trades = 0;
                for (var i = 0; i < traded.Length; i++)
                {
                    paid += payment[i];
                    trades += traded[i];
                }

                price = trades > 0 ? paid / trades : price;
                return;
            }

            Span<int> choosers = stackalloc int[menu.Count];
            Span<int> trading = stackalloc int[menu.Count];
            for (var i = 0; i < population.Count; i++)
            {
                var option = menu.Choose(population.RateOfSubstitution[i]);
                if (option != MenuChoice.NoTrade)
                {
                    choosers[option]++;
                    trading[option] += traded[i] > 0 ? 1 : 0;
                }
            }

            for (var k = 0; k < menu.Count; k++)
            {
                if (choosers[k] > 0)
                {
                    probability[k] = (double)trading[k] / choosers[k];
                }
            }
        }
    }
}

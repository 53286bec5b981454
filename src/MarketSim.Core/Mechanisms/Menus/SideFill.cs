using MarketSim.Core.Random;

namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// One side of the menu fill rule (docs/theory.md §2): who chose what, how many trades the side's choices
/// promise (rounded stochastically), and which agents fill the side's slots once the volume is known.
/// Buffers are reused from replication to replication (no allocation per agent).
/// </summary>
public sealed class SideFill
{
    private readonly int[] choosers = new int[Menu.MaximumOptions];
    private readonly int[] traded = new int[Menu.MaximumOptions];
    private readonly int[] rationed = new int[Menu.MaximumOptions];
    private readonly int[] groupStart = new int[Menu.MaximumOptions];
    private readonly int[] cursor = new int[Menu.MaximumOptions];
    private readonly int[] lotterySlots = new int[Menu.MaximumOptions];
    private int[] choice = [];
    private int[] members = [];
    private int[] winners = [];
    private Menu? menu;

    /// <summary>Agents on this side.</summary>
    public int Agents { get; private set; }

    /// <summary>Agents who chose a sure option (probability 1).</summary>
    public int SureAgents { get; private set; }

    /// <summary>Expected trades of the side's choices: sure choosers count 1, lottery choosers their probability.</summary>
    public double ExpectedTrades { get; private set; }

    /// <summary>k_j: the expected trades rounded stochastically (SureAgents + lottery winners).</summary>
    public int Slots { get; private set; }

    /// <summary>The option agent i chose (<see cref="MenuChoice.NoTrade"/> for none).</summary>
    public int ChoiceOf(int agent) => choice[agent];

    public int Choosers(int option) => choosers[option];

    public int Traded(int option) => traded[option];

    /// <summary>
    /// Choosers of the option whose promised trade (a sure option, or a won lottery slot) was cut
    /// because this side was long: for sure options, the broken promises of docs/theory.md §2.
    /// </summary>
    public int Rationed(int option) => rationed[option];

    /// <summary>Step 1: every agent picks its option; agents are grouped by option, sure options first.</summary>
    internal void Choose(Menu sideMenu, ReadOnlySpan<double> rates)
    {
        menu = sideMenu;
        Agents = rates.Length;
        if (choice.Length < rates.Length)
        {
            choice = new int[rates.Length];
            members = new int[rates.Length];
            winners = new int[rates.Length];
        }

        Array.Clear(choosers);
        for (var i = 0; i < rates.Length; i++)
        {
            var option = sideMenu.Choose(rates[i]);
            choice[i] = option;
            if (option != MenuChoice.NoTrade)
            {
                choosers[option]++;
            }
        }

        // Sure groups first, so that members[0 .. SureAgents) are all the sure choosers.
        var offset = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var option = 0; option < sideMenu.Count; option++)
            {
                if (sideMenu.IsSure(option) == (pass == 0))
                {
                    groupStart[option] = offset;
                    offset += choosers[option];
                }
            }

            if (pass == 0)
            {
                SureAgents = offset;
            }
        }

        groupStart.CopyTo(cursor, 0);
        for (var i = 0; i < rates.Length; i++)
        {
            var option = choice[i];
            if (option != MenuChoice.NoTrade)
            {
                members[cursor[option]++] = i;
            }
        }
    }

    /// <summary>
    /// Step 2: k_j = sure choosers + the lottery choosers' expected trades rounded stochastically
    /// with ONE uniform u (systematic rounding): lottery option o gets
    /// m_o = floor(C_o + u) - floor(C_{o-1} + u) slots, C_o the cumulative expected trades of the
    /// lottery options in menu order. So the total is floor(E + u) = floor(E) + Bernoulli(frac(E))
    /// and each option gets floor or ceil of n_o x_o slots with mean exactly n_o x_o: a chooser
    /// of an unrationed lottery option trades with exactly its promised probability.
    /// </summary>
    internal void RoundSlots(ref RandomStream lottery)
    {
        var sideMenu = menu!;
        var uniform = lottery.NextUniform();
        var cumulative = 0.0;
        var previous = 0;
        var winnersTotal = 0;
        Array.Clear(lotterySlots);
        for (var option = 0; option < sideMenu.Count; option++)
        {
            if (sideMenu.IsSure(option))
            {
                continue;
            }

            cumulative += choosers[option] * sideMenu.Probability(option);
            var floor = (int)Math.Floor(cumulative + uniform);
            lotterySlots[option] = Math.Clamp(floor - previous, 0, choosers[option]);
            previous = floor;
            winnersTotal += lotterySlots[option];
        }

        ExpectedTrades = SureAgents + cumulative;
        Slots = SureAgents + winnersTotal;
    }

    /// <summary>
    /// Step 3: fill <paramref name="volume"/> &lt;= Slots trades. Sure choosers first; if they
    /// outnumber the volume, a uniform random subset of them trades (broken promises). Otherwise
    /// every lottery option draws its m_o winners uniformly among its choosers (menu order), and if
    /// the side is long a uniform random subset of all winners keeps the remaining slots.
    /// Draws: partial Fisher-Yates, one <see cref="RandomStream.NextInt"/> per selected agent,
    /// none when a whole group is selected.
    /// </summary>
    internal void Fill(int volume, ref RandomStream lottery, Span<double> tradedFlags, Span<double> payments)
    {
        var sideMenu = menu!;
        Array.Clear(traded);
        Array.Clear(rationed);
        if (volume < SureAgents)
        {
            var selected = members.AsSpan(0, SureAgents);
            ChooseUniformSubset(selected, volume, ref lottery);
            Mark(selected[..volume], tradedFlags, payments);
            for (var option = 0; option < sideMenu.Count; option++)
            {
                rationed[option] = sideMenu.IsSure(option) ? choosers[option] - traded[option] : lotterySlots[option];
            }

            return;
        }

        Mark(members.AsSpan(0, SureAgents), tradedFlags, payments);
        var lotteryWinners = Slots - SureAgents;
        var remaining = volume - SureAgents;
        for (var option = 0; option < sideMenu.Count; option++)
        {
            if (!sideMenu.IsSure(option))
            {
                ChooseUniformSubset(members.AsSpan(groupStart[option], choosers[option]), lotterySlots[option], ref lottery);
            }
        }

        if (remaining >= lotteryWinners)
        {
            for (var option = 0; option < sideMenu.Count; option++)
            {
                if (!sideMenu.IsSure(option))
                {
                    Mark(members.AsSpan(groupStart[option], lotterySlots[option]), tradedFlags, payments);
                }
            }
        }
        else
        {
            // The side is long: the scarce slots go to a uniform subset of the lottery winners,
            // so every lottery option's realised probability is scaled by the same factor.
            var count = 0;
            for (var option = 0; option < sideMenu.Count; option++)
            {
                if (!sideMenu.IsSure(option))
                {
                    members.AsSpan(groupStart[option], lotterySlots[option]).CopyTo(winners.AsSpan(count));
                    count += lotterySlots[option];
                }
            }

            var selected = winners.AsSpan(0, count);
            ChooseUniformSubset(selected, remaining, ref lottery);
            Mark(selected[..remaining], tradedFlags, payments);
        }

        for (var option = 0; option < sideMenu.Count; option++)
        {
            if (!sideMenu.IsSure(option))
            {
                rationed[option] = lotterySlots[option] - traded[option];
            }
        }
    }

    /// <summary>Moves a uniform random subset of size <paramref name="take"/> to the front (partial Fisher-Yates).</summary>
    private static void ChooseUniformSubset(Span<int> items, int take, ref RandomStream lottery)
    {
        if (take >= items.Length)
        {
            return;
        }

        for (var i = 0; i < take; i++)
        {
            var j = i + lottery.NextInt(items.Length - i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private void Mark(ReadOnlySpan<int> agents, Span<double> tradedFlags, Span<double> payments)
    {
        var sideMenu = menu!;
        foreach (var agent in agents)
        {
            var option = choice[agent];
            tradedFlags[agent] = 1;
            payments[agent] = sideMenu.Price(option);
            traded[option]++;
        }
    }
}

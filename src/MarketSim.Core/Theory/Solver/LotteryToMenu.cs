using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Theory.Solver;

/// <summary>
/// docs/theory.md §1.3 "Lottery to menu": atoms q^1 &lt; ... &lt; q^n with weights nu^k and cut-offs r^k become options
/// k with probability x_k = sum_{i>=k} nu^i and price per trade sum_{i>=k} nu^i r^i / x_k.
/// Sellers: r^k = G_S^{-1}(q^k), option k is chosen by rates in (r^{k-1}, r^k];
/// buyers: r^k = G_B^{-1}(1 - q^k), option k chosen by rates in [r^k, r^{k-1}).
/// An atom at q = 0 is chosen by no one (a single extreme rate) and gives no option.
/// Options are listed from the highest probability down.
/// </summary>
public static class LotteryToMenu
{
    public static IReadOnlyList<MenuOption> Convert(IReadOnlyList<QuantityLotteryPoint> lottery)
    {
        var atoms = lottery.OrderBy(p => p.Quantity).ToArray();
        var menu = new List<MenuOption>(atoms.Length);
        double probability = 0.0, payment = 0.0;
        // Accumulate from the top atom down: x_k and the expected payment sum_{i>=k} nu^i r^i.
        for (int k = atoms.Length - 1; k >= 0; k--)
        {
            if (atoms[k].Quantity <= 0.0 || atoms[k].Weight <= 0.0) continue;
            probability += atoms[k].Weight;
            payment += atoms[k].Weight * atoms[k].CutoffRate;
            menu.Add(new MenuOption(payment / probability, Math.Min(probability, 1.0)));
        }
        menu.Reverse();
        return menu;
    }
}

using MarketSim.Core.Agents;
using MarketSim.Core.Scenarios;

namespace MarketSim.Core.Mechanisms.Menus;

/// <summary>
/// One side's menu (docs/theory.md §1.2): 1 to 3 options (price per trade, probability of trade), validated
/// once. Options keep the order they were given in; the ledger numbers them 1, 2, 3 in that order.
/// </summary>
public sealed class Menu
{
    /// <summary>At most 3 options per side (001, corrected Theorem 1).</summary>
    public const int MaximumOptions = 3;

    private readonly double[] prices;
    private readonly double[] probabilities;

    /// <param name="side">The side that chooses from this menu (buyers pay, sellers receive).</param>
    /// <param name="options">1 to 3 options, finite prices, probabilities in (0, 1].</param>
    public Menu(Side side, IReadOnlyList<MenuOption> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sideName = side == Side.Buyers ? "buyers" : "sellers";
        if (options.Count is 0 or > MaximumOptions)
        {
            throw new ArgumentException(
                $"the {sideName}' menu needs 1 to {MaximumOptions} options (docs/theory.md §1.2), found {options.Count}", nameof(options));
        }

        prices = new double[options.Count];
        probabilities = new double[options.Count];
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i] ?? throw new ArgumentException($"the {sideName}' option {i + 1} is null", nameof(options));
            if (!double.IsFinite(option.Price))
            {
                throw new ArgumentException($"the {sideName}' option {i + 1} has a non-finite price {option.Price}", nameof(options));
            }

            if (!(option.Probability > 0 && option.Probability <= 1))
            {
                throw new ArgumentException(
                    $"the {sideName}' option {i + 1} has probability {option.Probability}, outside (0, 1]", nameof(options));
            }

            prices[i] = option.Price;
            probabilities[i] = option.Probability;
        }

        Side = side;
        Options = options.ToArray();
    }

    public Side Side { get; }

    public IReadOnlyList<MenuOption> Options { get; }

    public int Count => prices.Length;

    public double Price(int option) => prices[option];

    public double Probability(int option) => probabilities[option];

    /// <summary>A sure option trades with probability exactly 1; the fill rule serves it first (docs/theory.md §2).</summary>
    public bool IsSure(int option) => probabilities[option] == 1.0;

    /// <summary>Expected utility of an option in money of the agent's own rate: buyer x (r - p), seller x (p - r).</summary>
    public double Utility(int option, double rate) =>
        Side == Side.Buyers
            ? probabilities[option] * (rate - prices[option])
            : probabilities[option] * (prices[option] - rate);

    /// <summary>The option an agent of rate <paramref name="rate"/> picks; see <see cref="MenuChoice"/>.</summary>
    public int Choose(double rate) => MenuChoice.Choose(this, rate);
}

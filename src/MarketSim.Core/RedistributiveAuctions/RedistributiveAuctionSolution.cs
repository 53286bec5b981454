using MarketSim.Core.Mechanisms;

namespace MarketSim.Core.RedistributiveAuctions;

/// <summary>
/// The continuum theory of a redistributive auction (docs/theory.md §4): what <c>solve</c> prints, as
/// <c>{ name, multiplier, surplus, welfare, lumpSums, players: [ { poolUpTo, badBelow, goodAbove, reserve } ] }</c>
/// in <c>solve --json</c> (formatted by the command line).
/// </summary>
/// <param name="Name">The mechanism's label.</param>
/// <param name="Multiplier">nu, the multiplier of the budget constraint (docs/theory.md §4).</param>
/// <param name="Surplus">S, the expected surplus rebated as lump sums (0 when the budget binds).</param>
/// <param name="Welfare">The objective sum_i int U_i d lambda_i (003 (10)).</param>
/// <param name="LumpSums">L_i per player (nonzero only for I*).</param>
/// <param name="Players">Type thresholds per player.</param>
public sealed record RedistributiveAuctionSolution(
    string Name,
    double Multiplier,
    double Surplus,
    double Welfare,
    IReadOnlyList<double> LumpSums,
    IReadOnlyList<AuctionPlayerThresholds> Players)
    : MechanismSolution(Name);

using MarketSim.Core.Agents;

namespace MarketSim.Core.Scenarios;

/// <summary>
/// <c>oneSided: { side: sellers | buyers, quantity: Q, revenue: R }</c>: the one-sided problem of 001
/// Section 3 / 002's slides on the scenario's law of that side (docs/theory.md §1.6): buy (sellers) or
/// allocate (buyers) Q spending at most / raising at least R (see <c>OneSided.OneSidedProblem</c>).
/// </summary>
public sealed record OneSidedSpec(Side Side, double Quantity, double Revenue);

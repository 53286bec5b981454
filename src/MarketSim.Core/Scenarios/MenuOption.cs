namespace MarketSim.Core.Scenarios;

/// <summary>One menu option: trade with <c>Probability</c>, paying/receiving <c>Price</c> per trade (docs/theory.md §1.2).</summary>
/// <remarks>
/// A value of the menus (Mechanisms/Menus) and of the solver (Theory/Solver) that the scenario records
/// also name: it lives in Scenarios, the layer below both, so that neither reaches the other through it
/// (docs/architecture.md, "Layers").
/// </remarks>
public sealed record MenuOption(double Price, double Probability);

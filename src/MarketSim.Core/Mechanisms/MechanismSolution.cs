namespace MarketSim.Core.Mechanisms;

/// <summary>
/// The continuum theory of one mechanism of a scenario, as <see cref="Solutions.ScenarioTheory"/> returns it:
/// a two-sided mechanism's welfare, volume, revenue and menus (docs/theory.md §1.3), a multi-object
/// threshold mechanism (§3) or a redistributive auction (§4). Plain values: formatting (tables, JSON,
/// sweep rows) is the command line's job.
/// </summary>
/// <param name="Name">The mechanism's label in the scenario.</param>
public abstract record MechanismSolution(string Name);

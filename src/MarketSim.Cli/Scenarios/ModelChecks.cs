using System.Globalization;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;

namespace MarketSim.Cli.Scenarios;

/// <summary>
/// Builds a scenario's model (which solves the continuum) and checks that what it derives is finite
/// (docs/theory.md §1.1: rates, prices, payments and welfare of the continuum economy): a value that
/// overflows is invalid input naming the mechanism, never a summary full of Infinity.
/// </summary>
internal static class ModelChecks
{
    public static MarketModel Build(LoadedScenario loaded, Scenario scenario)
    {
        MarketModel model;
        try
        {
            model = new MarketModel(scenario);
        }
        catch (ArgumentException exception)
        {
            // Core's specs name the offending field in ParamName (e.g. objects, buyer.high).
            var reason = exception.Message.Split(" (Parameter", 2)[0];
            throw new InvalidInputException(loaded.File, exception.ParamName ?? "mechanisms", reason);
        }

        // behaviour: equilibrium (docs/theory.md §2.4): a run is never made with an equilibrium the solver
        // did not find (corners where high types pool on the other side's extreme report are not handled).
        foreach (var (mechanism, equilibrium) in model.Equilibria)
        {
            if (!equilibrium.Converged)
            {
                var field = scenario.BuyerBehaviour == TraderBehaviour.Equilibrium ? "buyers.behaviour" : "sellers.behaviour";
                throw new InvalidInputException(
                    loaded.File,
                    field,
                    $"the equilibrium of the finite CE '{mechanism}' was not found at this market size (first-order residual {equilibrium.Residual.ToString("G3", CultureInfo.InvariantCulture)}, largest deviation gain {equilibrium.MaximumGain.ToString("G3", CultureInfo.InvariantCulture)}); docs/finite-markets.md lists where the solver converges");
            }
        }

        var mechanisms = scenario.Mechanisms;
        for (var index = 0; index < mechanisms.Count; index++)
        {
            foreach (var (metric, value) in model.ContinuumValuesOf(mechanisms[index].Label))
            {
                if (double.IsInfinity(value))
                {
                    throw new InvalidInputException(
                        loaded.File,
                        $"mechanisms[{index}]",
                        $"the continuum {metric} of '{mechanisms[index].Label}' is {value.ToString(CultureInfo.InvariantCulture)} for these supports: the numbers are too large or the laws too heavy-tailed to compute with");
                }
            }
        }

        return model;
    }
}

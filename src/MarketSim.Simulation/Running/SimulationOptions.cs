namespace MarketSim.Simulation.Running;

/// <summary>
/// How to run replications with actors. <c>Workers</c> is the number of lanes (replications in
/// flight at once). <c>CohortSize</c> is the number of agents one trader actor stands for; null picks
/// it automatically (<see cref="CohortPlan.AutomaticSize"/>). Neither changes any result (SPEC 6).
/// </summary>
public sealed record SimulationOptions(int Replications, int Workers, int? CohortSize = null)
{
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Replications, nameof(Replications));
        ArgumentOutOfRangeException.ThrowIfLessThan(Workers, 1, nameof(Workers));
        if (CohortSize is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(CohortSize));
        }
    }
}

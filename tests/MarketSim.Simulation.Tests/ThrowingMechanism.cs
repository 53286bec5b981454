using MarketSim.Core.Agents;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Random;
using MarketSim.Core.Theory;

namespace MarketSim.Simulation.Tests;

/// <summary>A mechanism that fails when cleared: exercises the failure path of the actor shell.</summary>
internal sealed class ThrowingMechanism : ITwoSidedMechanism
{
    public string Name => "throwing";

    public void Clear(MarketInstance market, ref RandomStream lottery, MechanismOutcome outcome) =>
        throw new ArithmeticException("the throwing mechanism failed to clear");

    public IReadOnlyDictionary<string, double> ContinuumValues(ContinuumMarket market) => new Dictionary<string, double>();
}

namespace MarketSim.Simulation.Messages;

// The work-pulling protocol between the coordinator and the workers' slots (docs/cluster.md).
// Every message crosses the wire, so it holds only strings, integers and arrays of them.

/// <summary>Worker node -> coordinator (retried until answered): I am here, this build, for this scenario.</summary>
public sealed record RegisterWorker(int Slots, string ToolVersion, string ScenarioSha256);

/// <summary>Coordinator -> worker node: admitted; the run to rebuild; then the worker starts its slots.</summary>
public sealed record Welcome(ScenarioDescription Scenario);

/// <summary>Coordinator -> worker node: not admitted, and why (one line naming the difference).</summary>
public sealed record Refused(string Reason);

/// <summary>Slot -> coordinator: give me a replication (sent once when the slot starts).</summary>
public sealed record RequestWork(string RunId);

/// <summary>Coordinator -> slot: run this replication.</summary>
public sealed record Work(string RunId, int Replication);

/// <summary>
/// Slot -> coordinator: a replication threw (the message is sent, not the exception: not
/// serialisable); also asks for the next replication. Replication -1: the worker could not rebuild the scenario.
/// </summary>
public sealed record WorkFailed(string RunId, int Replication, string Reason);

/// <summary>Coordinator -> worker node: every replication is in; stop.</summary>
public sealed record RunFinished(string RunId);

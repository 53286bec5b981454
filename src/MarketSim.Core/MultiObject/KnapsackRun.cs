namespace MarketSim.Core.MultiObject;

/// <summary>
/// A greedy fill's result and where the budget ran out: <c>Queues[j]</c> lists j's positive-cost m's in
/// fill order (c^j follows them); the last item filled is position <c>LastItem</c> of
/// <c>Queues[LastSide]</c> (its length = c^j), or <c>LastSide</c> = -1 if the fill ended on a tie; <c>Heads[j]</c> = how many of j's queue
/// items were reached.
/// </summary>
internal sealed record KnapsackRun(ThresholdMechanism Mechanism, List<int>[] Queues, int[] Heads, int LastSide, int LastItem);

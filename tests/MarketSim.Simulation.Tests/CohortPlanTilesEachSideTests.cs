using MarketSim.Core.Agents;
using MarketSim.Core.Random;
using MarketSim.Simulation.Running;
using MarketSim.Core;

namespace MarketSim.Simulation.Tests;

public sealed class CohortPlanTilesEachSideTests
{
    [Fact]
    public void Blocks_cover_every_agent_of_each_side_exactly_once_in_index_order()
    {
        // 500 random (N_B, N_S, cohort size, workers) cases, sizes explicit and automatic.
        var random = new RandomStream(StreamKey.ForPurpose(3, 0, "cohort-plan-test"));
        for (var trial = 0; trial < 500; trial++)
        {
            var buyers = random.NextInt(3000);
            var sellers = 1 + random.NextInt(3000);
            var workers = 1 + random.NextInt(16);
            int? size = trial % 2 == 0 ? null : 1 + random.NextInt(400);
            var replications = 1 + random.NextInt(20);
            var blocks = CohortPlan.For(buyers, sellers, size, workers, replications);

            foreach (var (side, count) in new[] { (Side.Buyers, buyers), (Side.Sellers, sellers) })
            {
                var expectedSize = size ?? CohortPlan.AutomaticSize(count, workers, replications);
                var next = 0;
                foreach (var block in blocks.Where(block => block.Side == side))
                {
                    Assert.Equal(next, block.Offset);
                    Assert.InRange(block.Count, 1, expectedSize);
                    next += block.Count;
                }

                Assert.Equal(count, next);
            }

            // Buyers first, then sellers: a stable actor layout.
            Assert.True(blocks.SkipWhile(block => block.Side == Side.Buyers).All(block => block.Side == Side.Sellers));
        }
    }

    [Theory]
    [InlineData(1, 8, 1)]
    [InlineData(64, 8, 1)] // up to 64 agents a side: one actor per agent
    [InlineData(65, 8, 3)] // ceil(65 / 32)
    [InlineData(200, 2, 25)] // ceil(200 / 8)
    [InlineData(1_000_000, 2, 16384)] // capped: 2 x 16384 doubles per report
    [InlineData(100_000, 16, 1563)] // ceil(100000 / 64)
    public void Automatic_size_is_per_agent_when_small_else_four_cohorts_per_worker_capped(
        int agents, int workers, int expected) =>
        Assert.Equal(expected, CohortPlan.AutomaticSize(agents, workers));

    [Theory]
    [InlineData(64, 2, 100, 1)] // small: one actor per agent whatever the replications
    [InlineData(10_000, 2, 2, 10_000)] // every core has a lane: one cohort per side
    [InlineData(10_000, 2, 1000, 10_000)]
    [InlineData(1_000_000, 2, 1000, 16384)] // still capped
    [InlineData(10_000, 8, 2, 625)] // 2 lanes, 4 cores each: ceil(10000 / 16)
    [InlineData(10_000, 8, 3, 834)] // 3 lanes, ceil(8/3) = 3 cores each: ceil(10000 / 12)
    public void Automatic_size_splits_a_side_only_for_cores_without_a_lane(int agents, int workers, int replications, int expected) =>
        Assert.Equal(expected, CohortPlan.AutomaticSize(agents, workers, replications));
}

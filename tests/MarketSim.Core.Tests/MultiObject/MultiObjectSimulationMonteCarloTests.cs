using MarketSim.Core.MultiObject;
using MarketSim.Core.Scenarios;
using static MarketSim.Core.Tests.MultiObject.MultiObjectTestProblems;

namespace MarketSim.Core.Tests.MultiObject;

/// <summary>
/// The per-replication simulation against the theory (issue 6): replication means within 4 standard
/// errors (se = sample sd over replications / sqrt(R)) of <see cref="MultiObjectSimulation.ContinuumValues"/>,
/// for several N and both budget versions; exact budget and IR facts hold in every replication.
/// </summary>
public class MultiObjectSimulationMonteCarloTests
{
    private const int Replications = 40;

    public static TheoryData<int, int, BudgetBalance> Cases() => new()
    {
        { 0, 1, BudgetBalance.ExAnte },
        { 0, 3, BudgetBalance.ExPost },
        { 1, 4, BudgetBalance.ExAnte },
        { 2, 8, BudgetBalance.ExPost },
        { 3, 6, BudgetBalance.ExAnte },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReplicationMeansAreWithinFourStandardErrorsOfTheContinuumValues(int parameterSet, int objects, BudgetBalance budget)
    {
        var (name, buyer, seller) = ParameterSets[parameterSet];
        var spec = new MultiObjectThresholdSpec(name, objects, 300, buyer, seller, 0.4, budget);
        var simulation = new MultiObjectSimulation(spec);
        var runs = Enumerable.Range(0, Replications).Select(r => simulation.Run(11UL, r)).ToArray();
        Assert.All(runs, run => Assert.Equal(MultiObjectSimulation.MetricNames, run.Select(metric => metric.Name)));

        foreach (var metric in new[] { "realized_gains", "first_best_gains", "efficiency", "buyer_utility", "seller_utility" })
        {
            var values = runs.Select(run => run.Single(m => m.Name == metric).Value).ToArray();
            var mean = values.Average();
            var standardError = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1) / values.Length);
            var theory = simulation.ContinuumValues[metric];
            Assert.True(Math.Abs(mean - theory) <= 4 * standardError + 1e-12,
                $"{metric}: mean {mean} vs theory {theory} (se {standardError})");
        }

        var revenues = runs.Select(run => run.Single(m => m.Name == "revenue_per_pair").Value).ToArray();
        var violations = runs.Select(run => run.Single(m => m.Name == "ex_post_ir_violations").Value).ToArray();
        if (budget == BudgetBalance.ExPost)
        {
            // 004 Section 4: balanced in every round.
            Assert.All(revenues, revenue => Assert.True(Math.Abs(revenue) < 1e-9));
        }
        else
        {
            // Zero on average (4 se) and no agent ever ends below zero (tau^j(m) >= c^j >= 0).
            var mean = revenues.Average();
            var standardError = Math.Sqrt(revenues.Sum(v => (v - mean) * (v - mean)) / (revenues.Length - 1) / revenues.Length);
            Assert.True(Math.Abs(mean) <= 4 * standardError, $"revenue mean {mean} (se {standardError})");
            Assert.All(violations, count => Assert.Equal(0, count));
            Assert.Equal(0, simulation.ContinuumValues["ex_post_ir_violations"]);
        }
    }

    [Fact]
    public void ExPostBalanceCostsExPostIndividualRationalityInThePaperExample()
    {
        // Insuring the budget moves money between the pair after the fact, so some realised utilities go negative.
        var spec = new MultiObjectThresholdSpec("example", 3, 500, ExampleBuyer, ExampleSeller, null, BudgetBalance.ExPost);
        var violations = MultiObjectSimulation.Run(spec, 5UL, 0).Single(m => m.Name == "ex_post_ir_violations").Value;
        Assert.True(violations > 0);
        Assert.False(new MultiObjectSimulation(spec).ContinuumValues.ContainsKey("ex_post_ir_violations"));
    }

    [Fact]
    public void ReplicationIsAPureFunctionOfSeedAndReplication()
    {
        var spec = new MultiObjectThresholdSpec("pure", 5, 200, ExampleBuyer, ExampleSeller, 0.5, BudgetBalance.ExAnte);
        var first = MultiObjectSimulation.Run(spec, 3UL, 7);
        Assert.Equal(first, MultiObjectSimulation.Run(spec, 3UL, 7));
        Assert.NotEqual(first, MultiObjectSimulation.Run(spec, 3UL, 8));
        Assert.NotEqual(first, MultiObjectSimulation.Run(spec, 4UL, 7));

        // The stream names carry the label: another mechanism of the scenario draws other values.
        Assert.NotEqual(first, MultiObjectSimulation.Run(spec with { Label = "other" }, 3UL, 7));
    }
}

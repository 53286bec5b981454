using MarketSim.Cli.Options;
using MarketSim.Cli.Resume;
using MarketSim.Cli.Sweep;

namespace MarketSim.Cli.Tests.Sweep;

/// <summary>
/// A sweep point goes through run's journal record unchanged: its rows in their order (a mechanism may
/// come back after another), every value to the last bit; and the printed resume command repeats the
/// sweep's options, quoted for the shell.
/// </summary>
public sealed class SweepPointsRoundTripTheJournalTests
{
    [Fact]
    public void RowsAndBitsSurviveTheJournalRecord()
    {
        (string, string, double)[] rows =
        [
            ("diagnostics", "lambda_sellers", 2.0), ("diagnostics", "feasible", 1.0),
            ("ce", "welfare", 1.0 / 3), ("wedge", "welfare", double.NaN), ("ce", "revenue", -0.0),
            ("ce", "lump", double.NegativeInfinity), ("wedge", "lump_sum_sellers", double.Epsilon),
        ];
        var point = new SweepPointResult(4, [1.5, 0.25], rows);

        var line = JournalRecord.ToLine(point.ToJournal());
        var unit = JournalRecord.Parse(line);

        Assert.NotNull(unit);
        Assert.Equal(5, unit.Mechanisms.Count); // consecutive rows of a mechanism share a group; a return starts a new one
        var back = SweepPointResult.FromJournal(unit, [1.5, 0.25]);
        Assert.Equal(4, back.Point);
        Assert.Equal(rows.Select(row => (row.Item1, row.Item2)), back.Rows.Select(row => (row.Mechanism, row.Metric)));
        Assert.Equal(
            rows.Select(row => BitConverter.DoubleToInt64Bits(row.Item3)),
            back.Rows.Select(row => BitConverter.DoubleToInt64Bits(row.Value)));
    }

    [Fact]
    public void TheResumeCommandRepeatsTheGivenOptionsQuotedForTheShell()
    {
        var options = new SweepOptions("my scenarios/a.yaml", ["a.b=1:2:0.5", "c[1]=0:1"], "latin-hypercube:9", Simulate: true, OutputFolder: "out/it's");

        Assert.Equal(
            "marketsim sweep 'my scenarios/a.yaml' --set a.b=1:2:0.5 --set 'c[1]=0:1' --sample latin-hypercube:9 --simulate --out 'out/it'\\''s' --resume",
            options.ResumeCommandLine());
    }
}

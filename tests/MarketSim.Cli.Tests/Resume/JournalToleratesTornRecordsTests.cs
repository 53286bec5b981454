using System.Text;
using MarketSim.Cli.Resume;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Replications;

namespace MarketSim.Cli.Tests.Resume;

/// <summary>
/// The journal survives what a kill leaves behind: a record cut short (torn) or damaged is not a
/// record; reading stops before it, resuming cuts it off and reruns that replication, and the output is
/// still byte-identical. Values round-trip to the last bit, whatever they are.
/// </summary>
public sealed class JournalToleratesTornRecordsTests
{
    [Fact]
    public void EveryDoubleRoundTripsBitForBit()
    {
        double[] values =
        [
            1.0 / 3, -0.0, 0.0, double.Epsilon, -double.MaxValue, double.PositiveInfinity, double.NegativeInfinity,
            double.NaN, BitConverter.Int64BitsToDouble(0x7FF8_0000_DEAD_BEEF), 0.1 + 0.2, 2.2250738585072009e-308,
        ];
        var result = new ReplicationResult(7, [
            new MechanismMetrics("wedge \"a\"\t<b>&é", [.. values.Select((value, i) => new MetricValue($"metric_{i}", value))]),
            new MechanismMetrics("empty", []),
        ]);

        var parsed = JournalRecord.Parse(JournalRecord.ToLine(result));

        Assert.NotNull(parsed);
        Assert.Equal(7, parsed.Replication);
        Assert.Equal(["wedge \"a\"\t<b>&é", "empty"], parsed.Mechanisms.Select(mechanism => mechanism.Mechanism));
        Assert.Equal(
            values.Select(BitConverter.DoubleToInt64Bits),
            parsed.Mechanisms[0].Metrics.Select(metric => BitConverter.DoubleToInt64Bits(metric.Value)));
        Assert.Equal(values.Select((_, i) => $"metric_{i}"), parsed.Mechanisms[0].Metrics.Select(metric => metric.Name));
        Assert.DoesNotContain('\n', JournalRecord.ToLine(result));
    }

    [Fact]
    public void ATruncatedOrAlteredLineIsNoRecord()
    {
        var line = JournalRecord.ToLine(new ReplicationResult(3, [new MechanismMetrics("ce", [new MetricValue("welfare", 0.25)])]));

        for (var length = 0; length < line.Length; length++)
        {
            Assert.Null(JournalRecord.Parse(line[..length]));
        }

        // One changed digit of the value still parses as JSON: the check catches it.
        var altered = line.Replace("3FD0000000000000", "3FD0000000000001", StringComparison.Ordinal);
        Assert.NotEqual(line, altered);
        Assert.Null(JournalRecord.Parse(altered));
        Assert.NotNull(JournalRecord.Parse(line));
    }

    [Fact]
    public void ReadingStopsAtADamagedRecordAndCountsWhatItDiscards()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("small.yaml", SmallRuns.Scenario);
        var results = SmallRuns.FirstReplications(scenario, 5);
        var path = SmallRuns.WriteJournal(cli.PathOf("out"), SmallRuns.HeaderFor(scenario), results);
        var lines = File.ReadAllLines(path);
        lines[3] = lines[3].Replace("\"welfare\"", "\"welfarX\"", StringComparison.Ordinal); // record of replication 2
        File.WriteAllText(path, string.Join('\n', lines) + "\n");

        var contents = ReplicationJournal.Read(path);

        Assert.NotNull(contents);
        Assert.Equal([0, 1], contents.Results.Select(result => result.Replication));
        Assert.Equal(new FileInfo(path).Length - contents.IntactLength, contents.DiscardedBytes);
        Assert.Equal(Encoding.UTF8.GetByteCount(string.Join('\n', lines[3..]) + "\n"), contents.DiscardedBytes);
    }

    [Fact]
    public async Task ResumingAfterATornLastRecordGivesTheUninterruptedOutput()
    {
        using var cli = new CliHarness();
        var scenario = cli.WriteScenario("small.yaml", SmallRuns.Scenario);
        var folder = cli.PathOf("torn");
        var results = SmallRuns.FirstReplications(scenario, 4);
        var path = SmallRuns.WriteJournal(folder, SmallRuns.HeaderFor(scenario), results.Take(3));
        var torn = JournalRecord.ToLine(results[3]);
        File.AppendAllText(path, torn[..(torn.Length / 2)]); // killed mid-write: no newline, half a record

        var (exitCode, _, error) = await cli.RunAsync("run", scenario, "--out", folder, "--resume");

        Assert.True(exitCode == 0, error);
        Assert.Contains($"dropped {Encoding.UTF8.GetByteCount(torn[..(torn.Length / 2)])} bytes of a torn record", error);
        Assert.Contains($"resuming: 3 of {SmallRuns.Replications} replications already done", error);
        ResumeRuns.AssertSameOutputs(await SmallRuns.ReferenceRun(cli, scenario), folder);
        Assert.False(File.Exists(path), "the journal is removed once the outputs are written");
    }
}

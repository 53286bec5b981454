using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MarketSim.Cli.Commands;

/// <summary>
/// "done/total, rate &lt;unit&gt;/s, ETA" of a run (unit "rep", replications) or a sweep ("pt", points).
/// The rate counts only this session's units (a resumed run or sweep starts at the journal's count), so
/// the ETA is not fooled by the units found done.
/// </summary>
internal sealed class ReplicationProgressColumn(double startValue, string unit = "rep") : ProgressColumn
{
    protected override bool NoWrap => true;

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var done = task.Value - startValue;
        var seconds = task.ElapsedTime?.TotalSeconds ?? 0;
        var rate = seconds > 0 ? done / seconds : 0;
        var remaining = rate > 0 ? TimeSpan.FromSeconds((task.MaxValue - task.Value) / rate) : (TimeSpan?)null;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{task.Value:0}/{task.MaxValue:0}  {rate:0.0} {unit}/s  ETA {(remaining is { } eta ? Format(eta) : "--:--")}");
        return new Text(text);
    }

    private static string Format(TimeSpan time) =>
        time.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{time.Minutes:00}:{time.Seconds:00}");
}

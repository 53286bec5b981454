using Spectre.Console;

namespace MarketSim.Cli.Commands;

/// <summary>
/// The progress bar of <c>run</c> and <c>sweep</c>: shown only if the work lasts longer than a second
/// and the console is interactive (nothing otherwise, so redirected output and CI logs stay clean).
/// </summary>
internal static class DelayedProgress
{
    /// <summary>Work shorter than this shows no progress bar.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Waits for <paramref name="work"/> (rethrowing its failure or cancellation), showing
    /// <paramref name="done"/>() of <paramref name="total"/>, percentage, rate and ETA while it runs.
    /// <paramref name="delay"/> (default <see cref="Delay"/>) is a test seam: zero shows the bar at once.
    /// </summary>
    public static async Task TrackAsync(IAnsiConsole console, Task work, string description, int total, Func<int> done, string unit, TimeSpan? delay = null)
    {
        var finishedQuickly = await Task.WhenAny(work, Task.Delay(delay ?? Delay, CancellationToken.None)) == work;
        if (finishedQuickly || !console.Profile.Capabilities.Interactive)
        {
            await work;
            return;
        }

        // The rate counts from here: units done before the bar appears are not in its elapsed time.
        var progressStart = done();
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ReplicationProgressColumn(progressStart, unit), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: total);
                task.Value = progressStart;
                while (!work.IsCompleted)
                {
                    task.Value = done();
                    await Task.WhenAny(work, Task.Delay(100, CancellationToken.None));
                }

                task.Value = done();
            });
        await work;
    }
}

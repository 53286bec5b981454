using System.Collections.Concurrent;
using System.Diagnostics;
using MarketSim.Cli.Tests.Resume;

namespace MarketSim.Cli.Tests.Commands;

/// <summary>
/// The real tool in its own process (ResumeRuns.StartTool), its output collected as it comes; killed
/// (kill -9 of the whole tree) on dispose, so a test never leaves a process behind.
/// </summary>
internal sealed class ToolProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly ConcurrentQueue<string> error = new();

    public ToolProcess(params string[] args)
    {
        process = ResumeRuns.StartTool(args);
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) error.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', output);

    public string Error => string.Join('\n', error);

    public bool HasExited => process.HasExited;

    /// <summary>kill -9: no shutdown hook, no flush, nothing.</summary>
    public void KillHard() => process.Kill(entireProcessTree: true);

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        await process.WaitForExitAsync().WaitAsync(timeout);
        process.WaitForExit(); // drains the redirected output
        return process.ExitCode;
    }

    /// <summary>Waits until a line of standard output contains <paramref name="text"/>; returns that line.</summary>
    public async Task<string> WaitForOutput(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (output.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }

            Assert.False(process.HasExited, $"the process exited before printing '{text}': {Output}\n{Error}");
            Assert.True(clock.Elapsed < timeout, $"no '{text}' after {timeout}: {Output}\n{Error}");
            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        process.Dispose();
    }
}

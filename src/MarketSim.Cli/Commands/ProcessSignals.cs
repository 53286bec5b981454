using MarketSim.Cli.Resume;
using System.Runtime.InteropServices;

namespace MarketSim.Cli.Commands;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM for every verb: the first signal cancels the verb's token (run and
/// sweep then keep their journal and print the command that resumes); whatever the verb is doing, the
/// process ends within <see cref="Grace"/> with 128 + the signal number (130, 143), the shell's convention.
/// A second signal ends it at once.
/// </summary>
internal sealed class ProcessSignals : IDisposable
{
    /// <summary>How long a verb may take to stop cleanly: short enough that a signal ends the process within 2 s under any load.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(1.0);

    private const int SigIntExitCode = 130;
    private const int SigTermExitCode = 143;

    private readonly CancellationTokenSource cancellation = new();
    private readonly TextWriter error;
    private readonly PosixSignalRegistration[] registrations;
    private int exitCode;

    private ProcessSignals(TextWriter error)
    {
        this.error = error;
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => cancellation.Token;

    /// <summary>130 after SIGINT, 143 after SIGTERM, null while no signal came.</summary>
    public int? ExitCode => Volatile.Read(ref exitCode) is var code and > 0 ? code : null;

    public static ProcessSignals Install(TextWriter error) => new(error);

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // the verb stops itself; the watchdog below guarantees it does so in time
        var code = context.Signal == PosixSignal.SIGINT ? SigIntExitCode : SigTermExitCode;
        if (Interlocked.CompareExchange(ref exitCode, code, 0) != 0)
        {
            Exit(code); // a second signal: no more patience
        }

        // The watchdog first: cancellation callbacks run on this thread and must not delay it.
        new Thread(() =>
        {
            Thread.Sleep(Grace);
            Exit(code);
        }) { IsBackground = true, Name = "marketsim-signal-watchdog" }.Start();
        cancellation.Cancel();
    }

    private void Exit(int code)
    {
        try
        {
            InterruptionNotice.SayAllUnsaid(error); // the verb did not stop in time: say what it would have said
            error.Flush();
            Console.Out.Flush();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // a closed pipe must not keep the process alive
        }

        if (!OperatingSystem.IsWindows())
        {
            // Environment.Exit runs the process-exit handlers (a library's may wait on busy threads): the
            // exit must not wait for them beyond a moment, so the 2 s promise holds whatever is loaded.
            new Thread(() =>
            {
                Thread.Sleep(HardExitPatience);
                ExitNow(code);
            }) { IsBackground = true, Name = "marketsim-hard-exit" }.Start();
        }

        Environment.Exit(code);
    }

    /// <summary>How long <see cref="Environment.Exit"/> may take before the process ends without it.</summary>
    private static readonly TimeSpan HardExitPatience = TimeSpan.FromMilliseconds(300);

    /// <summary>POSIX _exit(2): ends the process at once; output already written to pipes and files is kept.</summary>
    [DllImport("libc", EntryPoint = "_exit")]
    private static extern void ExitNow(int code);

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        cancellation.Dispose();
    }
}

namespace MarketSim.Cli.Commands;

/// <summary>docs/architecture.md: 0 success, 2 invalid input, 1 anything else; 130 interrupted (Ctrl-C, 128 + SIGINT).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
    public const int Interrupted = 130;
}

namespace MarketSim.Cli.Commands;

/// <summary>ARCHITECTURE.md: 0 success, 2 invalid input, 1 anything else.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
}

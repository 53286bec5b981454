namespace MarketSim.Cli.Tests.Figures;

/// <summary>`figure` with an unknown name or an impossible size exits 2 (docs/architecture.md exit codes), listing the figures, writing nothing.</summary>
public sealed class FigureCommandRejectsBadInputTests
{
    [Fact]
    public async Task UnknownFigureExitsTwoAndListsTheNames()
    {
        using var cli = new CliHarness();
        var (exitCode, _, error) = await cli.RunAsync("figure", "figure-9-9", "--out", cli.PathOf("out"));
        Assert.Equal(2, exitCode);
        Assert.Contains("figure-9-9", error);
        Assert.Contains("mechanism-map", error);
        Assert.False(Directory.Exists(cli.PathOf("out")));
    }

    [Fact]
    public async Task GridOfOnePointExitsTwo()
    {
        using var cli = new CliHarness();
        var (exitCode, _, error) = await cli.RunAsync("figure", "mechanism-map", "--grid", "1", "--out", cli.PathOf("out"));
        Assert.Equal(2, exitCode);
        Assert.Contains("--grid", error);
        Assert.False(Directory.Exists(cli.PathOf("out")));
    }
}

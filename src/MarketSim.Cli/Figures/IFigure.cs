namespace MarketSim.Cli.Figures;

/// <summary>A figure of <c>figure &lt;name&gt;</c>: computes its curves (in MarketSim.Core) and plots them.</summary>
internal interface IFigure
{
    /// <summary>The name on the command line and of the output folder.</summary>
    string Name { get; }

    /// <summary>What it reproduces, citing the paper's figure.</summary>
    string Description { get; }

    FigureResult Render(FigureOptions options);
}

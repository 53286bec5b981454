namespace MarketSim.Cli.Figures;

/// <summary>Every figure of <c>figure &lt;name&gt;</c>, in the order <c>figure all</c> draws them.</summary>
internal static class FigureCatalog
{
    public const string All = "all";

    public static IReadOnlyList<IFigure> Create(string convergenceScenario) =>
    [
        new ParetoFrontierFigure(),
        new OptimalSinglePriceFigure(),
        new WedgePricesFigure(),
        new MechanismMapFigure(),
        new ConvergenceFigure(convergenceScenario),
        new StrategicVersusNFigure(convergenceScenario),
        new MultiObjectFrontierFigure(),
        new MultiObjectThresholdsFigure(),
        new MultiObjectEfficiencyFigure(),
        new AuctionPayoffsFigure(),
        MultiObjectFrontierFigure.PaperFigure1(),
        MultiObjectFrontierFigure.PaperFigure4(),
        MultiObjectThresholdsFigure.PaperFigure5(),
        new AuctionScoresFigure(),
        new OneSidedFigure(),
        new SellerDeltaFigure(),
        new RationingSurplusFigure(),
    ];
}

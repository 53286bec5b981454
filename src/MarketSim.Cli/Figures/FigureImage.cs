namespace MarketSim.Cli.Figures;

/// <summary>One PNG of a figure: its file name, encoded bytes and pixel size.</summary>
internal sealed record FigureImage(string FileName, byte[] Png, int Width, int Height);

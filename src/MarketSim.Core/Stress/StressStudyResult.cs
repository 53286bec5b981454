namespace MarketSim.Core.Stress;

/// <summary>
/// What <see cref="StressStudy.RunAsync"/> returns: the Monte Carlo rows of stress.csv (per mechanism and size,
/// in size order), the exact finite-market rows of stress-theory.csv, the margin fits of margin-fit.csv and
/// the replications run over all sizes.
/// </summary>
public sealed record StressStudyResult(
    IReadOnlyList<StressRow> Rows,
    IReadOnlyList<StressRow> TheoryRows,
    IReadOnlyList<MarginScaling> Fits,
    int TotalReplications);

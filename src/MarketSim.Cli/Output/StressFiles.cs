using static MarketSim.Cli.Output.CsvFiles;
using MarketSim.Core.Stress;
using MarketSim.Core.Stress.Entry;

namespace MarketSim.Cli.Output;

/// <summary>
/// The tidy CSV files of <c>stress</c> (docs/budget-balance.md), written like <see cref="CsvFiles"/>
/// (atomic, invariant culture, round-trip numbers): <c>stress.csv</c>
/// (<c>mechanism,sellers,metric,value,ci_low,ci_high,n</c>), <c>margin-fit.csv</c>
/// (<c>mechanism,intercept,exponent,ci_low,ci_high,points</c>), <c>stress-theory.csv</c> (the exact
/// finite-market values of the same measures, stress.csv's columns with n = 0; docs/finite-markets.md)
/// and, with <c>--entry</c>, <c>entry.csv</c>.
/// </summary>
public static class StressFiles
{
    public const string Stress = "stress.csv";
    public const string MarginFit = "margin-fit.csv";
    public const string Entry = "entry.csv";
    public const string Theory = "stress-theory.csv";

    public static void WriteStress(string path, IEnumerable<StressRow> rows) =>
        TableCsvFile.Write(path, ["mechanism", "sellers", "metric", "value", "ci_low", "ci_high", "n"], rows.Select(row => (IReadOnlyList<string>)
        [
            row.Mechanism, Integer(row.Sellers), row.Metric, Number(row.Value), Number(row.ConfidenceLow), Number(row.ConfidenceHigh), Integer(row.Count),
        ]));

    public static void WriteMarginFit(string path, IEnumerable<MarginScaling> fits) =>
        TableCsvFile.Write(path, ["mechanism", "intercept", "exponent", "ci_low", "ci_high", "points"], fits.Select(fit => (IReadOnlyList<string>)
        [
            fit.Mechanism, Number(fit.Intercept), Number(fit.Exponent), Number(fit.ExponentLow), Number(fit.ExponentHigh), Integer(fit.Points),
        ]));

    public static void WriteEntry(string path, IEnumerable<EntryRound> rounds) =>
        TableCsvFile.Write(
            path,
            ["mechanism", "round", "buyers", "sellers", "buyer_entrants", "seller_entrants", "non_trading_entrants", "lump_sum_paid", "revenue", "budget_surplus", "welfare"],
            rounds.Select(round => (IReadOnlyList<string>)
            [
                round.Mechanism, Integer(round.Round), Integer(round.Buyers), Integer(round.Sellers), Integer(round.BuyerEntrants),
                Integer(round.SellerEntrants), Integer(round.NonTradingEntrants), Number(round.LumpSumPaid), Number(round.Revenue),
                Number(round.BudgetSurplus), Number(round.Welfare),
            ]));
}

using System.Globalization;
using CsvHelper;
using MarketSim.Core.Stress;
using MarketSim.Core.Stress.Entry;

namespace MarketSim.Cli.Output;

/// <summary>
/// The tidy CSV files of <c>stress</c> (docs/budget-balance.md), written like <see cref="CsvFiles"/>
/// (atomic, invariant culture, round-trip numbers): <c>stress.csv</c>
/// (<c>mechanism,sellers,metric,value,ci_low,ci_high,n</c>), <c>margin-fit.csv</c>
/// (<c>mechanism,intercept,exponent,ci_low,ci_high,points</c>) and, with <c>--entry</c>, <c>entry.csv</c>.
/// </summary>
public static class StressFiles
{
    public const string Stress = "stress.csv";
    public const string MarginFit = "margin-fit.csv";
    public const string Entry = "entry.csv";

    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };

    public static void WriteStress(string path, IEnumerable<StressRow> rows) =>
        Write(path, ["mechanism", "sellers", "metric", "value", "ci_low", "ci_high", "n"], rows, (csv, row) =>
        {
            csv.WriteField(row.Mechanism);
            csv.WriteField(Integer(row.Sellers));
            csv.WriteField(row.Metric);
            csv.WriteField(CsvFiles.Number(row.Value));
            csv.WriteField(CsvFiles.Number(row.ConfidenceLow));
            csv.WriteField(CsvFiles.Number(row.ConfidenceHigh));
            csv.WriteField(Integer(row.Count));
        });

    public static void WriteMarginFit(string path, IEnumerable<MarginScaling> fits) =>
        Write(path, ["mechanism", "intercept", "exponent", "ci_low", "ci_high", "points"], fits, (csv, fit) =>
        {
            csv.WriteField(fit.Mechanism);
            csv.WriteField(CsvFiles.Number(fit.Intercept));
            csv.WriteField(CsvFiles.Number(fit.Exponent));
            csv.WriteField(CsvFiles.Number(fit.ExponentLow));
            csv.WriteField(CsvFiles.Number(fit.ExponentHigh));
            csv.WriteField(Integer(fit.Points));
        });

    public static void WriteEntry(string path, IEnumerable<EntryRound> rounds) =>
        Write(
            path,
            ["mechanism", "round", "buyers", "sellers", "buyer_entrants", "seller_entrants", "non_trading_entrants", "lump_sum_paid", "revenue", "budget_surplus", "welfare"],
            rounds,
            (csv, round) =>
            {
                csv.WriteField(round.Mechanism);
                csv.WriteField(Integer(round.Round));
                csv.WriteField(Integer(round.Buyers));
                csv.WriteField(Integer(round.Sellers));
                csv.WriteField(Integer(round.BuyerEntrants));
                csv.WriteField(Integer(round.SellerEntrants));
                csv.WriteField(Integer(round.NonTradingEntrants));
                csv.WriteField(CsvFiles.Number(round.LumpSumPaid));
                csv.WriteField(CsvFiles.Number(round.Revenue));
                csv.WriteField(CsvFiles.Number(round.BudgetSurplus));
                csv.WriteField(CsvFiles.Number(round.Welfare));
            });

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Write<T>(string path, string[] header, IEnumerable<T> rows, Action<CsvWriter, T> writeRow) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
            foreach (var name in header)
            {
                csv.WriteField(name);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                writeRow(csv, row);
                csv.EndRecord();
            }

            csv.Flush();
        });
}

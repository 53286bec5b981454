using MarketSim.Core.MultiObject;
using MarketSim.Core.RedistributiveAuctions;
using MarketSim.Core.Replications;
using MarketSim.Core.Solutions;
using MarketSim.Core.Theory.Diagnostics;

namespace MarketSim.Cli.Sweep;

/// <summary>
/// What <c>sweep</c> records per point. From the theory (<see cref="ScenarioTheory.Solve"/>, the numbers of
/// <c>solve --json</c>): each mechanism's numbers (welfare, volume, revenue, multiplier, lump sums; menus,
/// arrays and names left out) and the market diagnostics under the mechanism name <c>diagnostics</c>
/// (booleans as 1/0), named by their JSON path in snake_case joined by '_' (<c>lumpSum.sellers</c> ->
/// <c>lump_sum_sellers</c>), in the JSON's order; after a posted mechanism's numbers, its exact expectations at
/// the point's N_B and N_S as <c>theory_finite_&lt;metric&gt;</c> (the <c>theory_finite</c> column of
/// <c>summary.csv</c>, docs/theory.md §2.2: same metrics, same values, in the finite theory's order). With
/// <c>--simulate</c>: <c>simulated_&lt;metric&gt;</c> (the Monte Carlo mean) and <c>simulated_&lt;metric&gt;_se</c> per metric.
/// <para>Rows, not a column: sweep.csv is tidy (one number per row, no theory column), and <c>theory_finite_</c>
/// follows the <c>simulated_</c> prefix, so the header and every earlier row stay as they were.</para>
/// </summary>
internal static class SweepMetrics
{
    public const string Diagnostics = "diagnostics";

    /// <summary>Prefix of the finite-market expectations' metric names.</summary>
    public const string TheoryFinite = "theory_finite_";

    public static void FromSolution(
        ScenarioSolution solution, IReadOnlyList<MechanismFiniteValues> finite, List<(string Mechanism, string Metric, double Value)> rows)
    {
        var finiteOf = finite.ToDictionary(values => values.Mechanism, values => values.Values);
        if (solution.Diagnostics is { } diagnostics)
        {
            FromDiagnostics(diagnostics, rows);
        }

        foreach (var mechanism in solution.Mechanisms)
        {
            var name = mechanism.Name;
            switch (mechanism)
            {
                case TwoSidedSolution twoSided:
                    rows.Add((name, "welfare", twoSided.Welfare));
                    rows.Add((name, "volume", twoSided.Volume));
                    rows.Add((name, "revenue", twoSided.Revenue));
                    if (twoSided.Multiplier is { } multiplier)
                    {
                        rows.Add((name, "multiplier", multiplier));
                    }

                    rows.Add((name, "lump_sum_buyers", twoSided.LumpSum.Buyers));
                    rows.Add((name, "lump_sum_sellers", twoSided.LumpSum.Sellers));
                    if (finiteOf.TryGetValue(name, out var expectations))
                    {
                        // The finite theory adds its values in a fixed order and removes none, so the
                        // dictionary's order is that fixed order (the same bytes for the same inputs).
                        rows.AddRange(expectations.Select(pair => (name, TheoryFinite + pair.Key, pair.Value)));
                    }

                    break;
                case MultiObjectSolution multiObject:
                    rows.Add((name, "thresholds_buyer_m", multiObject.Thresholds.Buyer.M));
                    rows.Add((name, "thresholds_buyer_sigma", multiObject.Thresholds.Buyer.Sigma));
                    rows.Add((name, "thresholds_seller_m", multiObject.Thresholds.Seller.M));
                    rows.Add((name, "thresholds_seller_sigma", multiObject.Thresholds.Seller.Sigma));
                    rows.Add((name, "worst_type_payment_buyer", multiObject.WorstTypePayment.Buyer));
                    rows.Add((name, "worst_type_payment_seller", multiObject.WorstTypePayment.Seller));
                    rows.Add((name, "utility_buyer", multiObject.Utility.Buyer));
                    rows.Add((name, "utility_seller", multiObject.Utility.Seller));
                    rows.Add((name, "gains_from_trade", multiObject.GainsFromTrade));
                    rows.Add((name, "first_best", multiObject.FirstBest));
                    rows.Add((name, "efficiency", multiObject.Efficiency));
                    break;
                case RedistributiveAuctionSolution auction:
                    rows.Add((name, "multiplier", auction.Multiplier));
                    rows.Add((name, "surplus", auction.Surplus));
                    rows.Add((name, "welfare", auction.Welfare));
                    break;
            }
        }
    }

    public static void FromSummary(IEnumerable<SummaryRow> summary, List<(string Mechanism, string Metric, double Value)> rows)
    {
        foreach (var row in summary)
        {
            rows.Add((row.Mechanism, "simulated_" + row.Metric, row.Statistics.Mean));
            rows.Add((row.Mechanism, "simulated_" + row.Metric + "_se", row.Statistics.StandardError));
        }
    }

    private static void FromDiagnostics(MarketDiagnostics diagnostics, List<(string, string, double)> rows)
    {
        rows.Add((Diagnostics, "lambda_buyers", diagnostics.BuyerMeanParetoWeight));
        rows.Add((Diagnostics, "lambda_sellers", diagnostics.SellerMeanParetoWeight));
        rows.Add((Diagnostics, "competitive_equilibrium_price", diagnostics.CompetitiveEquilibriumPrice));
        rows.Add((Diagnostics, "competitive_equilibrium_welfare", diagnostics.CompetitiveEquilibriumWelfare));
        rows.Add((Diagnostics, "competitive_equilibrium_optimal", diagnostics.CompetitiveEquilibriumOptimal ? 1.0 : 0.0));
        rows.Add((Diagnostics, "competitive_equilibrium_optimality_margin", diagnostics.CompetitiveEquilibriumOptimalityMargin));
    }
}

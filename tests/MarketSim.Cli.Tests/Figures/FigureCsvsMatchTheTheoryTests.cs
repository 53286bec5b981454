using System.Globalization;

namespace MarketSim.Cli.Tests.Figures;

/// <summary>
/// The CSV behind each figure carries the closed forms of docs/theory.md §1.4 / 000 Section 2 / 004 and the
/// solver's values agree with them. Price tolerance 2e-3: the solver's cut-offs are grid points of
/// spacing 1/2000 in quantity (SolverOptions), a price error of about 1/(2000 g), g >= 1/8 here.
/// </summary>
[Collection(SmallFiguresCollection.Name)]
public sealed class FigureCsvsMatchTheTheoryTests(SmallFiguresFixture figures)
{
    private const double PriceTolerance = 2e-3;

    private static double Number(IReadOnlyDictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);

    [Fact]
    public void OptimalSinglePriceCsvHasTheClosedFormAndTheSolverAgrees()
    {
        var rows = figures.Csv("optimal-single-price");
        Assert.Equal(SmallFiguresFixture.Small.CurvePoints, rows.Count);
        foreach (var row in rows)
        {
            var m = Number(row, "m");
            // 000 (2.2): p_CE for m <= 3, (m-2)/(2m-2) below 2+sqrt2, 1/m above.
            var expected = m <= 3 ? 1 / (1 + m) : m < 2 + Math.Sqrt(2) ? (m - 2) / (2 * m - 2) : 1 / m;
            Assert.Equal(expected, Number(row, "closed_form_price"), 12);
            Assert.Equal(1 / (1 + m), Number(row, "ce_price"), 12);
            Assert.Equal(1 / m, Number(row, "maximal_price"), 12);
            Assert.True(Math.Abs(Number(row, "solver_price") - expected) < PriceTolerance, $"m = {m}: solver {row["solver_price"]}, closed form {expected}");
        }
    }

    [Fact]
    public void WedgeCsvHasTheClosedFormAndTheSolverAgrees()
    {
        foreach (var row in figures.Csv("wedge-prices"))
        {
            var m = Number(row, "m");
            // docs/theory.md §1.4: m > 1: p_B = 1/2, p_S = 1/(2m), lump sum (m-1)/(4m) to sellers; m < 1: p_S = 1/2, p_B = 1 - m/2, m(1-m)/4 to buyers.
            var (buyer, seller, toBuyers, toSellers) = m >= 1 ? (0.5, 1 / (2 * m), 0.0, (m - 1) / (4 * m)) : (1 - m / 2, 0.5, m * (1 - m) / 4, 0.0);
            Assert.Equal(buyer, Number(row, "closed_form_buyer_price"), 12);
            Assert.Equal(seller, Number(row, "closed_form_seller_price"), 12);
            Assert.Equal(toBuyers, Number(row, "closed_form_lump_sum_buyers"), 12);
            Assert.Equal(toSellers, Number(row, "closed_form_lump_sum_sellers"), 12);
            Assert.True(Math.Abs(Number(row, "buyer_price") - buyer) < PriceTolerance, $"m = {m}: p_B {row["buyer_price"]}");
            Assert.True(Math.Abs(Number(row, "seller_price") - seller) < PriceTolerance, $"m = {m}: p_S {row["seller_price"]}");
            Assert.True(Math.Abs(Number(row, "lump_sum_sellers") - toSellers) < PriceTolerance, $"m = {m}: sellers' lump sum {row["lump_sum_sellers"]}");
            Assert.True(Math.Abs(Number(row, "lump_sum_buyers") - toBuyers) < PriceTolerance, $"m = {m}: buyers' lump sum {row["lump_sum_buyers"]}");
        }
    }

    [Fact]
    public void MechanismMapCsvCarriesTheTheoryLinesAndPriceMechanismsBelowTheLine()
    {
        var rows = figures.Csv("mechanism-map");
        Assert.Equal(2 * 3 * 4 * 4, rows.Count); // {lump sums, none} x mu in {1, 0.1, 0.01} x 4 x 4
        foreach (var row in rows)
        {
            var alpha = Number(row, "alpha");
            Assert.Equal(alpha - 1 - 1 / alpha, Number(row, "price_mechanism_line"), 12);
            Assert.Equal((alpha * alpha - alpha) / (alpha + 1), Number(row, "high_inequality_line"), 12);
            // docs/theory.md §1.4: with lump sums a price mechanism is optimal below beta = alpha - 1 - 1/alpha (0.2 away from the boundary).
            if (row["lump_sums"] == "true" && Number(row, "beta") < alpha - 1 - 1 / alpha - 0.2)
            {
                Assert.Equal("wedge-with-lump-sum", row["region"]);
            }

            // 000 Figure 7.1's "Theory" region (Theorem 2 with Remark 2) is where the solver finds a price mechanism,
            // and Remark 1's cells are where it rations the sellers; neither is claimed without lump sums.
            if (row["theory_price_mechanism"] == "true")
            {
                Assert.Contains(row["region"], new[] { "competitive-equilibrium", "wedge-with-lump-sum", "price-wedge" });
            }

            if (row["theory_sellers_rationed"] == "true")
            {
                Assert.Equal("price-floor-seller-rationing", row["region"]);
            }

            Assert.False(row["lump_sums"] == "false" && (row["theory_price_mechanism"] == "true" || row["theory_sellers_rationed"] == "true"));
        }

        Assert.Contains(rows, row => row["theory_price_mechanism"] == "true");

        Assert.Equal(["1", "0.1", "0.01"], rows.Select(row => row["mu"]).Distinct());
    }

    [Fact]
    public void ParetoFrontierCsvLiesBelowTheUnconstrainedLine()
    {
        var rows = figures.Csv("pareto-frontier");
        var unconstrained = rows.Where(row => row["curve"] == "unconstrained").ToArray();
        Assert.All(unconstrained, row => Assert.Equal(0.25, Number(row, "buyer_utility") + Number(row, "seller_utility"), 9)); // CE surplus 1/8 + 1/8
        // Welfare is stationary at the optimum: grid error O(1/2000^2) (SolverOptions), so 1e-6 slack.
        Assert.All(rows.Where(row => row["curve"] == "constrained"), row => Assert.True(Number(row, "buyer_utility") + Number(row, "seller_utility") <= 0.25 + 1e-6));
    }

    [Fact]
    public void MultiObjectCsvsHaveThePapersNumbers()
    {
        // docs/theory.md §3: N = 1 optimum trades bad-good pairs with probability 0.6: surplus 3.3 of the first best 3.5.
        var efficiency = figures.Csv("multi-object-efficiency");
        Assert.Equal(40, efficiency.Count);
        Assert.Equal(3.3, Number(efficiency[0], "gains_from_trade"), 9);
        Assert.Equal(3.3 / 3.5, Number(efficiency[0], "efficiency"), 9);
        Assert.True(Number(efficiency[^1], "efficiency") > Number(efficiency[0], "efficiency"));

        var frontier = figures.Csv("multi-object-frontier");
        Assert.Equal(["1", "15"], frontier.Select(row => row["objects"]).Distinct());
        // At a_s = 0 the buyer gets everything the budget allows; the endpoints are symmetric (004's example is symmetric).
        var single = frontier.Where(row => row["objects"] == "1").ToArray();
        Assert.Equal(Number(single[0], "buyer_utility_per_object"), Number(single[^1], "seller_utility_per_object"), 9);

        var thresholds = figures.Csv("multi-object-thresholds");
        Assert.True(Number(thresholds[0], "seller_threshold") >= Number(thresholds[^1], "seller_threshold"));
        Assert.True(Number(thresholds[0], "buyer_threshold") <= Number(thresholds[^1], "buyer_threshold"));
        // 004 Figure 3, N = 8: "if agents are treated equally, both thresholds are 1"; never 8 (M <= N - 1).
        var equal = thresholds.Single(row => row["seller_weight"] == "0.5");
        Assert.Equal(("8", "1", "1"), (equal["objects"], equal["buyer_M"], equal["seller_M"]));
        Assert.All(thresholds, row => Assert.InRange(int.Parse(row["seller_M"], System.Globalization.CultureInfo.InvariantCulture), 0, 7));
    }

    [Fact]
    public void OneSidedRationingIsAnInitialSegmentOfQuantitiesThatGrowsWithTheBudget()
    {
        // 001 Proposition 1: rationed (price above p_S^C = Q, probability < 1) exactly for Q < Q(R), Q(R) rising in R.
        var rows = figures.Csv("one-sided");
        var thresholds = new List<double>();
        foreach (var revenue in rows.Select(row => row["revenue"]).Distinct())
        {
            var own = rows.Where(row => row["revenue"] == revenue).ToArray();
            var rationed = own.Select(row => row["class"] == "RationingAtSinglePrice").ToArray();
            var count = rationed.TakeWhile(r => r).Count();
            Assert.True(count > 0);
            Assert.All(rationed.Skip(count), r => Assert.False(r));
            Assert.All(own.Take(count), row => Assert.True(Number(row, "price") > Number(row, "competitive_price") && Number(row, "sale_probability") < 1));
            Assert.All(own.Skip(count), row => Assert.Equal(Number(row, "quantity"), Number(row, "price"), 1e-9));
            thresholds.Add(Number(own[count - 1], "quantity"));
        }

        Assert.Equal(2, thresholds.Count);
        Assert.True(thresholds[0] < thresholds[1]);
    }

    [Fact]
    public void AuctionScoresAreIronedUpwardAndTheAllocationIsExclusive()
    {
        var rows = figures.Csv("auction-scores");
        Assert.Equal(["0", "1"], rows.Select(row => row["player"]).Distinct());
        foreach (var player in new[] { "0", "1" })
        {
            var own = rows.Where(row => row["player"] == player).ToArray();
            // 003 Theorem 2: Z- lies above Z+; ironing gives weakly increasing scores; 003 Corollary 2: exclusive.
            Assert.All(own, row => Assert.True(Number(row, "z_minus") >= Number(row, "z_plus") - 1e-12));
            Assert.All(own.Zip(own.Skip(1)), pair => Assert.True(Number(pair.Second, "ironed_z_plus") >= Number(pair.First, "ironed_z_plus") - 1e-12));
            Assert.All(own, row => Assert.True(Number(row, "good_probability") == 0 || Number(row, "bad_probability") == 0));
        }
    }

    [Fact]
    public void FirstBestAttainableFiguresShowNoGainFromLinkingAtEqualWeights()
    {
        // 004 Figure 4 (vb 12/4, vs 8/0, q = 1/2): first best per object 3 + 1 + 1 = 5; at equal weights both
        // N = 1 and N = 8 reach it (a vertex with a_s from 1/2 lies on U_b + U_s = 5).
        var frontier = figures.Csv("multi-object-first-best-frontier");
        foreach (var objects in new[] { "1", "8" })
        {
            Assert.Contains(frontier, row => row["objects"] == objects && row["seller_weight_from"] == "0.5"
                && Math.Abs(Number(row, "buyer_utility_per_object") + Number(row, "seller_utility_per_object") - 5) < 1e-9);
        }

        // 004 Figure 5: at equal weights nobody is restricted; away from them only the lesser weight is.
        var thresholds = figures.Csv("multi-object-first-best-thresholds");
        Assert.All(thresholds.Where(row => row["seller_weight"] == "0.5"), row => Assert.Equal((0.0, 0.0), (Number(row, "buyer_threshold"), Number(row, "seller_threshold"))));
        Assert.All(thresholds.Where(row => Number(row, "seller_weight") > 0.5), row => Assert.Equal(0.0, Number(row, "seller_threshold")));
        Assert.All(thresholds.Where(row => Number(row, "seller_weight") < 0.5), row => Assert.Equal(0.0, Number(row, "buyer_threshold")));
        Assert.Contains(thresholds, row => Number(row, "buyer_threshold") > 0);
    }

    [Fact]
    public void ConvergenceCsvApproachesTheContinuumForTheCompetitiveEquilibrium()
    {
        var rows = figures.Csv("convergence");
        var equilibrium = rows.Where(row => row["mechanism"] == "competitive-equilibrium").ToArray();
        Assert.Equal(["10", "30", "100", "300", "1000", "3000", "10000"], equilibrium.Select(row => row["sellers"]));
        // 000 Section 2, m = 2: p_CE = 1/3; buyers int_{1/3}^1 (r - 1/3) dr = 2/9, sellers E[(2/3 - v^K)^+] = 2/9: W = 4/9 (docs/theory.md §1.1).
        Assert.All(rows.Where(row => row["mechanism"] == "competitive-equilibrium"), row => Assert.Equal(4.0 / 9.0, Number(row, "continuum"), 9));
        var largest = equilibrium[^1];
        // At 10^4 sellers the finite-market bias of CE is far below the standard error; allow 4 se.
        Assert.True(Math.Abs(Number(largest, "mean") - 4.0 / 9.0) <= 4 * Number(largest, "se"), $"mean {largest["mean"]} se {largest["se"]}");
        Assert.All(rows, row => Assert.True(Number(row, "ci_low") <= Number(row, "mean") && Number(row, "mean") <= Number(row, "ci_high")));
    }

    [Fact]
    public void StrategicVersusNCsvCarriesTheWedgesExactFiniteValue()
    {
        var rows = figures.Csv("strategic-vs-n");
        const string equilibriumBids = "competitive-equilibrium (equilibrium bids)";
        Assert.Equal(["competitive-equilibrium", "trade-reduction", "paper-wedge", equilibriumBids], rows.Select(row => row["mechanism"]).Distinct());
        Assert.Equal(["2", "5", "10", "20", "50", "100", "200", "500", "1000"], rows.Select(row => row["sellers"]).Distinct());

        // The equilibrium CE is drawn where its equilibrium is found: from 10 sellers on in this example
        // (docs/theory.md §2.4). On the same draws it differs from the truthful CE by the shading, O(1/N):
        // a few trades in a thousand from 200 sellers on.
        Assert.Equal(["10", "20", "50", "100", "200", "500", "1000"], rows.Where(row => row["mechanism"] == equilibriumBids).Select(row => row["sellers"]));
        foreach (var sellers in new[] { "200", "500", "1000" })
        {
            var truthful = Number(rows.Single(row => row["mechanism"] == "competitive-equilibrium" && row["sellers"] == sellers), "mean");
            var strategic = Number(rows.Single(row => row["mechanism"] == equilibriumBids && row["sellers"] == sellers), "mean");
            Assert.True(Math.Abs(strategic - truthful) < 0.002, $"N = {sellers}: equilibrium bids {strategic} against truthful {truthful}");
        }

        // N = 2: k_B, k_S ~ Bin(2, 1/2), E[min] = P(min >= 1) + P(min >= 2) = 9/16 + 1/16 = 5/8, and every
        // trade is worth u_B + u_S + Lambda_S (p_B - p_S) = 1/4 + 1/4 + 1/2 = 1 (docs/finite-markets.md):
        // welfare per seller 5/16, against the continuum 1/2.
        var wedge = rows.Single(row => row["mechanism"] == "paper-wedge" && row["sellers"] == "2");
        Assert.Equal(5.0 / 16.0, Number(wedge, "theory_finite"), 12);
        Assert.Equal(0.5, Number(wedge, "continuum"), 12);
        Assert.True(Math.Abs(Number(wedge, "mean") - (5.0 / 16.0)) <= 4 * Number(wedge, "se"), $"mean {wedge["mean"]} se {wedge["se"]}");
    }

    [Fact]
    public void AuctionCsvHasBothPlayersOnTheTypeRange()
    {
        var rows = figures.Csv("auction-payoffs");
        Assert.Equal(["0", "1"], rows.Select(row => row["player"]).Distinct());
        Assert.All(rows, row => Assert.InRange(Number(row, "type"), 1.0, 20.0));
        Assert.All(rows, row => Assert.Equal(Number(row, "type") * Number(row, "utility"), Number(row, "utility_in_money"), 9));
    }
}

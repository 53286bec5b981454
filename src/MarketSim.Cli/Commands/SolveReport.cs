using System.Globalization;
using System.Text.Json.Nodes;
using MarketSim.Core.OneSided;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.MultiObject;
using MarketSim.Core.RedistributiveAuctions;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Solutions;
using MarketSim.Core.Theory.Diagnostics;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Cli.Commands;

/// <summary>
/// Formats a scenario's continuum theory (<see cref="ScenarioTheory.Solve"/>) in the JSON shape of
/// docs/architecture.md ("JSON"): the diagnostics of the two-sided market, then one entry per mechanism in
/// scenario order. Two-sided welfare, volume and revenue are per unit mass of sellers (docs/theory.md §1.1);
/// a multi-object entry is per pair (issue 6 shape), an auction entry per group (issue 7 shape).
/// </summary>
/// <remarks>
/// JSON has no infinity and no NaN, and a valid scenario must never make <c>solve --json</c> fail (issue 13):
/// an unbounded or undefined number (e.g. the CE price of two sides whose supports do not overlap) is
/// written as <c>null</c>, followed by <c>"&lt;name&gt;Reason"</c> saying which it was.
/// </remarks>
internal static class SolveReport
{
    public static JsonObject ToJson(ScenarioSolution solution)
    {
        var report = new JsonObject { ["scenario"] = solution.Scenario };
        if (solution.Diagnostics is { } diagnostics)
        {
            report["diagnostics"] = Diagnostics(diagnostics);
        }

        report["mechanisms"] = new JsonArray(solution.Mechanisms.Select(mechanism => (JsonNode)(mechanism switch
        {
            TwoSidedSolution twoSided => TwoSided(twoSided),
            MultiObjectSolution multiObject => MultiObject(multiObject),
            RedistributiveAuctionSolution auction => Auction(auction),
            _ => throw new NotSupportedException($"no JSON form for {mechanism.GetType().Name}"),
        })).ToArray());

        // A one-sided problem (001 Section 3; docs/theory.md §1.6): its own top-level entry, absent otherwise.
        if (solution.OneSided is { } oneSided)
        {
            report["oneSided"] = OneSided(oneSided);
        }

        return report;
    }

    /// <summary>The text of a number that JSON cannot hold.</summary>
    public static string NotFiniteReason(double value) =>
        double.IsNaN(value) ? "undefined (not a number)" : value > 0 ? "unbounded (+infinity)" : "unbounded (-infinity)";

    private static JsonObject Diagnostics(MarketDiagnostics diagnostics)
    {
        var equilibrium = new JsonObject();
        Add(equilibrium, "price", diagnostics.CompetitiveEquilibriumPrice);
        Add(equilibrium, "welfare", diagnostics.CompetitiveEquilibriumWelfare);
        equilibrium["optimal"] = diagnostics.CompetitiveEquilibriumOptimal;
        Add(equilibrium, "optimalityMargin", diagnostics.CompetitiveEquilibriumOptimalityMargin);
        // "optimal" answers the model with lump sums only (001 (5.3)); optimalityConditions has both models.
        equilibrium["optimalModel"] = OptimalityConditionsReport.LumpSumsModel;
        return new JsonObject
        {
            ["lambda"] = Sides("buyers", diagnostics.BuyerMeanParetoWeight, "sellers", diagnostics.SellerMeanParetoWeight),
            ["competitiveEquilibrium"] = equilibrium,
            ["sameSideInequality"] = new JsonObject
            {
                ["buyers"] = Lower(diagnostics.BuyerInequality),
                ["sellers"] = Lower(diagnostics.SellerInequality),
            },
            ["optimalityConditions"] = OptimalityConditionsReport.ToJson(diagnostics.Conditions),
        };
    }

    private static JsonObject TwoSided(TwoSidedSolution solution)
    {
        var entry = new JsonObject { ["name"] = solution.Name };
        Add(entry, "welfare", solution.Welfare);
        Add(entry, "volume", solution.Volume);
        Add(entry, "revenue", solution.Revenue);
        if (solution.Multiplier is { } multiplier)
        {
            Add(entry, "multiplier", multiplier);
        }

        entry["lumpSum"] = Sides("buyers", solution.LumpSum.Buyers, "sellers", solution.LumpSum.Sellers);
        entry["buyers"] = new JsonObject { ["menu"] = Menu(solution.BuyerMenu) };
        entry["sellers"] = new JsonObject { ["menu"] = Menu(solution.SellerMenu) };
        if (solution.Class is not null)
        {
            entry["class"] = solution.Class;
        }

        // The finer named form of the same classifier (docs/theory.md §1.2), as 000 Figures 7.1-7.2 draw it.
        if (solution.Form is { } form)
        {
            entry["form"] = MechanismFormNames.Key(form);
        }

        return entry;
    }

    private static JsonObject MultiObject(MultiObjectSolution solution)
    {
        var entry = new JsonObject
        {
            ["name"] = solution.Name,
            ["thresholds"] = new JsonObject
            {
                ["buyer"] = Threshold(solution.Thresholds.Buyer),
                ["seller"] = Threshold(solution.Thresholds.Seller),
            },
            ["worstTypePayment"] = Sides("buyer", solution.WorstTypePayment.Buyer, "seller", solution.WorstTypePayment.Seller),
            ["utility"] = Sides("buyer", solution.Utility.Buyer, "seller", solution.Utility.Seller),
        };
        Add(entry, "gainsFromTrade", solution.GainsFromTrade);
        Add(entry, "firstBest", solution.FirstBest);
        Add(entry, "efficiency", solution.Efficiency);
        entry["frontier"] = new JsonArray(solution.Frontier.Select(point => (JsonNode)Sides(
            "sellerWeight", point.SellerWeight, "buyer", point.Buyer, "seller", point.Seller)).ToArray());
        entry["firstBestAttainable"] = solution.FirstBestAttainable;
        entry["positiveUtilityFrom"] = new JsonObject
        {
            ["buyer"] = solution.PositiveUtilityFrom.Buyer,
            ["seller"] = solution.PositiveUtilityFrom.Seller,
        };
        return entry;
    }

    private static JsonObject OneSided(OneSidedReport report)
    {
        var entry = new JsonObject { ["side"] = report.Side };
        Add(entry, "quantity", report.Quantity);
        Add(entry, "revenue", report.Revenue);
        entry["class"] = report.Class;
        entry["options"] = new JsonArray(report.Options.Select(option => (JsonNode)Sides(
            "probability", option.Probability, "payment", option.Payment, "price", option.Price)).ToArray());
        Add(entry, "lumpSum", report.LumpSum);
        Add(entry, "welfare", report.Welfare);
        Add(entry, "multiplier", report.Multiplier);
        Add(entry, "competitivePrice", report.CompetitivePrice);
        entry["sameSideInequality"] = report.SameSideInequality;
        return entry;
    }

    private static JsonObject Threshold(ThresholdForm threshold)
    {
        var form = new JsonObject { ["M"] = threshold.M };
        Add(form, "sigma", threshold.Sigma);
        AddAll(form, "mu", threshold.Mu);
        return form;
    }

    private static JsonObject Auction(RedistributiveAuctionSolution solution)
    {
        var entry = new JsonObject { ["name"] = solution.Name };
        Add(entry, "multiplier", solution.Multiplier);
        Add(entry, "surplus", solution.Surplus);
        Add(entry, "welfare", solution.Welfare);
        AddAll(entry, "lumpSums", solution.LumpSums);
        entry["players"] = new JsonArray(solution.Players.Select(player =>
        {
            // null = the region is empty (AuctionPlayerThresholds): an answer, not a failure, so no reason.
            var thresholds = new JsonObject();
            AddOptional(thresholds, "poolUpTo", player.PoolUpTo);
            AddOptional(thresholds, "badBelow", player.BadBelow);
            AddOptional(thresholds, "goodAbove", player.GoodAbove);
            AddOptional(thresholds, "reserve", player.Reserve);
            return (JsonNode)thresholds;
        }).ToArray());
        return entry;
    }

    private static JsonArray Menu(IEnumerable<MenuOption> options) =>
        new(options.Select(option => (JsonNode)Sides("price", option.Price, "probability", option.Probability)).ToArray());

    private static JsonObject Sides(params ReadOnlySpan<(string Name, double Value)> values)
    {
        var sides = new JsonObject();
        foreach (var (name, value) in values)
        {
            Add(sides, name, value);
        }

        return sides;
    }

    private static JsonObject Sides(string first, double firstValue, string second, double secondValue) =>
        Sides((first, firstValue), (second, secondValue));

    private static JsonObject Sides(string first, double firstValue, string second, double secondValue, string third, double thirdValue) =>
        Sides((first, firstValue), (second, secondValue), (third, thirdValue));

    /// <summary><c>"name": value</c>, or <c>"name": null, "nameReason": "..."</c> when JSON cannot hold the value.</summary>
    internal static void Add(JsonObject target, string name, double value)
    {
        if (double.IsFinite(value))
        {
            target[name] = value;
            return;
        }

        target[name] = null;
        target[name + "Reason"] = NotFiniteReason(value);
    }

    private static void AddOptional(JsonObject target, string name, double? value)
    {
        if (value is { } number)
        {
            Add(target, name, number);
        }
        else
        {
            target[name] = null;
        }
    }

    /// <summary>An array of numbers; a non-finite element is null and the array gets <c>"nameReason"</c> (the first such element's).</summary>
    private static void AddAll(JsonObject target, string name, IEnumerable<double> values)
    {
        string? reason = null;
        target[name] = new JsonArray(values.Select(value =>
        {
            if (double.IsFinite(value))
            {
                return (JsonNode?)JsonValue.Create(value);
            }

            reason ??= NotFiniteReason(value);
            return null;
        }).ToArray());
        if (reason is not null)
        {
            target[name + "Reason"] = reason;
        }
    }

    private static string Lower(SameSideInequality inequality) => inequality.ToString().ToLowerInvariant();

    /// <summary>A number as the tables print it (5 significant digits; "Infinity", "NaN" as .NET writes them).</summary>
    public static string Format(double value) => value.ToString("G5", CultureInfo.InvariantCulture);
}

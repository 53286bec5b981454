using System.Text.Json;
using System.Text.Json.Nodes;
using MarketSim.Core.Mechanisms;
using MarketSim.Core.Mechanisms.Menus;
using MarketSim.Core.Mechanisms.Optimal;
using MarketSim.Core.MultiObject;
using MarketSim.Core.RedistributiveAuctions;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.Diagnostics;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Cli.Commands;

/// <summary>
/// The continuum theory of a scenario in the JSON shape of ARCHITECTURE.md (<c>solve --json</c>):
/// diagnostics of the two-sided market, then one entry per mechanism in scenario order. Two-sided
/// welfare, volume and revenue are per unit mass of sellers (SPEC 1.1); a multi-object entry is
/// per pair (issue 6 shape), an auction entry per group (issue 7 shape).
/// </summary>
internal static class SolveReport
{
    private static readonly JsonSerializerOptions CamelCase = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static JsonObject Build(Scenario scenario, CancellationToken cancellationToken = default)
    {
        var report = new JsonObject { ["scenario"] = scenario.Name };
        var mechanisms = new JsonArray();
        ContinuumMarket? continuum = null;
        if (scenario.Mechanisms.Any(MechanismFactory.IsTwoSided))
        {
            continuum = new MarketModel(scenario with { Mechanisms = scenario.Mechanisms.Where(MechanismFactory.IsTwoSided).ToArray() }).Continuum;
            report["diagnostics"] = Diagnostics(MarketDiagnosis.Compute(continuum));
        }

        foreach (var spec in scenario.Mechanisms)
        {
            mechanisms.Add(spec switch
            {
                // Issue 6 and issue 7 shapes: the core records, camelCase.
                MultiObjectThresholdSpec multiObject => JsonSerializer.SerializeToNode(MultiObjectSolution.FromSpec(multiObject), CamelCase),
                RedistributiveAuctionSpec auction => JsonSerializer.SerializeToNode(RedistributiveAuctionSolver.Solve(auction), CamelCase),
                _ => TwoSided(spec, continuum!, cancellationToken),
            });
        }

        report["mechanisms"] = mechanisms;
        return report;
    }

    private static JsonObject Diagnostics(MarketDiagnostics diagnostics) => new()
    {
        ["lambda"] = Sides(diagnostics.BuyerMeanParetoWeight, diagnostics.SellerMeanParetoWeight),
        ["competitiveEquilibrium"] = new JsonObject
        {
            ["price"] = diagnostics.CompetitiveEquilibriumPrice,
            ["welfare"] = diagnostics.CompetitiveEquilibriumWelfare,
            ["optimal"] = diagnostics.CompetitiveEquilibriumOptimal,
            ["optimalityMargin"] = diagnostics.CompetitiveEquilibriumOptimalityMargin,
        },
        ["sameSideInequality"] = new JsonObject
        {
            ["buyers"] = Lower(diagnostics.BuyerInequality),
            ["sellers"] = Lower(diagnostics.SellerInequality),
        },
    };

    private static JsonObject TwoSided(MechanismSpec spec, ContinuumMarket market, CancellationToken cancellationToken)
    {
        switch (spec)
        {
            case CompetitiveEquilibriumSpec:
            {
                var equilibrium = ContinuumCompetitiveEquilibrium.Solve(market);
                MenuOption[] menu = [new(equilibrium.Price, 1.0)];
                return Entry(spec.Label, equilibrium.Welfare, equilibrium.Volume, 0.0, null, 0.0, 0.0, menu, menu, MechanismClass.CompetitiveEquilibrium);
            }

            case OptimalSpec optimal:
            {
                var solution = OptimalMechanismSolver.Solve(market, optimal.LumpSumsAllowed, cancellationToken: cancellationToken);
                return Entry(
                    spec.Label, solution.Welfare, solution.Volume, solution.Revenue, solution.Multiplier,
                    solution.LumpSum.Buyers, solution.LumpSum.Sellers, solution.BuyerMenu, solution.SellerMenu, solution.MechanismClass.Name);
            }

            default:
            {
                var mechanism = (MenuMechanism)MechanismFactory.Create(spec, market);
                var values = mechanism.ContinuumValues(market);
                return Entry(
                    spec.Label, values["welfare"], values["volume"], values["revenue"], null,
                    values["lump_sum_buyers"], values["lump_sum_sellers"], mechanism.Buyers.Options, mechanism.Sellers.Options, null);
            }
        }
    }

    private static JsonObject Entry(
        string name, double welfare, double volume, double revenue, double? multiplier, double lumpSumBuyers, double lumpSumSellers,
        IReadOnlyList<MenuOption> buyerMenu, IReadOnlyList<MenuOption> sellerMenu, string? mechanismClass)
    {
        var entry = new JsonObject
        {
            ["name"] = name,
            ["welfare"] = welfare,
            ["volume"] = volume,
            ["revenue"] = revenue,
        };
        if (multiplier is { } value)
        {
            entry["multiplier"] = value;
        }

        entry["lumpSum"] = Sides(lumpSumBuyers, lumpSumSellers);
        entry["buyers"] = new JsonObject { ["menu"] = Menu(buyerMenu) };
        entry["sellers"] = new JsonObject { ["menu"] = Menu(sellerMenu) };
        if (mechanismClass is not null)
        {
            entry["class"] = mechanismClass;
        }

        return entry;
    }

    private static JsonArray Menu(IEnumerable<MenuOption> options) =>
        new(options.Select(option => (JsonNode)new JsonObject { ["price"] = option.Price, ["probability"] = option.Probability }).ToArray());

    private static JsonObject Sides(double buyers, double sellers) => new() { ["buyers"] = buyers, ["sellers"] = sellers };

    private static string Lower(SameSideInequality inequality) => inequality.ToString().ToLowerInvariant();
}

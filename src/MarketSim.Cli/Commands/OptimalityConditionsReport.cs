using System.Text.Json.Nodes;
using MarketSim.Core.Theory.Diagnostics;

namespace MarketSim.Cli.Commands;

/// <summary>
/// The papers' optimality conditions (<see cref="OptimalityConditions"/>, docs/theory.md §1.3 "Diagnostics") as the
/// <c>optimalityConditions</c> object of <c>solve --json</c> and as the lines of the <c>solve</c> table, each under the
/// model it answers. A verdict the papers' conditions do not decide is <c>null</c> with <c>"&lt;name&gt;Reason"</c>; a
/// condition undefined for the scenario says "not applicable: ..." with its reason.
/// </summary>
internal static class OptimalityConditionsReport
{
    public const string LumpSumsModel = "lump sums allowed (000 Section 5)";
    public const string NoFreeLunchModel = "No Free Lunch: no lump sums (000 Section 6)";

    public static JsonObject ToJson(OptimalityConditions conditions)
    {
        var regularity = conditions.Regularity;
        return new JsonObject
        {
            ["regularity"] = new JsonObject
            {
                ["virtualSurplusesNonDecreasing"] = regularity.VirtualSurplusesNonDecreasing,
                ["assumption1"] = regularity.AssumptionOne,
                ["assumption3"] = regularity.AssumptionThree,
                ["sellerDensityNonIncreasing"] = regularity.SellerDensityNonIncreasing,
            },
            ["lumpSumsAllowed"] = LumpSums(conditions.LumpSumsAllowed),
            ["noFreeLunch"] = NoFreeLunch(conditions.NoFreeLunch),
        };
    }

    private static JsonObject LumpSums(LumpSumModelConditions conditions)
    {
        var test = new JsonObject { ["test"] = "001 (5.3)" };
        SolveReport.Add(test, "margin", conditions.CompetitiveEquilibriumMargin);
        Verdict(test, "competitiveEquilibriumOptimal", conditions.CompetitiveEquilibriumOptimal,
            $"001 (5.3) holds but is only necessary here: {conditions.TheoremTwoFailure}");

        var theoremTwo = new JsonObject { ["hypothesesHold"] = conditions.TheoremTwoHypotheses };
        if (conditions.TheoremTwoFailure is { } failure)
        {
            theoremTwo["failure"] = failure;
        }

        Verdict(theoremTwo, "priceMechanismOptimal", conditions.PriceMechanismOptimal, $"Theorem 2 does not apply: {conditions.TheoremTwoFailure}");

        var remarkOne = conditions.RemarkOne;
        var one = new JsonObject { ["condition"] = "mu <= G_S(D_S^{-1}(2))" };
        if (remarkOne.Bound is { } bound)
        {
            SolveReport.Add(one, "bound", bound);
        }
        else
        {
            one["bound"] = null;
            one["boundReason"] = $"not applicable: {remarkOne.UndefinedReason}";
        }

        SolveReport.Add(one, "buyersPerSeller", remarkOne.BuyersPerSeller);
        Verdict(one, "boundHolds", remarkOne.BoundHolds, $"not applicable: {remarkOne.UndefinedReason}");
        one["hypothesesHold"] = remarkOne.HypothesesHold;
        if (remarkOne.HypothesesFailure is { } remarkFailure)
        {
            one["hypothesesFailure"] = remarkFailure;
        }

        one["sellersRationed"] = remarkOne.SellersRationed;

        var two = new JsonObject { ["condition"] = "Delta'_S(r_S) <= 1" };
        SolveReport.Add(two, "slope", conditions.RemarkTwo.Slope);
        two["holds"] = conditions.RemarkTwo.Holds;

        return new JsonObject
        {
            ["model"] = LumpSumsModel,
            ["competitiveEquilibriumTest"] = test,
            ["theorem2"] = theoremTwo,
            ["remark1"] = one,
            ["remark2"] = two,
        };
    }

    private static JsonObject NoFreeLunch(NoFreeLunchConditions conditions)
    {
        var entry = new JsonObject { ["model"] = NoFreeLunchModel };
        Verdict(entry, "competitiveEquilibriumOptimal", conditions.CompetitiveEquilibriumOptimal,
            "not decided by 001 (5.3) (it fails or Theorem 2's hypotheses fail) nor by 000 Proposition 1");
        entry["basis"] = Basis(conditions.Basis);

        var proposition = conditions.PropositionOne;
        var one = new JsonObject { ["applies"] = proposition.Applies };
        if (!proposition.Applies)
        {
            one["notApplicableReason"] = $"not applicable: {proposition.NotApplicableReason}";
        }
        else
        {
            SolveReport.Add(one, "moneyRatio", proposition.MoneyRatio);
            SolveReport.Add(one, "competitiveEquilibriumBound", proposition.CompetitiveEquilibriumBound);
            SolveReport.Add(one, "rationingBound", proposition.RationingBound);
            one["competitiveEquilibriumOptimal"] = proposition.CompetitiveEquilibriumOptimal;
            one["sellerRationingOptimal"] = proposition.SellerRationingOptimal;
        }

        entry["proposition1"] = one;
        return entry;
    }

    /// <summary>The table's lines: one per model, then the regularity checks.</summary>
    public static IEnumerable<string> Lines(OptimalityConditions conditions)
    {
        var lumpSums = conditions.LumpSumsAllowed;
        string ce = lumpSums.CompetitiveEquilibriumOptimal switch
        {
            true => "true",
            false => "false",
            null => $"undecided (001 (5.3) holds but is only necessary: {lumpSums.TheoremTwoFailure})",
        };
        string theoremTwo = lumpSums.PriceMechanismOptimal == true
            ? "a price mechanism is optimal (Theorem 2)"
            : $"Theorem 2 does not apply ({lumpSums.TheoremTwoFailure})";
        var remarkOne = lumpSums.RemarkOne;
        string one = remarkOne.Bound is { } bound
            ? $"mu = {F(remarkOne.BuyersPerSeller)} <= G_S(D_S^{{-1}}(2)) = {F(bound)}: {(remarkOne.BoundHolds == true ? "holds" : "fails")}"
              + (remarkOne.HypothesesHold
                  ? remarkOne.SellersRationed ? ", so sellers are rationed (Theorem 3)" : ""
                  : $" (the remark does not apply: {remarkOne.HypothesesFailure})")
            : $"not applicable ({remarkOne.UndefinedReason})";
        yield return $"With {LumpSumsModel}: CE optimal by 001 (5.3): {ce} (margin {F(lumpSums.CompetitiveEquilibriumMargin)}); {theoremTwo}";
        yield return $"  Remark 1: {one}";
        yield return $"  Remark 2: Delta'_S(r_S) = {F(lumpSums.RemarkTwo.Slope)} <= 1: {(lumpSums.RemarkTwo.Holds ? "holds" : "fails")}";

        var noFreeLunch = conditions.NoFreeLunch;
        string verdict = noFreeLunch.CompetitiveEquilibriumOptimal switch
        {
            true => $"true ({Basis(noFreeLunch.Basis)})",
            false => $"false: sellers are rationed ({Basis(noFreeLunch.Basis)})",
            null => "undecided by 001 (5.3) and 000 Proposition 1",
        };
        var proposition = noFreeLunch.PropositionOne;
        string propositionText = proposition.Applies
            ? $"Lambda_S/Lambda_B = {F(proposition.MoneyRatio)}; CE optimal if <= {F(proposition.CompetitiveEquilibriumBound)}, sellers rationed if > {F(proposition.RationingBound)}"
            : $"not applicable ({proposition.NotApplicableReason})";
        yield return $"Under {NoFreeLunchModel}: CE optimal: {verdict}";
        yield return $"  Proposition 1: {propositionText}";

        var regularity = conditions.Regularity;
        yield return $"Regularity (checked on a grid): J_j non-decreasing {Yes(regularity.VirtualSurplusesNonDecreasing)}, Assumption 1 {Yes(regularity.AssumptionOne)}, " +
                     $"Assumption 3 {Yes(regularity.AssumptionThree)}, g_S non-increasing {Yes(regularity.SellerDensityNonIncreasing)}";
    }

    private static string Basis(NoFreeLunchBasis basis) => basis switch
    {
        NoFreeLunchBasis.CompetitiveEquilibriumTest => "001 (5.3) under Theorem 2's hypotheses, still sufficient without lump sums",
        NoFreeLunchBasis.PropositionOne => "000 Proposition 1",
        _ => "undecided",
    };

    /// <summary><c>"name": true|false</c>, or <c>null</c> with <c>"nameReason"</c> when the conditions do not decide.</summary>
    private static void Verdict(JsonObject target, string name, bool? value, string reason)
    {
        target[name] = value;
        if (value is null)
        {
            target[name + "Reason"] = reason;
        }
    }

    private static string Yes(bool value) => value ? "yes" : "no";

    private static string F(double value) => SolveReport.Format(value);
}

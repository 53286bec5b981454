using MarketSim.Core.Distributions;
using MarketSim.Core.Laws;
using MarketSim.Core.Tests.Theory.Solver;
using MarketSim.Core.Theory.RateLaws;
using MarketSim.Core.Theory.Diagnostics;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.Tests.Theory.Diagnostics;

/// <summary>
/// The papers' optimality conditions as diagnostics (docs/theory.md §1.3 "Diagnostics", §1.4), each answering one model:
/// 001 (5.3) with lump sums; 000 Section 6 and Proposition 1 under "No Free Lunch"; 000 Remarks 1 and 2.
/// </summary>
public sealed class OptimalityConditionsTests
{
    [Theory]
    [InlineData(1.0, true)]
    [InlineData(2.0, false)]
    [InlineData(4.0, false)]
    public void UniformExampleWithLumpSumsCompetitiveEquilibriumOptimalOnlyAtMEqualOne(double m, bool expected)
    {
        // docs/theory.md §1.4: with lump sums CE is suboptimal for every m != 1. No same-side inequality: the
        // regularity conditions hold (J_S(r) = 2r, J_B(r) = 2r - 1) and Remark 2's slope is 0, so Theorem 2 decides
        // and a price mechanism (a wedge with a lump sum) is optimal.
        var conditions = MarketDiagnosis.Compute(SolverTestMarkets.UniformExample(m)).Conditions;

        Assert.True(conditions.Regularity.VirtualSurplusesNonDecreasing);
        Assert.True(conditions.Regularity.AssumptionOne);
        Assert.True(conditions.Regularity.AssumptionThree);
        Assert.Equal(expected, conditions.LumpSumsAllowed.CompetitiveEquilibriumOptimal);
        Assert.True(conditions.LumpSumsAllowed.TheoremTwoHypotheses);
        Assert.True(conditions.LumpSumsAllowed.PriceMechanismOptimal);
        Assert.Equal(0.0, conditions.LumpSumsAllowed.RemarkTwo.Slope);
        Assert.Null(conditions.LumpSumsAllowed.RemarkOne.Bound); // no same-side inequality: D_S^{-1}(2) does not exist
        Assert.NotNull(conditions.LumpSumsAllowed.RemarkOne.UndefinedReason);
        Assert.False(conditions.LumpSumsAllowed.RemarkOne.SellersRationed);
    }

    [Theory]
    // 000 Proposition 1 for the uniform example (mu = 1, Lambda_B = 1, Lambda_S = m): I_S(r) = G_S(r)/g_S(r) = r on
    // [0, 1/m], so sup I_S' = d = 1, and c = g_S(p)/(m g_B(p)) = m/m = 1. CE is optimal for m <= 1 + 1/1 = 2; sellers
    // are rationed for m > 1 + 1/d + mu/(c d) = 3. 000 Claim 2 (docs/theory.md §1.4) agrees: CE up to m = 3, rationing
    // above. Between 2 and 3 Proposition 1 does not decide.
    [InlineData(1.5, true)]
    [InlineData(2.0, true)]
    [InlineData(2.5, null)]
    [InlineData(4.0, false)]
    public void UniformExampleWithoutLumpSumsFollowsPropositionOne(double m, bool? expected)
    {
        var market = SolverTestMarkets.UniformExample(m);
        var conditions = MarketDiagnosis.Compute(market).Conditions;
        var proposition = conditions.NoFreeLunch.PropositionOne;

        Assert.True(proposition.Applies);
        Assert.Equal(m, proposition.MoneyRatio, 12);
        Assert.Equal(2.0, proposition.CompetitiveEquilibriumBound, 6);
        Assert.Equal(3.0, proposition.RationingBound, 6);
        Assert.Equal(expected, conditions.NoFreeLunch.CompetitiveEquilibriumOptimal);
        Assert.Equal(expected is null ? NoFreeLunchBasis.Undecided : NoFreeLunchBasis.PropositionOne, conditions.NoFreeLunch.Basis);
        Assert.False(conditions.LumpSumsAllowed.CompetitiveEquilibriumOptimal); // the other model's answer differs

        // The solver under No Free Lunch agrees where the proposition decides (and with Claim 2 at m = 2.5).
        var optimum = OptimalMechanismSolver.Solve(market, lumpSumsAllowed: false);
        var form = optimum.MechanismClass.Form;
        Assert.Equal(expected != false ? MechanismForm.CompetitiveEquilibrium : MechanismForm.PriceFloorSellerRationing, form);
    }

    [Fact]
    public void PropositionOneIsNotApplicableWhenBuyersArePoorerOrWithSameSideInequality()
    {
        var poorerBuyers = MarketDiagnosis.Compute(SolverTestMarkets.UniformExample(0.5)).Conditions;
        Assert.False(poorerBuyers.NoFreeLunch.PropositionOne.Applies);
        Assert.Contains("Lambda_B > Lambda_S", poorerBuyers.NoFreeLunch.PropositionOne.NotApplicableReason);
        Assert.Null(poorerBuyers.NoFreeLunch.CompetitiveEquilibriumOptimal);
        Assert.True(double.IsNaN(poorerBuyers.NoFreeLunch.PropositionOne.RationingBound));

        var sectionSeven = MarketDiagnosis.Compute(SolverTestMarkets.SectionSeven(3.0, 0.5, 1.0)).Conditions;
        Assert.False(sectionSeven.NoFreeLunch.PropositionOne.Applies);
        Assert.Contains("same-side inequality", sectionSeven.NoFreeLunch.PropositionOne.NotApplicableReason);
    }

    [Theory]
    // 000 Section 7.1: Delta'_S(0) = 1/(alpha (alpha - beta - 1)) when alpha > beta + 1, +infinity otherwise.
    // alpha = 3, beta = 0.5: 1/(3 * 1.5) = 0.2222; alpha = 2, beta = 0.3: 1/(2 * 0.7) = 0.7143;
    // alpha = 4, beta = 2 (g_S(0) = 0): 1/(4 * 1) = 0.25; alpha = 2.5, beta = 1.2: 1/(2.5 * 0.3) = 1.3333.
    [InlineData(3.0, 0.5, 0.2222222222)]
    [InlineData(2.0, 0.3, 0.7142857143)]
    [InlineData(4.0, 2.0, 0.25)]
    [InlineData(2.5, 1.2, 1.3333333333)]
    [InlineData(1.5, 1.0, double.PositiveInfinity)]
    [InlineData(2.0, 1.5, double.PositiveInfinity)]
    public void RemarkTwoSlopeMatchesSectionSevenClosedForm(double alpha, double beta, double expected)
    {
        var conditions = MarketDiagnosis.Compute(SolverTestMarkets.SectionSeven(alpha, beta, 1.0)).Conditions;
        var slope = conditions.LumpSumsAllowed.RemarkTwo.Slope;
        if (double.IsPositiveInfinity(expected))
        {
            Assert.True(slope > 1.0, $"slope {slope}");
        }
        else
        {
            Assert.Equal(expected, slope, expected * 2e-3);
        }

        // Remark 2 (with the family's regularity, which 000 Section 7 states and the check confirms): a price
        // mechanism is optimal with lump sums exactly when beta < alpha - 1 - 1/alpha (slope <= 1).
        Assert.True(conditions.Regularity.VirtualSurplusesNonDecreasing);
        Assert.True(conditions.Regularity.AssumptionOne);
        bool below = beta < alpha - 1 - 1 / alpha;
        Assert.Equal(below, conditions.LumpSumsAllowed.RemarkTwo.Holds);
        Assert.Equal(below ? true : null, conditions.LumpSumsAllowed.PriceMechanismOptimal);
        // 000 Section 7.1: that price mechanism is a wedge "with a lump-sum transfer to sellers", not CE: sellers are
        // poorer on average (Lambda_S = alpha/(alpha - 1) > 1 = Lambda_B), and 001 (5.3) fails.
        Assert.False(conditions.LumpSumsAllowed.CompetitiveEquilibriumOptimal);
        Assert.True(conditions.LumpSumsAllowed.CompetitiveEquilibriumMargin < 0);
    }

    [Theory]
    // The same family as a scenario writes it (v^K power, v^M Pareto): the law is tabulated from quadrature, and the
    // slope is read off the quadrature law near r_S. Closed forms as above; the quadrature's lambda_S is resolved to
    // about 2% at rates 1e-8 when it converges slowly (alpha - beta - 1 = 0.3).
    [InlineData(3.0, 0.5, 0.2222222222)]
    [InlineData(2.0, 0.3, 0.7142857143)]
    [InlineData(2.5, 1.2, 1.3333333333)]
    [InlineData(1.5, 1.0, double.PositiveInfinity)]
    public void RemarkTwoSlopeOnTheScenarioLaw(double alpha, double beta, double expected)
    {
        var law = RateLawFactory.Create(new TwoDimensionalLawSpec(new PowerSpec(beta), new ParetoSpec(1, alpha)));
        var slope = OptimalityConditionCheck.RemarkTwo(law).Slope;
        if (double.IsPositiveInfinity(expected)) Assert.Equal(double.PositiveInfinity, slope);
        else Assert.Equal(expected, slope, expected * 0.03);
    }

    [Fact]
    public void RemarkOneBoundMatchesClosedFormAndTheSolverRationsBelowIt()
    {
        // alpha = 1.5, beta = 0.8: high same-side inequality (beta > (alpha^2 - alpha)/(alpha + 1) = 0.3). Independent
        // computation: bisecting the closed form lambdabar_S(r) of docs/theory.md §1.4 for lambdabar_S = 2 gives
        // r* = 0.0164940, and G_S(r) = (alpha r^beta - beta r^alpha)/(alpha - beta) (integrate P(v^K <= r v^M) over
        // the Pareto law) gives G_S(r*) = 0.0779047.
        double alpha = 1.5, beta = 0.8;
        var diagnostics = MarketDiagnosis.Compute(SolverTestMarkets.SectionSeven(alpha, beta, 0.05));
        var remark = diagnostics.Conditions.LumpSumsAllowed.RemarkOne;
        Assert.Equal(SameSideInequality.High, diagnostics.SellerInequality);
        Assert.False(diagnostics.CompetitiveEquilibriumOptimal); // 001 (5.3) fails: the remark's premise
        Assert.True(diagnostics.Conditions.Regularity.SellerDensityNonIncreasing); // beta < 1: g_S decreasing
        Assert.NotNull(remark.Bound);
        Assert.Equal(0.0779047, remark.Bound!.Value, 5e-6);
        Assert.True(remark.HypothesesHold, remark.HypothesesFailure);
        Assert.True(remark.BoundHolds);
        Assert.True(remark.SellersRationed);

        // Theorem 3's conclusion at mu = 0.05 <= 0.0779: the optimum with lump sums rations the sellers.
        var optimum = OptimalMechanismSolver.Solve(SolverTestMarkets.SectionSeven(alpha, beta, 0.05), lumpSumsAllowed: true);
        Assert.True(optimum.MechanismClass.SellerPriceRationing, optimum.MechanismClass.Name);

        // Above the bound the remark is silent (not a proof of the opposite).
        var above = MarketDiagnosis.Compute(SolverTestMarkets.SectionSeven(alpha, beta, 0.5)).Conditions.LumpSumsAllowed.RemarkOne;
        Assert.False(above.BoundHolds);
        Assert.False(above.SellersRationed);
    }

    [Fact]
    public void RemarkOneNeedsADecreasingSellerDensity()
    {
        // beta = 2 > 1: g_S(0) = 0, so g_S rises first and the remark does not apply, although the bound is defined.
        var remark = MarketDiagnosis.Compute(SolverTestMarkets.SectionSeven(1.5, 2.0, 0.01)).Conditions.LumpSumsAllowed.RemarkOne;
        Assert.NotNull(remark.Bound);
        Assert.False(remark.HypothesesHold);
        Assert.Contains("g_S", remark.HypothesesFailure);
        Assert.False(remark.SellersRationed);
    }
}

using MarketSim.Core.Agents;
using MarketSim.Core.Laws;
using MarketSim.Core.Distributions;
using MarketSim.Core.OneSided;
using MarketSim.Core.Theory;
using MarketSim.Core.Theory.RateLaws;

namespace MarketSim.Core.Experiments;

/// <summary>
/// The optimal seller price against the quantity Q for given budgets R (001 Proposition 1; 002 slides
/// "The Optimal Seller Price"; docs/theory.md §1.6): sellers' rates r ~ U[0, 1] with the Pareto weight
/// lambda(r) = (1 - r)^2 + 0.05 (high same-side inequality: lambda(0) / Lambda = 2.74 &gt; 2). Below the
/// threshold Q(R) sellers are rationed at one price above p_S^C = Q; Q(R) rises with R. Q with
/// Q p_S^C &gt; R cannot be bought and are left out.
/// </summary>
public static class OneSidedStudy
{
    public static readonly IReadOnlyList<double> SellerWeight = [1.05, -2, 1];

    public static IRateLaw SellerLaw() => RateLawFactory.Create(new ParetoWeightLawSpec(new UniformSpec(0, 1), SellerWeight));

    public static IReadOnlyList<OneSidedPoint> SellerPrices(IReadOnlyList<double> revenues, IReadOnlyList<double> quantities, int gridPoints = 2000)
    {
        var law = SellerLaw();
        var points = new List<OneSidedPoint>();
        foreach (var revenue in revenues)
        {
            foreach (var quantity in quantities)
            {
                if (quantity * law.Quantile(quantity) > revenue)
                {
                    continue;
                }

                var solution = OneSidedSolver.Solve(new OneSidedProblem(Side.Sellers, law, quantity, revenue), gridPoints);
                var option = solution.Options[0];
                points.Add(new OneSidedPoint(revenue, quantity, solution.Class, option.Price, option.Probability, solution.CompetitivePrice, solution.LumpSum, solution.Welfare));
            }
        }

        return points;
    }
}

/// <summary>One (R, Q): the class, the most eager sellers' price and sale probability, p_S^C, the lump sum and the welfare.</summary>
public sealed record OneSidedPoint(
    double Revenue, double Quantity, OneSidedMechanismClass Class, double Price, double Probability, double CompetitivePrice, double LumpSum, double Welfare);

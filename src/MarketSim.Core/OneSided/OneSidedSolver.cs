using MarketSim.Core.Agents;
using MarketSim.Core.Theory.Solver;

namespace MarketSim.Core.OneSided;

/// <summary>
/// Solves a <see cref="OneSidedProblem"/> (docs/theory.md §1.6; 001 B.9; 002 slides).
/// <para>Reduction. A non-increasing trade probability in the agents' eagerness (sellers: rising rate;
/// buyers: falling rate) is a mixture H of cut-offs s in [0, 1] ("the s most eager trade surely at the
/// price p(s) = G_S^{-1}(s), resp. G_B^{-1}(1 - s)"). By the envelope theorem such a cut-off gives the side
/// phi(s) = W_S(p(s)) = int lambda (p - r)^+ dG (sellers) or W_B(p(s)) = int lambda (r - p)^+ dG (buyers) in
/// welfare and moves kappa(s) = s p(s) in money. So the problem is: choose H with mean Q maximising
/// E_H[phi] + Lambda_j L, the lump sum L = R - E_H[kappa] (sellers) or E_H[kappa] - R (buyers), L &gt;= 0
/// (on the slides' single-price menus these are exactly their objectives).</para>
/// <para>Solution. With a multiplier alpha &gt;= Lambda_j on the budget the objective is E_H[phi -/+ alpha
/// kappa]; its maximum over H with mean Q is the upper concave hull of phi -/+ alpha kappa at Q (the
/// "concave closure" of 001 B.9; <see cref="UpperConcaveHull"/>), attained by the two hull vertices around
/// Q. alpha = Lambda_j if that leaves L &gt;= 0; otherwise the money moved is monotone in alpha and alpha is
/// bisected to where L reaches 0, mixing the solutions on both sides of the jump so that L = 0 exactly
/// (complementary slackness). Cut-offs live on a grid of <c>gridPoints</c> steps plus Q itself.</para>
/// <para>Menu. Cut-offs s_1 &lt; ... &lt; s_m with weights w_l give the option of the types between s_{i-1}
/// and s_i: probability P_i = sum_{l &gt;= i} w_l and payment T_i = sum_{l &gt;= i} w_l p(s_l) (the type at
/// s_i is indifferent between options i and i + 1).</para>
/// </summary>
public static class OneSidedSolver
{
    public const int DefaultGridPoints = 4000;

    private const int Bisections = 100;

    public static OneSidedSolution Solve(OneSidedProblem problem, int gridPoints = DefaultGridPoints)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfLessThan(gridPoints, 4);
        var law = problem.Law;
        var sellers = problem.Side == Side.Sellers;
        var quantity = problem.Quantity;

        // The grid of cut-offs with Q inserted, so that the competitive price is exactly one of them.
        // Grid points within 1e-9 of Q are dropped so that no near-duplicate of Q competes with it.
        var cutoffs = Enumerable.Range(0, gridPoints + 1).Select(k => (double)k / gridPoints)
            .Where(s => Math.Abs(s - quantity) > 1e-9).Append(quantity).Order().ToArray();
        var at = Array.IndexOf(cutoffs, quantity);
        var price = cutoffs.Select(s => Math.Clamp(law.Quantile(sellers ? s : 1 - s), law.Lower, law.Upper)).ToArray();
        price[0] = sellers ? law.Lower : law.Upper; // s = 0: nobody trades
        var welfare = cutoffs.Select((s, k) => sellers ? law.SellerSurplus(price[k]) : law.BuyerSurplus(price[k])).ToArray();
        var money = cutoffs.Select((s, k) => s * price[k]).ToArray();
        var lambda = law.MeanParetoWeight;

        // Sellers: spending E[kappa] <= R; buyers: revenue E[kappa] >= R.
        bool Affordable(Mixture mixture) => sellers ? mixture.Money <= problem.Revenue : mixture.Money >= problem.Revenue;

        var low = Best(lambda);
        if (Affordable(low))
        {
            return Build(low, lambda);
        }

        var highMultiplier = 2 * lambda + 1;
        var high = Best(highMultiplier);
        for (var doubling = 0; !Affordable(high); doubling++)
        {
            if (doubling == 60)
            {
                throw new ArgumentException(
                    sellers
                        ? $"revenue {problem.Revenue} cannot buy quantity {quantity}: even the cheapest menu spends more"
                        : $"revenue {problem.Revenue} cannot be raised selling quantity {quantity}: even the best menu raises less",
                    "revenue");
            }

            (low, highMultiplier) = (high, highMultiplier * 2);
            high = Best(highMultiplier);
        }

        var lowMultiplier = low.Multiplier;
        for (var step = 0; step < Bisections && highMultiplier - lowMultiplier > 1e-14 * highMultiplier; step++)
        {
            var middle = Best(0.5 * (lowMultiplier + highMultiplier));
            if (Affordable(middle))
            {
                (high, highMultiplier) = (middle, middle.Multiplier);
            }
            else
            {
                (low, lowMultiplier) = (middle, middle.Multiplier);
            }
        }

        // Mix so that the lump sum is exactly 0: theta Money_low + (1 - theta) Money_high = R.
        var gap = low.Money - high.Money;
        if (Math.Abs(high.Money - problem.Revenue) <= 1e-13 * Math.Max(1, Math.Abs(problem.Revenue)) || gap == 0)
        {
            return Build(high, highMultiplier);
        }

        var theta = (problem.Revenue - high.Money) / gap;
        var atoms = new Dictionary<int, double>();
        foreach (var (index, weight) in low.Atoms)
        {
            atoms[index] = atoms.GetValueOrDefault(index) + (theta * weight);
        }

        foreach (var (index, weight) in high.Atoms)
        {
            atoms[index] = atoms.GetValueOrDefault(index) + ((1 - theta) * weight);
        }

        return Build(Mixture.Of(atoms.Select(pair => (pair.Key, pair.Value)).ToArray(), money, highMultiplier), highMultiplier);

        // The best H with mean Q for phi -/+ alpha kappa: the hull vertices around Q.
        Mixture Best(double multiplier)
        {
            var objective = welfare.Select((w, k) => sellers ? w - (multiplier * money[k]) : w + (multiplier * money[k])).ToArray();
            var vertices = new int[cutoffs.Length];
            var count = UpperConcaveHull.Compute(cutoffs, objective, vertices);
            var right = 0;
            while (vertices[right] < at)
            {
                right++;
            }

            if (vertices[right] == at)
            {
                return Mixture.Of([(at, 1.0)], money, multiplier);
            }

            var (a, b) = (vertices[right - 1], vertices[right]);
            var upper = (quantity - cutoffs[a]) / (cutoffs[b] - cutoffs[a]);
            return Mixture.Of([(a, 1 - upper), (b, upper)], money, multiplier);
        }

        OneSidedSolution Build(Mixture mixture, double multiplier)
        {
            // Positive cut-offs, ascending; s = 0 (nobody trades) is no option. Where the budget binds the
            // continuum optimum's cut-off (e.g. the single price R/Q) falls between two grid points and the
            // mixture straddles it: atoms at most two grid steps apart are one cut-off, at their mean
            // (the mean Q is kept; the money moved changes by O(step^2)).
            var atoms = new List<(double Cutoff, double Weight)>();
            foreach (var (index, weight) in mixture.Atoms.Where(atom => atom.Index > 0 && atom.Weight > 1e-12).OrderBy(atom => atom.Index))
            {
                if (atoms.Count > 0 && cutoffs[index] - atoms[^1].Cutoff <= 2.5 / gridPoints)
                {
                    var merged = atoms[^1].Weight + weight;
                    atoms[^1] = (((atoms[^1].Cutoff * atoms[^1].Weight) + (cutoffs[index] * weight)) / merged, merged);
                }
                else
                {
                    atoms.Add((cutoffs[index], weight));
                }
            }

            double PriceAt(double cutoff) => Math.Clamp(law.Quantile(sellers ? cutoff : 1 - cutoff), law.Lower, law.Upper);
            double WelfareAt(double cutoff) => sellers ? law.SellerSurplus(PriceAt(cutoff)) : law.BuyerSurplus(PriceAt(cutoff));
            var options = new List<OneSidedOption>();
            for (var i = 0; i < atoms.Count; i++)
            {
                double probability = 0, payment = 0;
                for (var l = i; l < atoms.Count; l++)
                {
                    probability += atoms[l].Weight;
                    payment += atoms[l].Weight * PriceAt(atoms[l].Cutoff);
                }

                options.Add(new OneSidedOption(Math.Min(probability, 1), payment));
            }

            var moved = atoms.Sum(atom => atom.Weight * atom.Cutoff * PriceAt(atom.Cutoff));
            var lumpSum = Math.Max(0, sellers ? problem.Revenue - moved : moved - problem.Revenue);
            var value = atoms.Sum(atom => atom.Weight * WelfareAt(atom.Cutoff)) + (lambda * lumpSum);
            var kind = options.Count switch
            {
                1 when options[0].Probability >= 1 - 1e-9 => OneSidedMechanismClass.CompetitivePrice,
                1 => OneSidedMechanismClass.RationingAtSinglePrice,
                2 => OneSidedMechanismClass.TwoPrices,
                _ => OneSidedMechanismClass.SeveralPrices,
            };
            return new OneSidedSolution(options, lumpSum, value, kind, multiplier, problem.CompetitivePrice);
        }
    }

    /// <summary>A distribution of cut-offs (grid indices and weights) and the money it moves, E[kappa].</summary>
    private sealed record Mixture((int Index, double Weight)[] Atoms, double Money, double Multiplier)
    {
        public static Mixture Of((int Index, double Weight)[] atoms, double[] money, double multiplier) =>
            new(atoms, atoms.Sum(atom => atom.Weight * money[atom.Index]), multiplier);
    }
}

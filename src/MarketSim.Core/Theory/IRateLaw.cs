namespace MarketSim.Core.Theory;

/// <summary>
/// The continuum law of one side's rate of substitution r = v^K / v^M together with the Pareto
/// weights (docs/theory.md §1.1): everything the continuum theory (CE, posted mechanisms, the solver) needs.
/// Expectations are over the side's two-dimensional law.
/// </summary>
public interface IRateLaw
{
    /// <summary>r_j: lower end of the support of r.</summary>
    double Lower { get; }

    /// <summary>rbar_j: upper end of the support of r (finite for every law MarketSim solves).</summary>
    double Upper { get; }

    /// <summary>G_j(r) = P(R &lt;= r).</summary>
    double Cdf(double rate);

    /// <summary>g_j(r).</summary>
    double Density(double rate);

    /// <summary>G_j^{-1}(q).</summary>
    double Quantile(double probability);

    /// <summary>lambda_j(r) = E[v^M | R = r].</summary>
    double ParetoWeight(double rate);

    /// <summary>Lambda_j = E[v^M].</summary>
    double MeanParetoWeight { get; }

    /// <summary>int_{r_j}^{r} lambda_j dG_j = E[v^M 1{R &lt;= r}].</summary>
    double WeightBelow(double rate);

    /// <summary>E[(p v^M - v^K)^+] = int_{r_j}^{p} lambda_j(tau) (p - tau) dG_j(tau): what a seller
    /// of this side gains, in utils, from selling surely at price p (W_S of docs/theory.md §1.3).</summary>
    double SellerSurplus(double price);

    /// <summary>E[(v^K - p v^M)^+] = int_p^{rbar_j} lambda_j(tau) (tau - p) dG_j(tau): a buyer's gain
    /// in utils from buying surely at price p (W_B of docs/theory.md §1.3).</summary>
    double BuyerSurplus(double price);
}

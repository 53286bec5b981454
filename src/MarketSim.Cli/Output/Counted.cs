using System.Globalization;

namespace MarketSim.Cli.Output;

/// <summary>A count with its noun in the right number: "1 point", "2 points", "0 replications".</summary>
public static class Counted
{
    public static string Of(long count, string unit) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? unit : unit + "s");
}

using MarketSim.Cli.Options;
using System.Diagnostics;
using System.Globalization;
using MarketSim.Cli.Output;
using MarketSim.Cli.Scenarios;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using MarketSim.Core.Stress;
using MarketSim.Core.Stress.Entry;
using MarketSim.Simulation.Running;
using Spectre.Console;
using MarketSim.Simulation;

namespace MarketSim.Cli.Commands;

/// <summary>
/// <c>stress</c>: budget balance with finite populations (issue 8, docs/budget-balance.md). For every
/// size N_S in <c>--sizes</c> the scenario's two-sided mechanisms run with PROMISED lump sums through
/// the same actor pipeline as <c>run</c>; the replications are folded into stress.csv (deficit
/// probability, shortfall, surplus quantiles, safety margin, broken promises, realised versus promised
/// trade probabilities, welfare gap to the continuum, each with a 95% interval), the margins' scaling
/// in N into margin-fit.csv; with <c>--entry</c> the scenario's <c>entry</c> block runs the "No Free
/// Lunch" entry dynamics into entry.csv. Then manifest.json. The study itself (sizes, analysis, fits,
/// entry) is Core's <see cref="StressStudy"/>; this verb parses, checks, runs it on the actor pipeline
/// and writes. The PNGs (<see cref="Figures.StressPlots"/>) plot the headline measures against N on log axes.
/// </summary>
public static class StressCommand
{
    public const string DefaultSizes = "10,30,100,300,1000,3000,10000,100000";

    public static async Task<int> ExecuteAsync(StressOptions options, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var timings = new Dictionary<string, double>();
        var loaded = ScenarioLoader.Load(options.ScenarioFile);
        var scenario = loaded.Scenario with { Seed = options.Seed ?? loaded.Scenario.Seed };
        var sizes = ParseSizes(options.Sizes ?? DefaultSizes);
        var workers = options.Workers ?? Environment.ProcessorCount;
        CheckAtLeastOne("--workers", workers);
        if (options.Replications is { } replications)
        {
            CheckAtLeastOne("--replications", replications);
        }

        if (!(options.MaxDeficitProbability > 0 && options.MaxDeficitProbability < 1))
        {
            throw new InvalidInputException("(command line)", "--max-deficit-probability", $"must lie strictly between 0 and 1 (found {options.MaxDeficitProbability.ToString(CultureInfo.InvariantCulture)})");
        }

        if (scenario.Market is null || !scenario.Mechanisms.Any(Core.Replications.MechanismFactory.IsTwoSided))
        {
            throw new InvalidInputException(loaded.File, "mechanisms", "the stress test needs a two-sided market and at least one two-sided mechanism");
        }

        if (options.Entry && scenario.Entry is null)
        {
            throw new InvalidInputException(loaded.File, "entry", "--entry needs an 'entry: { pool, side, cost, rounds }' block in the scenario");
        }

        // Admission control at the largest size, then the folder: refused before anything is allocated or written.
        var largest = scenario with { Market = scenario.Market with { Sellers = sizes[^1] } };
        if (Math.Round(sizes[^1] * scenario.Market.BuyersPerSeller) > InputLimits.MaxAgentsPerSide)
        {
            throw new InvalidInputException("(command line)", "--sizes", $"{sizes[^1]} sellers make more than {InputLimits.MaxAgentsPerSide} buyers at {scenario.Market.BuyersPerSeller} buyers per seller (docs/running.md, Limits)");
        }

        MemoryAdmission.Check(loaded.File, largest, workers, options.MaxMemoryBytes);
        ModelChecks.Build(loaded, StressScenario.ForSize(scenario, scenario.Market.Sellers, policy: null));
        var folder = options.OutputFolder ?? Path.Combine("output", scenario.Name + "-stress");
        OutputFolder.Claim(folder, "stress", loaded.File, options.Force);
        timings["load"] = clock.Elapsed.TotalSeconds;

        var sizeStart = clock.Elapsed;
        var study = await StressStudy.RunAsync(
            scenario,
            sizes,
            options.Replications,
            options.MaxDeficitProbability,
            (model, count, token) => SimulationRunner.RunAsync(model, new SimulationOptions(count, workers), cancellationToken: token),
            (sellers, count) =>
            {
                timings[$"size_{sellers}"] = (clock.Elapsed - sizeStart).TotalSeconds;
                console.MarkupLineInterpolated($"N_S = {sellers}: {count} replications ({(clock.Elapsed - sizeStart).TotalSeconds:0.0} s)");
                sizeStart = clock.Elapsed;
            },
            cancellationToken);
        var (rows, theoryRows, fits, totalReplications) = study;

        IReadOnlyList<EntryRound>? entryRounds = null;
        if (options.Entry)
        {
            var entryStart = clock.Elapsed;
            entryRounds = StressStudy.Entry(scenario);
            timings["entry"] = (clock.Elapsed - entryStart).TotalSeconds;
        }

        var writeStart = clock.Elapsed;
        Directory.CreateDirectory(folder);
        var files = new List<string> { StressFiles.Stress, StressFiles.MarginFit, StressFiles.Theory };
        StressFiles.WriteStress(Path.Combine(folder, StressFiles.Stress), rows);
        StressFiles.WriteStress(Path.Combine(folder, StressFiles.Theory), theoryRows);
        StressFiles.WriteMarginFit(Path.Combine(folder, StressFiles.MarginFit), fits);
        if (entryRounds is not null)
        {
            StressFiles.WriteEntry(Path.Combine(folder, StressFiles.Entry), entryRounds);
            files.Add(StressFiles.Entry);
        }

        foreach (var image in Figures.StressPlots.Draw(scenario.Name, rows, fits, entryRounds, theoryRows))
        {
            AtomicFile.Write(Path.Combine(folder, image.FileName), stream => stream.Write(image.Png));
            files.Add(image.FileName);
        }

        timings["write"] = (clock.Elapsed - writeStart).TotalSeconds;
        timings["wall"] = clock.Elapsed.TotalSeconds;
        // The manifest's replication count is the total over all sizes; stress.csv's n column has each size's.
        Manifest.Create("stress", loaded, scenario.Seed, totalReplications, workers, startedAt, timings, folder, files).Write(folder);

        Show(console, scenario.Name, options.MaxDeficitProbability, rows, fits, entryRounds, LumpSumPolicies(scenario));
        console.MarkupLineInterpolated($"Wrote [bold]{folder}[/]: {string.Join(", ", files)}, {Manifest.FileName} ({clock.Elapsed.TotalSeconds:0.0} s).");
        return ExitCodes.Success;
    }

    /// <summary>"10,30,100": distinct whole numbers >= 1, run in increasing order.</summary>
    public static IReadOnlyList<int> ParseSizes(string text)
    {
        var sizes = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) || size < 1 || size > InputLimits.MaxAgentsPerSide)
            {
                throw new InvalidInputException("(command line)", "--sizes", $"expected comma-separated numbers of sellers from 1 to {InputLimits.MaxAgentsPerSide}, found '{part}'");
            }

            sizes.Add(size);
        }

        return sizes.ToArray();
    }

    private static void CheckAtLeastOne(string option, int value)
    {
        if (value < 1)
        {
            throw new InvalidInputException("(command line)", option, $"must be at least 1 (found {value})");
        }
    }

    private static void Show(
        IAnsiConsole console, string scenario, double level, IReadOnlyList<StressRow> rows,
        IReadOnlyList<MarginScaling> fits, IReadOnlyList<EntryRound>? entryRounds, IReadOnlyDictionary<string, string> policies)
    {
        var table = new Table().Title($"{scenario}: each mechanism with its own lump-sum policy, 95% intervals")
            .AddColumns("mechanism", "lump sum", "N_S", "P(deficit)", "5% quantile of surplus", $"safety margin ({Format(level)})", "n");
        foreach (var group in rows.GroupBy(row => (row.Mechanism, row.Sellers)))
        {
            string Cell(string metric) => group.FirstOrDefault(row => row.Metric == metric) is { } row
                ? Markup.Escape($"{Format(row.Value)} [{Format(row.ConfidenceLow)}, {Format(row.ConfidenceHigh)}]")
                : "";
            table.AddRow(
                Markup.Escape(group.Key.Mechanism),
                policies.GetValueOrDefault(group.Key.Mechanism, "none"),
                group.Key.Sellers.ToString(CultureInfo.InvariantCulture),
                Cell(StressMetrics.DeficitProbability),
                Cell(StressMetrics.BudgetSurplusQuantile05),
                Cell(StressMetrics.SafetyMarginPerAgent),
                group.First().Count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        foreach (var fit in fits.Where(fit => fit.Points >= 2))
        {
            console.MarkupLine(Markup.Escape(
                $"{fit.Mechanism}: safety margin ~ N^b, b = {Format(fit.Exponent)} [{Format(fit.ExponentLow)}, {Format(fit.ExponentHigh)}] over {fit.Points} sizes (theory -0.5)"));
        }

        if (entryRounds is not null)
        {
            foreach (var mechanism in entryRounds.GroupBy(round => round.Mechanism))
            {
                var last = mechanism.Last();
                console.MarkupLine(Markup.Escape(
                    $"entry, {mechanism.Key}: {last.Round} rounds, {last.Buyers} buyers and {last.Sellers} sellers, {last.NonTradingEntrants} entrants not trading, budget surplus per initial seller {Format(mechanism.First().BudgetSurplus)} -> {Format(last.BudgetSurplus)}"));
            }
        }
    }

    /// <summary>"realized" or "promised" per mechanism label (mechanisms without a lump sum are absent).</summary>
    private static Dictionary<string, string> LumpSumPolicies(Scenario scenario) =>
        StressStudy.LumpSumPolicies(scenario)
            .ToDictionary(entry => entry.Key, entry => entry.Value == LumpSumPolicy.Realized ? "realized" : "promised");

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}

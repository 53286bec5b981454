using MarketSim.Simulation;
using System.Diagnostics;
using MarketSim.Cli.Commands;
using MarketSim.Cli.Scenarios;
using MarketSim.Core.Random;
using MarketSim.Core.Replications;
using MarketSim.Core.Scenarios;
using MarketSim.Simulation.Running;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Cli.Tests.Edges;

/// <summary>
/// Fuzzing the scenario loader (issue 13): the shipped scenarios, mutated at random (a field dropped,
/// duplicated, retyped, made huge, tiny, NaN, negative, unicode or deeply nested), go through what
/// <c>run</c> does before and at its first replication: load and validate, admission control, the model
/// and its finite continuum values, then one tiny replication in process. Every mutant must end as exit 0
/// (runs) or exit 2 (an <see cref="InvalidInputException"/>), within a time bound: never anything else
/// (exit 1), never a hang. Seeded: the same mutants on every run.
/// </summary>
public sealed class ScenarioFuzzTests(ITestOutputHelper output)
{
    private const int Mutants = 2000;
    private static readonly string FailureLog = Path.Combine(Path.GetTempPath(), "marketsim-fuzz-failures.txt");
    private const ulong Seed = 20261130;
    private static readonly TimeSpan PerMutant = TimeSpan.FromSeconds(10);

    /// <summary>The admission limit of the fuzzed runs: the baseline plus a little, so a mutant market that is huge is refused, not run.</summary>
    private const long MaxMemory = (200L << 20) + (16L << 20);

    private static readonly string[] Kinds = ["drop", "duplicate", "retype", "huge", "tiny", "nan", "negative", "unicode", "nesting"];

    [Fact]
    public async Task EveryMutantOfTheShippedScenariosRunsOrIsRefusedWithExit2()
    {
        var sources = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "scenarios"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => (Path: path, Text: File.ReadAllText(path)))
            .ToArray();
        var random = new RandomStream(StreamKey.ForPurpose(Seed, 0, "fuzz", 0));
        var outcomes = new Dictionary<string, int> { ["exit 0"] = 0, ["exit 2"] = 0 };
        var failures = new List<string>();
        var models = new Dictionary<string, MarketModel>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        // The mutants first (one seeded stream), then their outcomes on every core.
        var mutants = Enumerable.Range(0, Mutants).Select(_ =>
        {
            var (path, text) = sources[random.NextInt(sources.Length)];
            var kind = Kinds[random.NextInt(Kinds.Length)];
            return (Path: path, Kind: kind, Text: Mutate(text, kind, random));
        }).ToArray();
        var codes = new int[Mutants];
        var details = new string[Mutants];
        var next = -1;
        var cores = Environment.ProcessorCount;
        var current = Enumerable.Repeat(-1, cores).ToArray();
        var startedAt = new long[cores];
        void Worker(int core)
        {
            int k;
            while ((k = Interlocked.Increment(ref next)) < Mutants)
            {
                Volatile.Write(ref startedAt[core], clock.ElapsedTicks);
                Volatile.Write(ref current[core], k);
                (codes[k], details[k]) = Outcome(mutants[k].Path, mutants[k].Text, models);
            }

            Volatile.Write(ref current[core], -1);
        }

        var workers = Enumerable.Range(0, cores)
            .Select(core => Task.Factory.StartNew(() => Worker(core), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        var all = Task.WhenAll(workers);
        while (!all.IsCompleted)
        {
            // A hang: one mutant holding its worker longer than the bound.
            for (var core = 0; core < cores; core++)
            {
                var k = Volatile.Read(ref current[core]);
                var running = TimeSpan.FromSeconds((clock.ElapsedTicks - Volatile.Read(ref startedAt[core])) / (double)Stopwatch.Frequency);
                Assert.False(k >= 0 && running > PerMutant, k >= 0 ? $"mutant {k} ({mutants[k].Kind} of {Path.GetFileName(mutants[k].Path)}) did not finish within {PerMutant}:\n{mutants[k].Text}" : "");
            }

            await Task.WhenAny(all, Task.Delay(100));
        }

        await all;
        for (var k = 0; k < Mutants; k++)
        {
            outcomes[$"exit {codes[k]}"] = outcomes.GetValueOrDefault($"exit {codes[k]}") + 1;
            if (codes[k] is not (0 or 2))
            {
                failures.Add($"mutant {k} ({mutants[k].Kind} of {Path.GetFileName(mutants[k].Path)}) exit {codes[k]}: {details[k]}\n{mutants[k].Text}");
            }
        }

        output.WriteLine($"{Mutants} mutants in {clock.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", outcomes.Select(pair => $"{pair.Key}: {pair.Value}"))}");
        if (failures.Count > 0)
        {
            File.WriteAllText(FailureLog, string.Join("\n\n", failures));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures (all in {FailureLog}); the first:\n" + string.Join("\n\n", failures.Take(3)));
        // Both outcomes occur: the mutations reach valid and invalid scenarios alike.
        Assert.True(outcomes["exit 0"] > 0 && outcomes["exit 2"] > 0);
    }

    /// <summary>What <c>run</c> would exit with, and why: 0 it runs, 2 invalid input, 1 anything else.</summary>
    /// <remarks>
    /// The model (the solved continuum: seconds for an auction) is a pure function of the market, the
    /// laws and the mechanisms, so mutants that differ elsewhere (name, seed, description, entry) share it.
    /// </remarks>
    private static (int Code, string Detail) Outcome(string path, string text, Dictionary<string, MarketModel> models)
    {
        try
        {
            var loaded = ScenarioLoader.LoadText(path, text);
            var scenario = loaded.Scenario with { Replications = 1 };
            MemoryAdmission.Check(path, scenario, 1, MaxMemory);
            var key = ModelKey(path, text);
            MarketModel? model;
            lock (models)
            {
                models.TryGetValue(key, out model);
            }

            if (model is null)
            {
                model = ModelChecks.Build(loaded, Tiny(scenario));
                lock (models)
                {
                    models[key] = model;
                }
            }

            var results = SimulationRunner.RunInProcess(model, 1);
            _ = RunSummary.Build(results, model.ContinuumValuesOf);
            return (0, string.Empty);
        }
        catch (InvalidInputException invalid)
        {
            Assert.DoesNotContain("System.", invalid.Message);
            return (2, invalid.Message);
        }
        catch (Exception exception)
        {
            return (1, exception.ToString());
        }
    }

    /// <summary>What the model depends on: the file and the document without name, seed, replications, description and entry.</summary>
    private static string ModelKey(string path, string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents[0].RootNode is YamlMappingNode root)
        {
            foreach (var key in new[] { "name", "seed", "replications", "description", "entry" })
            {
                root.Children.Remove(new YamlScalarNode(key));
            }
        }

        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return path + "\n" + writer;
    }

    /// <summary>The run's first replication, made tiny: at most 20 sellers, 3 groups or pairs (the loader saw the real sizes).</summary>
    private static Scenario Tiny(Scenario scenario) => scenario with
    {
        Market = scenario.Market is { } market
            ? market with { Sellers = Math.Min(market.Sellers, 20), BuyersPerSeller = Math.Min(market.BuyersPerSeller, 5) }
            : null,
        Mechanisms = scenario.Mechanisms.Select(spec => spec switch
        {
            RedistributiveAuctionSpec auction => auction with { Groups = Math.Min(auction.Groups, 3) },
            MultiObjectThresholdSpec multiObject => multiObject with { Pairs = Math.Min(multiObject.Pairs, 3) },
            _ => spec,
        }).ToArray(),
    };

    private static string Mutate(string text, string kind, RandomStream random)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = stream.Documents[0].RootNode;
        var slots = new List<(YamlNode Parent, YamlNode Key)>();
        Collect(root, slots);
        var (parent, key) = slots[random.NextInt(slots.Count)];
        var current = Get(parent, key);
        switch (kind)
        {
            case "drop":
                Remove(parent, key);
                break;
            case "duplicate":
                if (parent is YamlSequenceNode list)
                {
                    list.Children.Add(current);
                }
                else
                {
                    Set(parent, key, new YamlSequenceNode(current, current));
                }

                break;
            case "retype":
                Set(parent, key, current switch
                {
                    YamlScalarNode scalar => random.NextUniform() < 0.5 ? new YamlSequenceNode(scalar) : new YamlMappingNode(new YamlScalarNode("x"), scalar),
                    YamlSequenceNode => new YamlScalarNode("text"),
                    _ => new YamlSequenceNode(new YamlScalarNode("1"), new YamlScalarNode("2")),
                });
                break;
            case "nesting":
                YamlNode deep = new YamlScalarNode("1");
                for (var level = 0; level < 200; level++)
                {
                    deep = random.NextUniform() < 0.5 ? new YamlSequenceNode(deep) : new YamlMappingNode(new YamlScalarNode("k"), deep);
                }

                Set(parent, key, deep);
                break;
            default:
                string[] values = kind switch
                {
                    "huge" => ["1e308", "1.7976931348623157e308", "3000000000", "99999999999999999999", "1e13", "2147483647"],
                    "tiny" => ["5e-324", "1e-300", "1e-13", "0", "0.0000001"],
                    "nan" => [".nan", "NaN", ".inf", "-.inf"],
                    "negative" => ["-1", "-0.5", "-1e9", "-0"],
                    _ => ["名前", "\u202eevil", "🙂", "e\u0301", "\u0000", "Ωmega-1"],
                };
                Set(parent, key, new YamlScalarNode(values[random.NextInt(values.Length)]));
                break;
        }

        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    /// <summary>Every (parent, key or index) slot of the tree; sequence slots are keyed by their item.</summary>
    private static void Collect(YamlNode node, List<(YamlNode Parent, YamlNode Key)> slots)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children.ToArray())
                {
                    slots.Add((mapping, key));
                    Collect(value, slots);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children.ToArray())
                {
                    slots.Add((sequence, item));
                    Collect(item, slots);
                }

                break;
        }
    }

    private static YamlNode Get(YamlNode parent, YamlNode key) => parent is YamlMappingNode mapping ? mapping.Children[key] : key;

    private static void Set(YamlNode parent, YamlNode key, YamlNode value)
    {
        if (parent is YamlMappingNode mapping)
        {
            mapping.Children[key] = value;
        }
        else
        {
            var sequence = (YamlSequenceNode)parent;
            sequence.Children[sequence.Children.IndexOf(key)] = value;
        }
    }

    private static void Remove(YamlNode parent, YamlNode key)
    {
        if (parent is YamlMappingNode mapping)
        {
            mapping.Children.Remove(key);
        }
        else
        {
            ((YamlSequenceNode)parent).Children.Remove(key);
        }
    }
}

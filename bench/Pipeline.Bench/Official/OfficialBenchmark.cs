
namespace Pipeline.Bench.Official;

/// <summary>
/// <c>official</c>: the real official runner (its checkout, beside the project) and <c>lcb grade</c> on the same
/// samples with the same number of workers, alternating, best of several rounds; prints samples/s, the ratio,
/// each one's peak memory (from one more, untimed round each), and whether the verdicts agree. Sets: the bundled corpus without time-outs, generated
/// large suites, and the trivial set (print(0) for every bundled problem).
/// </summary>
internal sealed class OfficialBenchmark : IBenchmark
{
    public string Name => "official";
    public string Description => "--sets corpus,large,trivial --workers 2,4 --rounds 3 --sizes 10,30,100 --tests 30 --large-samples 20 " +
                                 "--official /work/lcb-official --repository DIR (whose lcb; default this one) --timings true (lcb grade vs the real official runner)";

    public async Task<int> RunAsync(BenchArguments arguments)
    {
        var checkout = arguments.Get("official") ?? "/work/lcb-official";
        if (!File.Exists(Path.Combine(checkout, "lcb_runner", "evaluation", "compute_code_generation_metrics.py")))
        {
            Console.Error.WriteLine($"error: no official LCB checkout at {checkout} (pass --official DIR)");
            return 2;
        }
        var sets = (arguments.Get("sets") ?? "corpus,large").Split(',');
        var workerCounts = (arguments.Get("workers") ?? "2,4").Split(',').Select(int.Parse).ToList();
        var rounds = (int)arguments.Get("rounds", 3);
        var timings = arguments.Get("timings") == "true";
        var repository = Path.GetFullPath(arguments.Get("repository") ?? Repository.Root);
        var scratch = Directory.CreateTempSubdirectory("pipeline-bench-official-").FullName;
        try
        {
            Console.WriteLine($"load average at start: {LoadAverage()}; {Environment.ProcessorCount} cores; official runner: {checkout}");
            Console.WriteLine($"lcb grade of {repository}");
            await Runners.BuildLcbAsync(repository);
            foreach (var set in Sets(sets, scratch, arguments))
            {
                foreach (var workers in workerCounts)
                {
                    await CompareAsync(checkout, repository, set, workers, rounds, scratch, timings);
                }
            }
            Console.WriteLine($"load average at end: {LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static IEnumerable<BenchSet> Sets(IEnumerable<string> names, string scratch, BenchArguments arguments)
    {
        foreach (var name in names)
        {
            switch (name)
            {
                case "corpus":
                    yield return BenchSet.Corpus(scratch);
                    break;
                case "trivial":
                    yield return BenchSet.Trivial(scratch, 10);
                    break;
                case "large":
                    foreach (var megabytes in (arguments.Get("sizes") ?? "10,30,100").Split(',').Select(int.Parse))
                    {
                        yield return LargeSuite.Write(scratch, megabytes, (int)arguments.Get("tests", 30), (int)arguments.Get("large-samples", 20));
                    }
                    break;
                default:
                    throw new ArgumentException($"unknown set {name}: corpus, large or trivial");
            }
        }
    }

    private static async Task CompareAsync(string checkout, string repository, BenchSet set, int workers, int rounds, string scratch, bool timings)
    {
        var official = new List<RunnerResult>();
        var lcb = new List<RunnerResult>();
        for (var round = 0; round < rounds; round++)
        {
            official.Add(await Runners.OfficialAsync(checkout, set, workers, 6, scratch));
            lcb.Add(await Runners.LcbGradeAsync(repository, set, workers, 6, scratch, timings && round == rounds - 1));
        }
        // peak memory from one more, untimed round each: sampling it would slow the timed ones
        var officialMemory = await Runners.OfficialAsync(checkout, set, workers, 6, scratch, samplePeakMemory: true);
        var lcbMemory = await Runners.LcbGradeAsync(repository, set, workers, 6, scratch, timings: false, samplePeakMemory: true);
        var bestOfficial = official.MinBy(r => r.Run.Wall)!.Run.Wall.TotalSeconds;
        var bestLcb = lcb.MinBy(r => r.Run.Wall)!.Run.Wall.TotalSeconds;
        var agreeing = official.Append(officialMemory).Zip(lcb.Append(lcbMemory))
            .Min(pair => pair.First.Verdicts.Count(v => pair.Second.Verdicts.GetValueOrDefault(v.Key) == v.Value));
        Console.WriteLine($"{set.Name} ({set.Samples} samples), {workers} workers, best of {rounds}: " +
            $"official {bestOfficial:F2} s ({set.Samples / bestOfficial:F1}/s, peak {Mb(officialMemory)} MB) | " +
            $"lcb grade {bestLcb:F2} s ({set.Samples / bestLcb:F1}/s, peak {Mb(lcbMemory)} MB) | ratio {bestOfficial / bestLcb:F2}x | " +
            $"verdicts equal {agreeing}/{set.Samples} (worst round) | all rounds official {Walls(official)}, lcb {Walls(lcb)}");
        if (timings)
        {
            Console.WriteLine(string.Join('\n', lcb[^1].Run.Stdout.Split('\n').SkipWhile(line => !line.StartsWith("timings", StringComparison.Ordinal))).TrimEnd());
            Console.WriteLine("worker side, one worker, one sample at a time:");
            Console.WriteLine((await HarnessProfile.RunAsync(set, scratch)).TrimEnd());
        }
    }

    private static string Mb(RunnerResult run) => $"{run.Run.PeakBytes / 1e6:F0}";

    private static string Walls(IEnumerable<RunnerResult> runs) => string.Join("/", runs.Select(r => r.Run.Wall.TotalSeconds.ToString("F2")));

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[..3].Aggregate((a, b) => $"{a} {b}");
}

using System.Text.Json;
using Pipeline.Cli.Evaluation;

namespace Pipeline.Bench.Official;

/// <summary>One set of samples both runners grade: a problems file and a generations file ({question_id, code_list} rows).</summary>
internal sealed record BenchSet(string Name, string ProblemsFile, string GenerationsFile, int Samples)
{
    /// <summary>
    /// The bundled corpus (tests/data/lcb: o1-mini's and qwen2.5-7b-instruct's samples with the official public
    /// verdicts), less the samples the official runner timed out or lost (a time-out measures the limit, not the runner).
    /// </summary>
    public static BenchSet Corpus(string folder)
    {
        var codes = new Dictionary<string, List<string>>();
        foreach (var sample in new[] { "o1-mini", "qwen2.5-7b-instruct" }.SelectMany(model => OfficialSample.ReadFile(LcbTestData.PublicVerdictsFile(model))))
        {
            var errorCode = sample.Metadata.ValueKind == JsonValueKind.Object && sample.Metadata.TryGetProperty("error_code", out var code) ? code.GetInt32() : 0;
            if (!sample.Results.Contains(-3) && errorCode is not (-3 or -5))
            {
                (codes.TryGetValue(sample.QuestionId, out var list) ? list : codes[sample.QuestionId] = []).Add(sample.Code);
            }
        }
        return Write(folder, "corpus", LcbTestData.ProblemsFile, codes);
    }

    /// <summary>
    /// The first <paramref name="limit"/> bundled problems (all by default) answered <paramref name="n"/> times by
    /// <c>print(0)</c>: the per-sample cost, not the programs'.
    /// </summary>
    public static BenchSet Trivial(string folder, int n, int limit = int.MaxValue)
    {
        var problems = LcbTestData.ProblemsFile;
        var codes = File.ReadLines(problems).Where(line => line.Length > 0).Take(limit)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("question_id").GetString()!)
            .ToDictionary(id => id, _ => Enumerable.Repeat(TrivialRecording.Program, n).ToList());
        return Write(folder, "trivial", problems, codes);
    }

    public static BenchSet Write(string folder, string name, string problemsFile, IReadOnlyDictionary<string, List<string>> codes)
    {
        var generations = Path.Combine(folder, $"{name}.generations.jsonl");
        File.WriteAllLines(generations, codes.Select(pair => JsonSerializer.Serialize(new { question_id = pair.Key, code_list = pair.Value })));
        return new BenchSet(name, problemsFile, generations, codes.Values.Sum(list => list.Count));
    }
}

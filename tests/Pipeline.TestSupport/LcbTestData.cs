using Pipeline.Cli.Evaluation;
using Pipeline.Contracts;
using Pipeline.Dataset;
using Pipeline.Core.Problems;

namespace Pipeline.TestSupport;

/// <summary>
/// The shared LCB corpus in tests/data/lcb: suites of problems.jsonl (public then private tests, as
/// the official runner) and the official verdict files. The one way tests and benchmarks find the corpus.
/// </summary>
public static class LcbTestData
{
    public static string Folder { get; } = Repository.File("tests", "data", "lcb");

    /// <summary>A file of the corpus, e.g. <c>File("pickle_vectors.jsonl")</c>.</summary>
    public static string File(string name) => Path.Combine(Folder, name);

    public static string ProblemsFile => BundledData.Problems(Folder);

    /// <summary>A model's recorded answers (generations/), as the replay server serves them.</summary>
    public static string Recording(string model) => BundledData.Recording(Folder, model);

    public static string[] Recordings() => Directory.GetFiles(Path.Combine(Folder, "generations"), "*.codegeneration.eval_all.jsonl");

    public static string PublicVerdictsFile(string model) => BundledData.OfficialVerdicts(Folder, model);

    /// <summary>Decoded by Ingest's dataset reader, as the product decodes them.</summary>
    public static IReadOnlyDictionary<string, TestSuite> Suites() =>
        DatasetReader.Read(ProblemsFile, new DatasetSelection { Release = "release_latest" }, new DatasetReport())
            .ToDictionary(e => e.Problem.QuestionId, e => e.Suite);

    public static IEnumerable<OfficialSample> OfficialVerdicts(string model) => OfficialSample.ReadFile(PublicVerdictsFile(model));
}

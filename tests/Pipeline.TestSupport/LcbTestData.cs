using Pipeline.Cli.Evaluation;
using Pipeline.Contracts;
using Pipeline.Dataset;
using Pipeline.Core.Problems;

namespace Pipeline.TestSupport;

/// <summary>
/// The shared LCB corpus in tests/data/lcb: suites of problems.jsonl (public then private tests, as
/// the official runner) and the official verdict files.
/// </summary>
public static class LcbTestData
{
    public static string Folder => BundledData.Directory;

    public static string ProblemsFile => BundledData.Problems(Folder);

    public static string PublicVerdictsFile(string model) => BundledData.OfficialVerdicts(Folder, model);

    /// <summary>Decoded by Ingest's dataset reader, as the product decodes them.</summary>
    public static IReadOnlyDictionary<string, TestSuite> Suites() =>
        DatasetReader.Read(ProblemsFile, new DatasetSelection { Release = "release_latest" }, new DatasetReport())
            .ToDictionary(e => e.Problem.QuestionId, e => e.Suite);

    public static IEnumerable<OfficialSample> OfficialVerdicts(string model) => OfficialSample.ReadFile(PublicVerdictsFile(model));
}

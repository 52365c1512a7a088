using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Core.Problems;
using Pipeline.Core.Scenarios;

namespace Pipeline.Dataset;

/// <summary>
/// Streams the problems a selection covers, in file then row order: rows outside the selection are
/// skipped before their tests are decoded; bad rows go to <see cref="DatasetReport"/> and are skipped.
/// </summary>
public static class DatasetReader
{
    private static readonly JsonDocumentOptions RowOptions = new() { MaxDepth = 64 };

    /// <exception cref="DatasetException">the release is unknown or a file is missing or unreadable.</exception>
    /// <param name="scenario">whose dataset the rows are: code_generation_lite (selected by release), or one file of a prediction dataset (release ignored, as the official runner does)</param>
    public static IEnumerable<DatasetEntry> Read(string source, DatasetSelection selection, DatasetReport report, Scenario scenario = Scenario.CodeGeneration)
    {
        var filter = new SelectionFilter(selection);
        var taken = 0;
        if (selection.Limit <= 0)
        {
            yield break;
        }
        foreach (var (file, number, bytes) in Rows(source, selection.Release, report, scenario))
        {
            var entry = TryRead(file, number, bytes, filter, report, scenario);
            if (entry is not null)
            {
                yield return entry;
                if (++taken >= selection.Limit)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>
    /// Every good row of the release as a <see cref="Problem"/> whose tests are not decoded (no suite hash or counts):
    /// what a selection could match, cheaply. Bad rows go to <paramref name="report"/>.
    /// </summary>
    /// <exception cref="DatasetException">the release is unknown or a file is missing or unreadable.</exception>
    public static IEnumerable<Problem> Headers(string source, string release, DatasetReport report, Scenario scenario = Scenario.CodeGeneration)
    {
        foreach (var (file, number, bytes) in Rows(source, release, report, scenario))
        {
            var problem = TryParse(file, number, report, () =>
            {
                using var document = JsonDocument.Parse(bytes, RowOptions);
                return IsPrediction(scenario) ? PredictionRow.Decode(scenario, document.RootElement, bytes).Problem : RowHeader.Read(document.RootElement).Problem;
            });
            if (problem is not null)
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<(string File, long Number, ReadOnlyMemory<byte> Bytes)> Rows(
        string source, string release, DatasetReport report, Scenario scenario)
    {
        foreach (var file in ReleaseFiles.Resolve(source, release, hasReleases: !IsPrediction(scenario)))
        {
            using var stream = Open(file);
            foreach (var (number, bytes) in JsonLines.Read(stream))
            {
                report.AddSourceBytes(bytes.Length + 1);
                yield return (file, number, bytes);
            }
        }
    }

    private static bool IsPrediction(Scenario scenario) => scenario is Scenario.TestOutputPrediction or Scenario.CodeExecution;

    private static DatasetEntry? TryRead(string file, long number, ReadOnlyMemory<byte> bytes, SelectionFilter filter, DatasetReport report, Scenario scenario) =>
        TryParse(file, number, report, () =>
        {
            using var document = JsonDocument.Parse(bytes, RowOptions);
            if (IsPrediction(scenario))
            {
                var (row, rowSuite, rowSuiteBytes) = PredictionRow.Decode(scenario, document.RootElement, bytes);
                return filter.Matches(row) ? new DatasetEntry(file, number, row, rowSuite, rowSuiteBytes, bytes) : null;
            }
            var header = RowHeader.Read(document.RootElement);
            if (!filter.Matches(header.Problem))
            {
                return null;
            }
            var (problem, suite, suiteBytes) = ProblemDecoder.Decode(header);
            return new DatasetEntry(file, number, problem, suite, suiteBytes, bytes);
        });

    /// <summary>A bad row (not JSON, or fields outside the official values) is reported with its file and line, and skipped.</summary>
    private static T? TryParse<T>(string file, long number, DatasetReport report, Func<T?> parse) where T : class
    {
        try
        {
            return parse();
        }
        catch (JsonException exception)
        {
            report.AddBadRow(new BadRow(file, number, $"invalid JSON: {exception.Message}"));
        }
        catch (InvalidDataException exception)
        {
            report.AddBadRow(new BadRow(file, number, exception.Message));
        }
        return null;
    }

    private static FileStream Open(string file)
    {
        try
        {
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"cannot read dataset file '{file}': {exception.Message}", exception);
        }
    }
}

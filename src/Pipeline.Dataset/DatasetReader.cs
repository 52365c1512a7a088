using System.Text.Json;
using Pipeline.Contracts;
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
        foreach (var file in ReleaseFiles.Resolve(source, selection.Release))
        {
            using var stream = Open(file);
            foreach (var (number, bytes) in JsonLines.Read(stream))
            {
                report.AddSourceBytes(bytes.Length + 1);
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
    }

    private static DatasetEntry? TryRead(string file, long number, ReadOnlyMemory<byte> bytes, SelectionFilter filter, DatasetReport report, Scenario scenario)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, RowOptions);
            if (scenario is Scenario.TestOutputPrediction or Scenario.CodeExecution)
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

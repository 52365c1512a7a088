using System.Diagnostics;
using Pipeline.Contracts;
using Pipeline.Core.Scenarios;
using Pipeline.Core.Stores;
using Pipeline.Dataset;

namespace Pipeline.Dataset.Ingest;

/// <summary>Reads a selection of the dataset and stores each problem and its suite; storing is idempotent.</summary>
public sealed class DatasetIngestor(IProblemStore problems, ISuiteStore suites)
{
    /// <exception cref="DatasetException">the release is unknown or a file is missing or unreadable.</exception>
    public async Task<IngestSummary> IngestAsync(
        string source, DatasetSelection selection, Action<BadRow>? onBadRow = null, CancellationToken cancellationToken = default,
        Scenario scenario = Scenario.CodeGeneration)
    {
        var clock = Stopwatch.StartNew();
        var report = new DatasetReport();
        if (onBadRow is not null)
        {
            report.BadRowFound += onBadRow;
        }
        var summary = new IngestSummary { Dataset = report };
        foreach (var entry in DatasetReader.Read(source, selection, report, scenario))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var suiteWasNew = await suites.PutAsync(entry.Suite, cancellationToken);
            var problemChanged = await problems.PutAsync(entry.Problem, cancellationToken);
            summary.Add(entry, suiteWasNew, problemChanged);
        }
        summary.Elapsed = clock.Elapsed;
        return summary;
    }
}

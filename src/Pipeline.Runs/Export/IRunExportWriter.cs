namespace Pipeline.Runs.Export;

/// <summary>Writes a run's verdicts in a file layout (the official eval.json / eval_all.json) into a folder.</summary>
public interface IRunExportWriter
{
    Task WriteAsync(IReadOnlyList<ExportedProblem> problems, string folder, CancellationToken cancellationToken = default);
}

namespace Pipeline.Contracts;

/// <summary>
/// Request to Ingest, answered with <see cref="SelectionChecked"/>: would this selection start a run on the dataset Ingest
/// reads? Sent before StartEvaluation, so a typo is refused while someone is waiting instead of failing the run later.
/// </summary>
public sealed record CheckSelection
{
    public required DatasetSelection Selection { get; init; }
    /// <summary>The official scenario name, as StartEvaluation.Scenario: which dataset the selection is read from.</summary>
    public string Scenario { get; init; } = "codegeneration";
    public bool Cot { get; init; }
}
